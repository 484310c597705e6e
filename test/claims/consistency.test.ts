/**
 * Claims about the same program agree, computed from the recorded datasets (no Go needed): what
 * one claim's verdict says about a program, the others that test it say too.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { computeVerdicts, gatherEvidence, loadClaims, ClaimVerdict } from "../../kernel-helpers/claims";

const claims = loadClaims();
let verdicts: Promise<ClaimVerdict[]> | undefined;
const recorded = () => (verdicts ??= gatherEvidence(claims, { versions: ["1.19", "1.26", "1.27"], live: false }).then((ev) => computeVerdicts(claims, ev)));

async function byId(id: string) {
  return (await recorded()).find((v) => v.claim.id === id)!;
}

test("1.2, 1.3 and 2.3a judge make([]int, 1000) and make([]int, 0, 1000) alike on every version", async () => {
  const [c12, c13, c23] = [await byId("1.2"), await byId("1.3"), await byId("2.3a")];
  c23.byVersion.forEach((b, i) => {
    assert.ok(b.parts, `2.3a has parts on Go ${b.go}`);
    assert.equal(b.parts[0].holds, c12.byVersion[i].verdict === "confirmed", `Go ${b.go}: 2.3a's first part and 1.2`);
    assert.equal(b.parts[1].holds, c13.byVersion[i].verdict === "confirmed", `Go ${b.go}: 2.3a's second part and 1.3`);
  });
});

test("1.4, 2.2c and 3.2a agree on whether a map allocates its buckets at make", async () => {
  const [c14, c22c, c32] = [await byId("1.4"), await byId("2.2c"), await byId("3.2a")];
  const atInit = (v: ClaimVerdict, says: RegExp) => v.byVersion.map((b) => b.parts!.find((p) => says.test(p.says))!.holds);
  const v14 = c14.byVersion.map((b) => b.verdict === "confirmed");
  assert.deepEqual(atInit(c22c, /^make allocates the header and 1 bucket/), v14);
  assert.deepEqual(atInit(c32, /allocates its buckets at init/), v14);
});

test("2.2a and 2.2b read the same map header", async () => {
  const [c22a, c22b] = [await byId("2.2a"), await byId("2.2b")];
  c22a.byVersion.forEach((a, i) => {
    const header = a.evidence[0].bySize;
    assert.equal(header.length, 1, `Go ${a.go}: make(map[int]int) is one allocation`);
    for (const r of c22b.byVersion[i].evidence) {
      assert.ok(r.bySize.some((b) => b.min === header[0].min && b.count >= 1), `Go ${a.go}: ${JSON.stringify(r.case)} holds the header's size bucket`);
    }
    // If 2.2b's small-map part holds (hmap + bucket array), 2.2a's header is one of its two allocations.
    const small = c22b.byVersion[i].parts![0];
    if (small.holds) assert.equal(c22b.byVersion[i].evidence[0].mallocs, 2);
  });
});

test("every decided verdict is explained: what was measured, with numbers, and a runtime function", async () => {
  const undecided = new Set(["cannot be tested here", "no experiment yet", "no evidence"]);
  for (const v of await recorded()) {
    for (const b of v.byVersion) {
      if (undecided.has(b.verdict)) continue;
      const where = `${v.claim.id} on Go ${b.go}`;
      assert.ok(b.explanation.measured.some((m) => /\d/.test(m)), `${where}: measured numbers`);
      assert.ok(b.explanation.why.some((w) => /^(runtime\.|internal\/runtime\/)/.test(w)), `${where}: a runtime function in ${JSON.stringify(b.explanation.why)}`);
    }
  }
});
