/** A page's "what if": the CLI's parser and simulator, bad input as one golab: line, the page's budget. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCase } from "../../../kernel-helpers/case";
import { InputError } from "../../../kernel-helpers/errors";
import { caseFromInputs, PAGE_MAX_HINT, PAGE_MAX_INSERTS, pageLoop, pageSeeds, whatIf } from "../../../kernel-helpers/course/live";
import { DEFAULT_SEEDS, simulate } from "../../../kernel-helpers/sim";

test("a page answers exactly what golab predict's simulator answers, labelled as simulated in the browser", () => {
  for (const go of ["1.19", "1.26", "1.27"]) {
    const a = whatIf("make(map[int]int, 1000)", { go });
    assert.ok(a.ok);
    const cli = simulate("make(map[int]int, 1000)", { go });
    assert.deepEqual(a.result, cli);
    assert.deepEqual(a.rows.map((r) => [r.size, r.rounded, r.class, r.path, r.site, r.why]), cli.allocations.map((x) => [x.size, x.rounded, x.sizeClass, x.path, x.site, x.why]));
    assert.match(a.label, new RegExp(`^simulated in your browser: golab's model of Go ${cli.go.replace(/\./g, "\\.")}`));
  }
});

test("bad input is the parser's own message on one golab: line, never an exception", () => {
  const bad = (input: unknown, go = "1.26") => {
    const a = whatIf(input, { go });
    assert.equal(a.ok, false);
    return (a as { message: string }).message;
  };
  let parserSays = "";
  try {
    parseCase({ op: "makemap", key: "int]", elem: "int", hint: 9 });
  } catch (e) {
    assert.ok(e instanceof InputError);
    parserSays = e.message;
  }
  assert.equal(bad({ op: "makemap", key: "int]", elem: "int", hint: 9 }), `golab: ${parserSays}`);
  assert.match(bad({ op: "makemap", key: "[]int", elem: "int" }), /^golab: .*comparable/);
  assert.match(bad("make(map[int]int, lots)"), /^golab: hint must be a whole number/);
  assert.match(bad("make(map[int]int, 9)", "1.20"), /^golab: Go "1\.20" is not modelled/);
  assert.doesNotMatch(bad("{"), /\n/);
});

test("a panel's inputs become a case: plain decimals are numbers, other text reaches the parser as typed", () => {
  const fixed = { op: "mapinsert" };
  const sizes = ["n", "hint"];
  assert.deepEqual(caseFromInputs(fixed, { key: " string ", elem: "int", n: "100", hint: "" }, sizes), { op: "mapinsert", key: "string", elem: "int", n: 100 });
  assert.deepEqual(caseFromInputs(fixed, { key: "int", elem: "int", n: "1e3", hint: "-1" }, sizes), { op: "mapinsert", key: "int", elem: "int", n: "1e3", hint: "-1" });
  const a = whatIf(caseFromInputs(fixed, { key: "int", elem: "int", n: "1e3" }, sizes), { go: "1.26" });
  assert.equal(a.ok, false);
  assert.match((a as { message: string }).message, /^golab: n must be a whole number .*"1e3"/);
});

test("a page refuses what would freeze it, and says the CLI runs it; long insert loops run fewer seeds and say so", () => {
  const tooMany = whatIf({ op: "mapinsert", key: "int", elem: "int", n: PAGE_MAX_INSERTS + 1 }, { go: "1.26" });
  assert.equal(tooMany.ok, false);
  assert.match((tooMany as { message: string }).message, /^golab: inserts \d+ is more than a page simulates .*golab predict runs it/);
  const bigHint = whatIf(`make(map[int]int, ${PAGE_MAX_HINT + 1})`, { go: "1.26" });
  assert.equal(bigHint.ok, false);
  assert.equal(pageSeeds(parseCase({ op: "mapinsert", key: "int", elem: "int", n: 1000 })), DEFAULT_SEEDS);
  const seeds = pageSeeds(parseCase({ op: "mapinsert", key: "int", elem: "int", n: 10_000 }));
  assert.ok(seeds < DEFAULT_SEEDS && seeds >= 1);
  const a = whatIf({ op: "mapinsert", key: "string", elem: "int", n: 100 }, { go: "1.19" });
  assert.ok(a.ok && a.result.hashDependent);
  assert.match(a.seeds ?? "", new RegExp(`median of ${DEFAULT_SEEDS} hash seeds`));
  const quick = whatIf({ op: "mapinsert", key: "string", elem: "int", n: 100 }, { go: "1.19", quick: true });
  assert.ok(quick.ok && quick.result.distribution?.runs === 1);
  assert.match(quick.seeds ?? "", /one hash seed shown/);
});

test("every looping case keeps to the page's budget: map operations, string concatenation and new calls as inserts do", () => {
  const refused = (input: unknown) => {
    const a = whatIf(input, { go: "1.26" });
    assert.equal(a.ok, false, JSON.stringify(input));
    return (a as { message: string }).message;
  };
  const half = PAGE_MAX_INSERTS / 2;
  // delete(M, n, d, r) runs n inserts, d deletes and r re-inserts: past the budget together, not each.
  assert.match(refused(`delete(map[int]int, ${half}, ${half}, 1)`), /^golab: inserts, deletes and re-inserts \d+ is more than a page simulates .*golab predict runs it/);
  assert.match(refused(`clear(map[int]int, ${half}, ${half + 1})`), /^golab: inserts and re-inserts \d+ is more than a page simulates/);
  assert.match(refused(`maps.Clone(map[int]int, ${half + 1})`), /^golab: inserts and copies \d+ is more than a page simulates/);
  assert.match(refused(`concatloop(2, ${PAGE_MAX_INSERTS + 1})`), /^golab: concatenations \d+ is more than a page simulates/);
  assert.match(refused(`new(int32) [${PAGE_MAX_INSERTS + 1} times]`), /^golab: new calls \d+ is more than a page simulates/);
  // A hash-dependent map operation runs fewer seeds as its loop grows, as an insert loop does.
  const small = parseCase("delete(map[int]int, 100, 50, 50)");
  const big = parseCase(`delete(map[int]int, ${half / 2}, ${half / 4}, ${half / 4})`);
  assert.deepEqual(pageLoop(big), { what: "inserts, deletes and re-inserts", steps: half });
  assert.equal(pageSeeds(small), DEFAULT_SEEDS);
  assert.ok(pageSeeds(big) < DEFAULT_SEEDS && pageSeeds(big) >= 1);
  // A case without a loop has no loop budget, whatever its size.
  assert.equal(pageLoop(parseCase("append([]int, 1000000)")), undefined);
  assert.ok(whatIf("append([]int, 1000000)", { go: "1.26" }).ok);
});
