/** predict --from's pieces: blocks of whole lines, their answers in order, refused lines by number. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { caseBlocks, CaseBlock, MAX_LINE } from "../../kernel-helpers/cli/case-lines";
import { PredictOptions } from "../../kernel-helpers/cli/predict-command";
import { predictFrom } from "../../kernel-helpers/cli/predict-lines";
import { simulate } from "../../kernel-helpers/sim";

const o: PredictOptions = { go: "1.19", seeds: 20, escape: "heap", debug: false, json: true, brief: false };

async function blocksOf(chunks: string[]): Promise<CaseBlock[]> {
  const out: CaseBlock[] = [];
  for await (const b of caseBlocks(Readable.from(chunks.map((c) => Buffer.from(c))))) out.push(b);
  return out;
}

async function answer(chunks: string[], threads = false): Promise<{ out: string; refused: [number, string][]; cases: number; bad: number }> {
  let out = "";
  const refused: [number, string][] = [];
  const r = await predictFrom(caseBlocks(Readable.from(chunks.map((c) => Buffer.from(c)))), o, {
    write: (t) => void (out += typeof t === "string" ? t : Buffer.from(t).toString("utf8")),
    refuse: (line, reason) => void refused.push([line, reason]),
  }, { threads });
  return { out, refused, ...r };
}

test("blocks hold whole lines, whatever the chunks; a last line needs no newline", async () => {
  const blocks = await blocksOf(["make([]int", ", 1)\nmake([]int, 2)\nma", "ke([]int, 3)\r\n", "\nmake([]int, 4)"]);
  assert.deepEqual(blocks.map((b) => b.text).join("\n").split("\n"), ["make([]int, 1)", "make([]int, 2)", "make([]int, 3)\r", "", "make([]int, 4)"]);
});

test("a line too long to be a case is one refused line, and the lines after it are read", async () => {
  const long = "x".repeat(MAX_LINE + 10);
  const r = await answer(["make([]int, 1)\n", long.slice(0, MAX_LINE / 2), long.slice(MAX_LINE / 2), "\nmake([]int, 2)\n"]);
  assert.deepEqual(r.refused.map(([line]) => line), [2]);
  assert.match(r.refused[0][1], /longer than/);
  assert.equal(r.out.trim().split("\n").length, 2);
});

test("each case line gives the JSON simulate gives, in order; bad lines are refused by number and the others go on", async () => {
  const lines = ["make(map[int]int, 1000)", "", "nonsense", '{"op":"mapinsert","key":"int","elem":"int","n":100}', '{"op":"makeslice"}', "_ = make([]byte, 3)"];
  const r = await answer([lines.join("\n")]);
  const want = [lines[0], lines[3], lines[5]].map((l) => JSON.stringify(simulate(l, { go: "1.19", seeds: 20 })));
  assert.deepEqual(r.out.trim().split("\n"), want);
  assert.deepEqual(r.refused.map(([line]) => line), [3, 5]);
  assert.equal(r.cases, 5, "blank lines are not cases");
  assert.equal(r.bad, 2);
});

test("with a helper thread the output is the same, in the same order", async () => {
  // Many chunks: blocks are answered on both threads, the output still in order.
  const chunks = Array.from({ length: 9 }, (_, i) => `${Array.from({ length: 50 }, (_, j) => `make([]int, ${i * 50 + j})`).join("\n")}\n${i === 4 ? "bad line\n" : ""}`);
  const one = await answer(chunks, false);
  const two = await answer(chunks, true);
  assert.equal(two.out, one.out);
  assert.deepEqual(two.refused, one.refused);
  assert.deepEqual(one.refused.map(([line]) => line), [251]);
  assert.equal(one.out.trim().split("\n").length, 450);
});
