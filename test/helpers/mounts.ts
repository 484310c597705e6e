/**
 * Small file systems for output tests: a full disk and a read-only folder, real where this test
 * may mount a tmpfs (root with CAP_SYS_ADMIN, as on the CI machine), else null, and the test uses
 * an injected failure instead (helpers below). Each mount lives under a folder of the test's own
 * and is unmounted by `unmountAll`.
 */
import { after } from "node:test";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
// The module object itself (not a namespace copy), so that a patched function is seen by every importer.
import nodeFs = require("node:fs");

const mounted: string[] = [];

/** Mounts a tmpfs of `kib` KiB (read-only if asked) at a fresh folder; null when mounting is not allowed here. */
export function mountTmpfs(kib: number, { readOnly = false } = {}): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "golab-test-mount-"));
  const r = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${kib}k${readOnly ? ",ro" : ""}`, "tmpfs", dir], { encoding: "utf8" });
  if (r.status !== 0) {
    fs.rmdirSync(dir);
    return null;
  }
  mounted.push(dir);
  return dir;
}

/** Fills a file system until a write fails with ENOSPC. */
export function fill(dir: string): void {
  const block = Buffer.alloc(4096, 1);
  const fd = fs.openSync(path.join(dir, "filler"), "a");
  try {
    for (;;) fs.writeSync(fd, block);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOSPC") throw e;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A scratch folder for the test file, removed after it, with every mount made by mountTmpfs
 * unmounted first.
 */
export function scratchFolder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  after(() => {
    unmountAll();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

export function unmountAll(): void {
  for (const dir of mounted.splice(0)) {
    spawnSync("umount", [dir]);
    fs.rmdirSync(dir);
  }
}

/**
 * Makes every fs.writeFileSync under `dir` fail with `code`, as a full or read-only disk would,
 * until the returned function is called.
 */
export function failWritesUnder(dir: string, code: "ENOSPC" | "EROFS"): () => void {
  const original = nodeFs.writeFileSync;
  nodeFs.writeFileSync = ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
    if (typeof file === "string" && path.resolve(file).startsWith(`${dir}${path.sep}`)) {
      throw Object.assign(new Error(`${code}: injected, write '${file}'`), { code });
    }
    return (original as (...a: unknown[]) => void)(file, ...rest);
  }) as typeof fs.writeFileSync;
  return () => {
    nodeFs.writeFileSync = original;
  };
}
