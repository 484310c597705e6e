/**
 * golab-live.js: the browser build of the simulator, the Case parser and the chart renderer
 * (vega-embed, vega, vega-lite from node_modules), one classic script bundled by esbuild when
 * the course is exported. A classic script (not a module) so that pages opened from file:// run
 * it; it fetches nothing at run time. Built from the TypeScript sources, the same files
 * `golab predict` is compiled from, so a page and the CLI cannot disagree.
 */
import * as path from "node:path";
import { repoRoot } from "../../jupyter/paths";

/** The browser entry (browser/main.ts): the live parts' only code that touches the DOM. */
export function browserEntry(): string {
  return path.join(repoRoot(), "kernel-helpers", "course", "live", "browser", "main.ts");
}

/** What one build wrote. */
export interface LiveBundle {
  file: string;
  bytes: number;
  /** Bytes of the simulator, the Case parser and the types they need (golab's own code in the bundle). */
  golabBytes: number;
}

/** Bundles browser/main.ts and what it imports into `file` (minified, for current browsers). */
export async function buildLiveBundle(file: string): Promise<LiveBundle> {
  const esbuild = await import("esbuild");
  let result: Awaited<ReturnType<typeof esbuild.build<{ metafile: true }>>>;
  try {
    result = await esbuild.build({
      entryPoints: [browserEntry()], outfile: file, bundle: true, platform: "browser", format: "iife",
      target: "es2020", minify: true, metafile: true, logLevel: "silent",
    });
  } finally {
    // esbuild's service is a child process: none is left behind once the bundle is written.
    await esbuild.stop();
  }
  const outputs = Object.values(result.metafile.outputs);
  const inputs = outputs.flatMap((o) => Object.entries(o.inputs));
  return {
    file,
    bytes: outputs.reduce((sum, o) => sum + o.bytes, 0),
    golabBytes: inputs.filter(([name]) => !name.includes("node_modules")).reduce((sum, [, i]) => sum + i.bytesInOutput, 0),
  };
}
