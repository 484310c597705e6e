/**
 * golab's Jupyter (the one `golab lab` starts) offers no terminals and answers cross-origin
 * requests only from its own page: a page elsewhere (another port of this machine included)
 * holding the token cannot read the answers.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as path from "node:path";
import { startJupyterServer } from "../../kernel-helpers/jupyter";

test("golab lab's server: terminals off, CORS only for its own origin", { timeout: 120_000 }, async () => {
  const server = await startJupyterServer({ app: "lab", rootDir: path.resolve(__dirname, "..", "..", "..", "notebooks") });
  try {
    const get = (p: string, origin?: string) => fetch(`${server.url.replace(/\/$/, "")}${p}`, {
      headers: { Authorization: `token ${server.token}`, ...(origin ? { Origin: origin } : {}) },
    });
    assert.equal((await get("/api/status")).status, 200, "the token works");
    assert.equal((await get("/api/terminals")).status, 404, "no terminals");
    const evil = await get("/api/kernels", "http://evil.example");
    assert.equal(evil.headers.get("access-control-allow-origin"), null, "a foreign origin is not echoed");
    const own = new URL(server.url).origin;
    const neighbour = `http://127.0.0.1:${Number(new URL(server.url).port) === 65535 ? 65534 : Number(new URL(server.url).port) + 1}`;
    const other = await get("/api/kernels", neighbour);
    assert.equal(other.headers.get("access-control-allow-origin"), null, "a page on another loopback port is not echoed");
    const mine = await get("/api/kernels", own);
    assert.equal(mine.headers.get("access-control-allow-origin"), own, "its own page's origin is");
  } finally {
    await server.stop();
  }
});

test("the headless server (golab run, export) loads no server extension: kernels and contents only", { timeout: 120_000 }, async () => {
  const server = await startJupyterServer({ app: "server", rootDir: path.resolve(__dirname, "..", "..", "..", "notebooks") });
  try {
    const get = (p: string) => fetch(`${server.url.replace(/\/$/, "")}${p}`, { headers: { Authorization: `token ${server.token}` } });
    assert.equal((await get("/api/kernelspecs")).status, 200, "kernels are served");
    assert.equal((await get("/api/contents")).status, 200, "contents are served");
    // Installed beside JupyterLab and enabled in the environment's config: not loaded here.
    assert.equal((await get("/lab")).status, 404, "no JupyterLab");
    assert.equal((await get("/lsp/status")).status, 404, "no language server proxy");
  } finally {
    await server.stop();
  }
});
