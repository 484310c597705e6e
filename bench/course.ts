/**
 * The course as a reader runs it: each chapter's execution time through the real kernel, the
 * whole export's time, and the peak resident memory of the tslab kernels while they ran (sampled
 * from /proc, through kernel-helpers/proc, every 200 ms: the largest any one kernel reached).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { exportCourse } from "../kernel-helpers/course";
import { commandLine, listProcesses, residentKiB } from "../kernel-helpers/proc";

export interface CourseFigures {
  live: boolean;
  chapters: { name: string; seconds: number; slowestCell: { index: number; seconds: number } | null }[];
  exportSeconds: number;
  /** With live Go: the same export again right after, every result then in the result cache. */
  warmExportSeconds?: number;
  peakKernelMiB: number;
}

/** Resident memory (KiB) of every running tslab kernel, by pid. */
function kernelRss(): number[] {
  return listProcesses().flatMap((p) => {
    const cmd = commandLine(p.pid);
    if (!/tslab/.test(cmd) || !/kernel/.test(cmd)) return [];
    const rss = residentKiB(p.pid);
    return rss === null ? [] : [rss];
  });
}

/**
 * The whole export from an empty result cache of its own (GOLAB_RESULTS_CACHE, which the kernels
 * inherit; built probes and Go's build cache stay as they are, as the target names the result
 * cache), and with live Go once more from the results it filled.
 */
export async function benchCourse({ live = true }: { live?: boolean } = {}): Promise<CourseFigures> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "golab-bench-course-"));
  const saved = process.env.GOLAB_RESULTS_CACHE;
  process.env.GOLAB_RESULTS_CACHE = path.join(out, "results");
  let peak = 0;
  const sampler = setInterval(() => { peak = Math.max(peak, ...kernelRss()); }, 200);
  try {
    const parameters: Record<string, boolean> = live ? {} : { live: false };
    const r = await exportCourse({ outDir: path.join(out, "course"), parameters });
    const warm = live ? await exportCourse({ outDir: path.join(out, "course-warm"), parameters }) : undefined;
    return {
      live, chapters: r.pages.map((p) => ({ name: p.name, seconds: p.seconds, slowestCell: p.slowestCell })), exportSeconds: r.seconds,
      ...(warm ? { warmExportSeconds: warm.seconds } : {}), peakKernelMiB: peak / 1024,
    };
  } finally {
    clearInterval(sampler);
    if (saved === undefined) delete process.env.GOLAB_RESULTS_CACHE;
    else process.env.GOLAB_RESULTS_CACHE = saved;
    fs.rmSync(out, { recursive: true, force: true });
  }
}

export function courseTable(f: CourseFigures): string {
  return [
    `course (${f.live ? "Go on every installed version, recorded for the rest" : "no Go: recorded datasets and the simulator"})`,
    "",
    "| chapter | seconds | slowest cell (seconds) |",
    "|---|---|---|",
    ...f.chapters.map((c) => `| ${c.name} | ${c.seconds.toFixed(1)} | ${c.slowestCell ? `cell ${c.slowestCell.index}: ${c.slowestCell.seconds.toFixed(1)}` : "—"} |`),
    `| **whole export** (server, kernels, nbconvert), from an empty result cache | **${f.exportSeconds.toFixed(1)}** | |`,
    ...(f.warmExportSeconds !== undefined ? [`| **whole export again**, every result from the cache it filled | **${f.warmExportSeconds.toFixed(1)}** | |`] : []),
    "",
    f.live
      ? `target: under 3 min from an empty result cache (under 60 s from a warm one); now ${f.exportSeconds.toFixed(1)} s from empty${f.warmExportSeconds !== undefined ? `, ${f.warmExportSeconds.toFixed(1)} s warm` : ""}`
      : `target: under 30 s, no cell over 5 s; now ${f.exportSeconds.toFixed(1)} s, slowest cell ${Math.max(0, ...f.chapters.map((c) => c.slowestCell?.seconds ?? 0)).toFixed(1)} s`,
    "",
    `peak resident memory of a tslab kernel: ${f.peakKernelMiB.toFixed(0)} MiB`,
  ].join("\n");
}
