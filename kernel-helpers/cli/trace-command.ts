/**
 * `golab trace <case>... --go V [--stack N] [--count] [--json]`: the cases under Delve, every
 * allocation with its size, type, runtime caller and stack (or, with --count, the numbers only).
 * `golab trace --experiment 2.4 [case...] --go V`: the chapter 2.4 hit counts.
 */
import { Command, Option } from "commander";
import { SUMMARIES } from "./summaries";
import { caseKey, describeCase, parseCase } from "../case";
import { findToolchain } from "../go";
import { Source, summarizeSources } from "../store/source";
import { InputError } from "../errors";
import { DEFAULT_MEM_CAP } from "../measure";
import { cliMessages, measureMessages, traceMessages } from "../messages";
import { DEFAULT_STACK, DEFAULT_WORKLOAD, experiment24, Experiment24Result, trace, TRACE_COUNTERS, TraceCounter, TraceResult } from "../trace";
import { byteSize, escapeOption, wholeNumber } from "./options";
import { codeFileList, readCodeCases } from "./code-files";
import { formatBytes } from "../bytes";
import { allocationSize } from "./sizes";
import type { LineSummary } from "../code/lines";
import { textTable } from "./text-table";

function head(r: TraceResult | Experiment24Result, debug: boolean, what: string, sources: readonly Source[]): string {
  const experiment = r.build.goexperiment ? `, GOEXPERIMENT=${r.build.goexperiment}` : "";
  return `${summarizeSources(sources, "traced")}: Go ${r.go} ${r.build.goos}/${r.goarch} under dlv ${r.delve.version}, ${debug ? "debug build (-gcflags=all=-N -l)" : "optimized build"}${experiment}, ${what}`;
}

const bytesText = (n: number | undefined) => (n === undefined ? "-" : formatBytes(n));

/** The trace command's text: per case its counts, and in detail mode one row per allocation. */
export function formatTrace(results: readonly TraceResult[], sources: readonly Source[] = [{ kind: "live" }]): string {
  const first = results[0];
  const entry = first.entries.specialised
    ? `runtime.mallocgc + ${first.entries.functions - 1} size-specialised malloc functions (sizes under ${first.entries.limit} B counted there)`
    : "runtime.mallocgc";
  const how = first.counter === "uprobes" ? "eBPF uprobes" : "breakpoints";
  const out = [head(first, first.build.debug, `${first.mode} mode; ${how} on ${entry}`, sources), ""];
  if (first.mode === "count") {
    const rows = results.map((r) => [
      describeCase(r.case), String(r.mallocs), String(r.mallocgcCalls),
      Object.entries(r.byEntry).map(([f, n]) => `${f.replace(/^runtime\./, "")}: ${n}`).join(", ") || "-",
    ]);
    out.push(textTable(["case", "mallocs", "calls (size 0 too)", "by entry"], rows));
    return `${out.join("\n")}\n`;
  }
  for (const r of results) {
    out.push(`${describeCase(r.case)}: ${r.mallocs} malloc${r.mallocs === 1 ? "" : "s"}, ${r.mallocgcCalls} call${r.mallocgcCalls === 1 ? "" : "s"} (size 0 too), ${bytesText(r.bytes)} asked, ${bytesText(r.allocatedBytes)} taken`);
    const allocations = r.allocations ?? [];
    if (allocations.length > 0) {
      // A code case names the user's line of each allocation, and sums them per line after the table.
      const code = r.case.op === "code";
      const rows = allocations.map((a, i) => [
        String(i + 1), ...(code ? [a.line === undefined ? "-" : String(a.line)] : []),
        allocationSize(a.size), allocationSize(a.rounded), a.path, a.type ?? "(nil)", a.site, a.entry.replace(/runtime\./g, ""),
      ]);
      out.push(textTable(["#", ...(code ? ["line"] : []), "size", "taken", "path", "type", "site (runtime caller)", "entry"], rows));
      if (r.lines) out.push("", "by line:", ...r.lines.map((l) => `  ${lineSummaryText(l)}`));
      if ((allocations[0].stack ?? []).length > 0) {
        out.push("", "stacks:");
        allocations.forEach((a, i) => out.push(`  #${i + 1}: ${a.stack.join(" ← ")}`));
      }
    }
    out.push("");
  }
  return `${out.join("\n")}`;
}

/** "line 4: 3 allocations, 96 B asked, 112 B taken" */
export function lineSummaryText(l: LineSummary): string {
  return `line ${l.line}: ${l.mallocs} allocation${l.mallocs === 1 ? "" : "s"}, ${formatBytes(l.bytes)} asked, ${formatBytes(l.allocatedBytes)} taken`;
}

/** The experiment's text: one row per runtime function, with what it is. */
export function formatExperiment24(r: Experiment24Result, debug: boolean, source: Source = { kind: "live" }): string {
  const out = [head(r, debug, "GC off in the probe", [source]), "", "workload:", ...r.workload.map((c, i) => `  case ${i + 1}: ${describeCase(c)}`), ""];
  const rows = r.functions.map((f) => [
    f.family, f.name, f.present ? String(f.wholeRun) : "absent", f.present ? f.perCase.join(" / ") : "-",
  ]);
  out.push(textTable(["family", "function", "whole run", "per case (probe goroutine)"], rows), "");
  for (const f of r.functions.filter((x) => x.present)) {
    out.push(`${f.name} (${f.source}): ${f.what}`);
    if (f.firstStack.length > 0) out.push(`  first hit: ${f.firstStack.slice(0, 6).join(" ← ")}`);
  }
  return `${out.join("\n")}\n`;
}

export function addTraceCommand(program: Command): void {
  program
    .command("trace")
    .description(SUMMARIES.trace)
    .argument("[case...]", "a case: JSON, or a short form such as 'make(map[int]int, 1000)' or '_ = make([]int, 1000)'")
    .option("--code <file>", cliMessages.codeOption, codeFileList)
    .option("--go <version>", "1.19, 1.26, 1.27, or a path to a go binary (default: the go on PATH)")
    .option("--stack <n>", "frames of stack per allocation", wholeNumber("--stack", 0, 100), DEFAULT_STACK)
    .option("--count", "count mode: the numbers only, without stopping on each allocation (fast)", false)
    .addOption(new Option("--counter <how>", "count mode: Delve's breakpoints, eBPF uprobes (the lab's dlv, Go 1.26), or auto: breakpoints when dlv and the program share one CPU (the default), else uprobes for 2,000 allocations or more").choices([...TRACE_COUNTERS]).default("auto"))
    .option("--escape <where>", "for short forms: heap, stack or discard", escapeOption, "heap")
    .option("--debug", cliMessages.debugOption, false)
    .option("--goexperiment <list>", "GOEXPERIMENT for the build, e.g. sizespecializedmalloc")
    .addOption(new Option("--mem-cap <bytes>", "refuse cases estimated to hold more (e.g. 2GiB)").argParser(byteSize("--mem-cap")).default(DEFAULT_MEM_CAP, formatBytes(DEFAULT_MEM_CAP)))
    .option("--timeout <seconds>", "time limit for the Delve session; dlv and the program are killed after it", wholeNumber("--timeout", 1, 86_400), 600)
    .option("--experiment <id>", "run an article experiment instead: 2.4 (hit counts of sysAlloc, allocLarge, growWork)")
    .option("--no-cache", "trace now, and store nothing (default: read and fill the result cache)")
    .option("--json", "print the result JSON instead of a table", false)
    .option("--quiet", "no progress lines on stderr", false)
    .action(async (texts: string[], o) => {
      const { cacheFor, eachThroughCache, throughCache } = (require("../store") as typeof import("../store"));
      const onProgress = o.quiet ? undefined : (m: string) => process.stderr.write(`golab: ${m}\n`);
      const cases = [...texts.map((t) => parseCase(t, { escape: o.escape })), ...readCodeCases(o.code ?? [])];
      const cache = cacheFor(o.cache, onProgress);
      const common = { go: o.go, debug: o.debug, goexperiment: o.goexperiment, memCap: o.memCap, timeoutMs: o.timeout * 1000, onProgress };
      if (o.experiment !== undefined) {
        if (o.experiment !== "2.4") throw new InputError(traceMessages.badOption("--experiment", o.experiment, "2.4"), o.experiment);
        const workload = cases.length > 0 ? cases : DEFAULT_WORKLOAD.map((t) => parseCase(t));
        const tc = await findToolchain(o.go, { goexperiment: o.goexperiment });
        const { source, result } = await throughCache(cache, tc, "breakpoint-frequency", { cases: workload.map(caseKey), debug: o.debug },
          () => experiment24(workload, common));
        process.stdout.write(o.json ? `${JSON.stringify({ ...result, source }, null, 2)}\n` : formatExperiment24(result, o.debug, source));
        return;
      }
      if (cases.length === 0) throw new InputError(measureMessages.noCases(), "");
      const mode = o.count ? "count" : "detail";
      const tc = await findToolchain(o.go, { goexperiment: o.goexperiment });
      // A counter asked for by name is part of the key (the counts are the same; the result says which counted).
      const counter = o.counter as TraceCounter;
      const traced = await eachThroughCache(cache, tc, "trace", cases, (c) => ({ case: caseKey(c), debug: o.debug, stack: o.stack, mode, ...(mode === "count" && counter !== "auto" ? { counter } : {}) }),
        (missing) => trace(missing, { ...common, mode, counter, stack: o.stack }));
      process.stdout.write(o.json
        ? `${JSON.stringify(traced.map((t) => ({ ...t.result, source: t.source })), null, 2)}\n`
        : formatTrace(traced.map((t) => t.result), traced.map((t) => t.source)));
    });
}
