import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { loadClaims, ClaimVerdict } from "../../kernel-helpers/claims";
import { setDisplaySink, showVerdict, MimeBundle, VERDICT_MIME } from "../../kernel-helpers/display";

afterEach(() => setDisplaySink(null));

// Shapes only: placeholder verdicts, not claims about Go.
const claim = loadClaims()[0];
const outcome = (go: string, why: string[]) => ({
  go, source: "recorded 2026-11-24", verdict: "refuted" as const, reason: "placeholder reason", evidence: [],
  explanation: { article: "a", measured: ["make(x): 1 malloc <b>"], why },
});
const verdicts: ClaimVerdict[] = [{ claim, overall: "refuted", byVersion: [outcome("1.19.8", ["runtime.makemap (runtime/map.go:1)"]), outcome("1.26.8", [])] }];

test("one claim's verdict: per version in Markdown, the explanation folded in escaped HTML", () => {
  const out: MimeBundle[] = [];
  setDisplaySink((b) => out.push(b));
  showVerdict(verdicts, claim.id);
  assert.equal(out.length, 2);
  assert.equal(out[0]["text/markdown"], `**${claim.id}: refuted.**\n- Go 1.19.8 (recorded 2026-11-24): **refuted**. placeholder reason\n- Go 1.26.8 (recorded 2026-11-24): **refuted**. placeholder reason`);
  // Beside the text, the verdicts as data: the course index reads them for its verdict matrix.
  assert.deepEqual(out[0][VERDICT_MIME], { id: claim.id, claim: claim.claim, overall: "refuted", byVersion: [{ go: "1.19.8", verdict: "refuted" }, { go: "1.26.8", verdict: "refuted" }] });
  const html = String(out[1]["text/html"]);
  assert.match(html, /^<details class="golab-explanation"><summary>How the lab decided/);
  assert.match(html, /<li>measured: make\(x\): 1 malloc &lt;b&gt;<\/li>/);
  assert.match(html, /<li>why: runtime\.makemap \(runtime\/map\.go:1\)<\/li>/);
});

test("an unknown claim id is an error naming the ones there are", () => {
  assert.throws(() => showVerdict(verdicts, "9.9"), new RegExp(`no verdict for claim 9\\.9 \\(have: ${claim.id.replace(".", "\\.")}\\)`));
});
