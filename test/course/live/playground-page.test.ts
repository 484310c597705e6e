/** playground.html: the contract's form for any case, every modelled version, the one script, nothing from outside. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { playgroundPage, PLAYGROUND_CASE } from "../../../kernel-helpers/course/live";
import { MODELLED_VERSIONS } from "../../../kernel-helpers/sim";

test("the playground holds a golab-whatif form for any case and a checkbox per modelled Go version", () => {
  const html = playgroundPage({ index: { href: "index.html", title: "golab & <co>" } });
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<section class="golab-whatif golab-playground">/);
  assert.ok(html.includes(`<input name="case" value="${PLAYGROUND_CASE.replace(/"/g, "&quot;")}"`));
  for (const v of MODELLED_VERSIONS) assert.ok(html.includes(`<input type="checkbox" name="go" value="${v}" checked>`), `Go ${v}`);
  assert.match(html, /<div class="golab-whatif-output"/);
  assert.match(html, /<a href="index.html">golab &amp; &lt;co&gt;<\/a>/);
  assert.match(html, /<script src="golab-live.js"><\/script>/);
  assert.match(html, /\.golab-whatif \{/, "the live styles are inlined");
  assert.deepEqual(html.match(/(?:href|src)="\w+:\/\//g), null, "no URL outside the export");
});
