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
  chapters: { name: string; seconds: number }[];
  exportSeconds: number;
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

export async function benchCourse({ live = true }: { live?: boolean } = {}): Promise<CourseFigures> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "golab-bench-course-"));
  let peak = 0;
  const sampler = setInterval(() => { peak = Math.max(peak, ...kernelRss()); }, 200);
  try {
    const r = await exportCourse({ outDir: out, parameters: live ? {} : { live: false } });
    return { live, chapters: r.pages.map((p) => ({ name: p.name, seconds: p.seconds })), exportSeconds: r.seconds, peakKernelMiB: peak / 1024 };
  } finally {
    clearInterval(sampler);
    fs.rmSync(out, { recursive: true, force: true });
  }
}

export function courseTable(f: CourseFigures): string {
  return [
    `course (${f.live ? "Go on every installed version, recorded for the rest" : "no Go: recorded datasets and the simulator"})`,
    "",
    "| chapter | seconds |",
    "|---|---|",
    ...f.chapters.map((c) => `| ${c.name} | ${c.seconds.toFixed(1)} |`),
    `| **whole export** (server, kernels, nbconvert) | **${f.exportSeconds.toFixed(1)}** |`,
    "",
    `peak resident memory of a tslab kernel: ${f.peakKernelMiB.toFixed(0)} MiB`,
  ].join("\n");
}
