/**
 * Every user-visible message, in one place, so that errors read alike and tests can compare
 * them (vega-lite's log/message.ts does the same).
 */

import { formatBytes } from "./bytes";

/**
 * Escapes what would break a one-line message: JSON.stringify leaves DEL, the C1 controls (NEL is
 * one) and the line separators U+2028/U+2029 raw.
 */
const oneLine = (s: string): string =>
  s.replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** A long value cut for a message. */
const cut = (s: string, max = 300): string => (s.length > max ? `${s.slice(0, max)}…` : s);

/** A value quoted in a message: escaped, and cut (a 10 KB --go must not come back in full). */
const show = (s: string): string => oneLine(JSON.stringify(cut(s, SHOWN_AT_MOST)));
const SHOWN_AT_MOST = 200;

/** A list as a sentence says it, "a, b or c" with `word` "or" (one name alone as it is; none: ""). */
const listWith = (word: string) => (xs: readonly string[]): string =>
  (xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} ${word} ${xs[xs.length - 1]}`);
const orList = listWith("or");
/** "a, b and c": for sentences the lab writes from its results (chart summaries, verdicts, agreement). */
export const andList = listWith("and");

/**
 * The last guard before a message reaches the terminal (golab's own and commander's): no word
 * longer than twice what show() leaves of a value (room for its quotes and escapes), so an
 * unknown command or option of 10 KB is not echoed in full either.
 */
export const forTerminal = (message: string): string =>
  message.replace(new RegExp(`\\S{${2 * SHOWN_AT_MOST + 1},}`, "g"), (w) => `${w.slice(0, 2 * SHOWN_AT_MOST)}…`);

/** Why a file could not be read, in words (Node's own message repeats the path, uncut). */
const READ_REASONS: Record<string, string> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a folder",
  ENOTDIR: "a part of the path is not a folder",
  ENAMETOOLONG: "the name is too long",
  ELOOP: "too many symbolic links",
  EIO: "an input/output error",
};
export const readReason = (e: unknown): string => {
  const code = (e as { code?: string }).code ?? "";
  return READ_REASONS[code] ?? oneLine(cut(String((e as Error).message ?? e), SHOWN_AT_MOST));
};

export const typeMessages = {
  empty: () => "a Go type is needed here, but the text is empty",
  nonAscii: (text: string, at: number) =>
    `unsupported character ${show(text[at] ?? "")} (U+${(text.codePointAt(at) ?? 0).toString(16).toUpperCase().padStart(4, "0")}) at position ${at + 1} in Go type ${show(text)} (types are plain ASCII)`,
  badChar: (text: string, at: number) =>
    `unexpected character ${show(text[at] ?? "")} at position ${at + 1} in Go type ${show(text)}`,
  unexpected: (text: string, at: number, found: string, expected: string) =>
    `expected ${expected} at position ${at + 1} in Go type ${show(text)}, found ${found}`,
  unknownName: (text: string, name: string) =>
    `unknown type name ${show(name)} in Go type ${show(text)}: use a basic type (int, uint8, float64, string, ...), any, or a pointer, array, slice, struct or map of them`,
  trailing: (text: string, rest: string) => `unexpected ${show(rest)} after the end of Go type ${show(text)}`,
  badArrayLength: (text: string, len: string) =>
    `array length ${show(len)} in Go type ${show(text)} must be a whole number from 0 to 1000000000`,
  badFieldName: (text: string, name: string) =>
    `struct field name ${show(name)} in Go type ${show(text)} is not a Go identifier`,
  duplicateField: (text: string, name: string) => `duplicate struct field ${show(name)} in Go type ${show(text)}`,
  notComparable: (text: string, key: string) =>
    `map key type ${show(key)} in ${show(text)} is not comparable (slices, maps and structs or arrays holding them cannot be keys)`,
  tooDeep: (text: string) => `Go type ${show(text)} nests too deeply (at most 16 levels)`,
  tooLong: (length: number) => `Go type is ${length} characters long; at most 500 are accepted`,
  tooLarge: (text: string) => `Go type ${show(text)} is larger than Go allows for one value`,
};

export const caseMessages = {
  notObject: () => "a case must be a JSON object or a short form such as make(map[int]int, 1000)",
  badJson: (reason: string) => `the case is not valid JSON: ${oneLine(reason)}`,
  unknownOp: (op: unknown, ops: readonly string[]) =>
    `unknown op ${show(String(op))}: use ${orList(ops)}`,
  unknownField: (op: string, field: string) => `unknown field ${show(field)} for op ${op}`,
  missingField: (op: string, field: string) => `op ${op} needs the field ${show(field)}`,
  notSizes: (field: string) => `field ${show(field)} must be a list of whole numbers, such as [3, 5]`,
  notString: (field: string) => `field ${show(field)} must be a string holding a Go type`,
  notTypeList: (field: string) => `field ${show(field)} must be a list of Go types, such as ["int", "string"]`,
  badSize: (field: string, value: unknown) =>
    `${field} must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, not ${show(String(value))}`,
  badEnum: (field: string, value: unknown, allowed: readonly string[]) =>
    `invalid ${field}: ${show(String(value))} (use ${allowed.join(", ")})`,
  lenOverCap: (len: number, cap: number) => `len ${len} is larger than cap ${cap}: Go rejects make with len > cap`,
  capWithoutMake: () => "len and cap apply only to start \"make\"; start \"nil\" begins from var s []T",
  freshElemNeedsPointer: (elem: string) =>
    `freshElem stores a new pointer on every insert, so elem must be a pointer type, not ${show(elem)}`,
  makeOfWrongType: (type: string) => `make of ${show(type)}: make needs a map type map[K]V or a slice type []T`,
  growthOfWrongType: (fn: string, what: string) =>
    fn === "append"
      ? `append to ${show(what)}: append needs a slice type []T (a nil slice) or make([]T, len[, cap])`
      : `insert into ${show(what)}: insert needs a map type map[K]V or make(map[K]V, hint)`,
  shortForm: (text: string, forms: readonly string[]) =>
    `cannot read case ${show(text)}: write JSON, or one of ${forms.join("; ")}`,
  unknownFlag: (flag: string, known: readonly string[]) => `unknown flag ${show(`[${flag}]`)}: use ${known.map((k) => `[${k}]`).join(", ")}`,
  flagNotFor: (flag: string, form: string) => `[${flag}] applies only to ${form}`,
  discardAndStack: () => "a case is either discarded (_ = …) or kept on the stack ([stack]), not both",
  shortFormArgs: (text: string) => `wrong number of arguments in ${show(text)}`,
  tooLong: (length: number, limit: number) => `case text is ${length} characters long; at most ${limit} are accepted`,
  notText: (field: string, what: string) => `field ${show(field)} must be a string holding ${what}`,
  sourceTooLong: (length: number, limit: number) => `the Go source is ${length} characters long; at most ${limit} are accepted`,
  nulInSource: () => "the Go source holds a NUL character, which Go source may not",
  badFileName: (name: string) => `invalid name ${show(name.slice(0, 120))}: a file name of 1 to 100 printable characters, without spaces or slashes`,
  beyondMaxAlloc: (what: string, bytes: number) =>
    `${what} would need ${bytes} bytes, more than one Go allocation can hold on amd64 (2^48 bytes, runtime.maxAlloc): Go panics with "len out of range"`,
};

/** What golab record refuses before it measures. */
export const recordMessages = {
  unknownMatrix: (name: string, known: readonly string[]) => `unknown matrix ${show(name)}: use ${orList(known)}`,
  unknownExperiment: (names: readonly string[], known: readonly string[]) =>
    `unknown experiment${names.length === 1 ? "" : "s"} ${names.map(show).join(", ")} (known: ${known.join(", ")})`,
  /** A bad line of a recording. The reason may quote the line (V8's JSON errors do): escaped, so no byte of the file reaches the terminal raw. */
  badLine: (file: string, line: number, why: string) => `${oneLine(file)}:${line}: ${oneLine(why)}`,
};

/** The object operations' own refusals (case/objects.ts). */
export const objectMessages = {
  noLiteral: (type: string) => `&${type}{} is not Go: a composite literal needs a struct, array, slice or map type (use new(${type}))`,
  newCalls: (n: number | undefined, max: number) => `n must be a whole number from 1 to ${max} (calls of new), not ${show(String(n))}`,
  newTooLarge: (type: string, size: number, max: number) =>
    `${type} is ${formatBytes(size)}; a new case allocates at most ${formatBytes(max)} per call`,
  countFlagNotFor: (flag: string) => `[${flag}] applies only to new(T) and &T{}`,
  boxOfInterface: (type: string) => `any(x) with x of type ${show(type)}: x is already an interface, so nothing is boxed (use a concrete type)`,
  valueNeedsBasic: (type: string) =>
    `a value can be given only for a basic type other than complex (bool, integers, floats, string); ${show(type)} boxes its zero value, so leave value out`,
  badBoxValue: (type: string, value: unknown) => `${show(String(JSON.stringify(value) ?? value).slice(0, 60))} is not a value of type ${show(type)}`,
  outOfRange: (type: string, value: number, lo: number, hi: number) => `${value} is out of range for ${type} (${lo} to ${hi})`,
  boxStringTooLong: (length: number, max: number) => `the string is ${length} characters long; a box case holds at most ${max}`,
  badLiteral: (text: string) => `cannot read the value ${show(text.slice(0, 60))}: write nil, true, false, a number or a "string"`,
  boxForm: (text: string) => `cannot read ${show(text.slice(0, 120))}: write any(T(value)), any(T{}) for a struct or array, or any((T)(nil))`,
  tooManyCaptures: (count: number, max: number) => `a closure case captures at most ${max} variables, not ${count}`,
  captureTooLarge: (type: string, size: number, max: number) => `a captured ${type} is ${formatBytes(size)}; a closure case captures variables of at most ${formatBytes(max)}`,
  chanElemTooLarge: (elem: string, size: number) =>
    `channel element type ${show(elem)} is ${formatBytes(size)}: Go refuses channel elements of 64 KiB or more ("channel element type too large")`,
  chanBufferTooLarge: (elem: string, cap: number, bytes: number, max: number) =>
    `make(chan ${elem}, ${cap}) would buffer ${formatBytes(bytes)}; a makechan case buffers at most ${formatBytes(max)}`,
};

export const goMessages = {
  unknownVersion: (v: string) =>
    `unknown Go version ${show(v)}: use 1.19, 1.26, 1.27 or the path to a go binary`,
  unknownExperiment: (list: string, name: string, go: string) => `invalid GOEXPERIMENT ${show(list)}: ${go} has no experiment ${show(name)}`,
  notInstalled: (v: string, hint: string) => `Go ${v} is not installed here. ${hint}`,
  noGoAtPath: (path: string) => `no go binary at ${show(path)}`,
  notExecutable: (path: string) => `${show(cut(path, 200))} is not an executable go command`,
  notWorkingGo: (path: string, why: string) => `${show(path)} is not a working go: \`go env\` failed (${why})`,
  unreadableVersion: (path: string, output: string) => `${show(path)} did not report a Go version (it said ${show(output.trim().slice(0, 120))})`,
  installHint119: () => "Install it with `bash scripts/setup.sh` (Debian package golang-1.19-go).",
  installHint127: () => "Install it with `bash scripts/setup.sh` (GOTOOLCHAIN=go1.27.3 through the Go module proxy).",
  installHintLocal: () => "Install Go from https://go.dev/dl or your package manager, then put it on PATH.",
  badExperiment: (s: string) => `invalid GOEXPERIMENT ${show(s)}: a comma-separated list of lower-case names`,
};

export const measureMessages = {
  overCap: (index: number, bytes: number, cap: number) =>
    `case ${index + 1} would hold about ${formatBytes(bytes)}, over the memory cap (${formatBytes(cap)}); raise it with --mem-cap if the machine has the memory`,
  batchOverCap: (count: number, bytes: number, cap: number) =>
    `these ${count} cases would hold about ${formatBytes(bytes)} at once (the keys of every map insert are built before the first call), over the memory cap (${formatBytes(cap)}); measure fewer at a time or raise it with --mem-cap`,
  overMemCap: (cap: number) =>
    `the probe went over the memory cap (${formatBytes(cap)}) and was stopped; raise it with --mem-cap if the machine has the memory`,
  probeCrashed: (exitCode: number | null, signal: string | null, line: string) =>
    `the probe ${signal ? `was killed by ${signal}` : `exited with status ${exitCode}`}${line ? `: ${oneLine(line.slice(0, 300))}` : ""}`,
  badRuns: (v: unknown) => `runs must be a whole number from 1 to 10000, not ${show(String(v))}`,
  noCases: () => "no case given: pass one or more cases, e.g. 'make(map[int]int, 1000)'",
  probeOutput: (line: string) => `the probe printed a line the lab cannot read: ${show(line.slice(0, 200))}`,
  probeMissing: (expected: number, got: number) => `the probe reported ${got} measurements, expected ${expected}`,
  buildFailed: (goVersion: string, first: string) => `go build of the generated probe failed on Go ${goVersion}: ${first}`,
};

/** Why an output could not be written, in words, by the system's error code. */
const OUTPUT_REASONS: Record<string, string> = {
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is used up",
  EROFS: "the file system is read-only",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOTDIR: "a part of the path is not a folder",
  EISDIR: "it is a folder",
  ENOENT: "no file can be made there",
  EEXIST: "something else is in the way",
  EIO: "an input/output error",
  ENAMETOOLONG: "the name is too long",
};

export const outputMessages = {
  cannotWrite: (path: string, code: string, detail: string) =>
    `cannot write ${show(cut(path))}: ${OUTPUT_REASONS[code] ?? oneLine(detail.slice(0, 200))}${code ? ` (${code})` : ""}`,
  notFolder: (target: string, blocker: string) =>
    `cannot write in ${show(cut(target))}: ${target === blocker ? "it" : show(cut(blocker))} is not a folder`,
};

export const cliMessages = {
  /**
   * --debug of measure and trace. What it says comes from the recorded datasets
   * (data/measurements/go*-N-l.jsonl against go*.jsonl; claim 1.5 checks it on every run).
   */
  debugOption:
    "build with -gcflags=all=-N -l, as the article does. make of a constant size and maps allocate the same as in a normal build; " +
    "on Go 1.26 and 1.27 (not 1.19) append to a nil slice and make of a variable size up to 32 B allocate more (the optimized build starts them in a 32-byte stack buffer)",
  codeOption:
    "your own Go file (- reads standard input): declarations, standard imports and func probe(), whose call is measured; no package clause or main; it runs as your own program, as go run would run it (repeatable)",
  interrupted: (signal: string) => `interrupted (${signal}): child processes killed and temporary folders removed`,
  badOption: (name: string, value: string, expected: string) => `invalid ${name}: ${show(value)} (${expected})`,
  sameGoTwice: (spec: string, version: string) => `--go ${show(spec.slice(0, 40))} is Go ${version} again: name each version once`,
  stdinTwice: () => "--code - (standard input) may be given once",
  unreadableCode: (file: string, why: string) => `cannot read --code ${show(file.slice(0, 200))}: ${oneLine(why)}`,
  cannotRead: (file: string, reason: string) => `cannot read ${show(file)}: ${oneLine(reason)}`,
  casesAndFrom: () => "give cases as arguments or --from FILE, not both",
  noCases: () => "no case given: name one or more cases, or --from FILE (- for standard input)",
  badLine: (file: string, line: number, reason: string) => `${file === "-" ? "<stdin>" : file}:${line}: ${oneLine(reason)}`,
  lineTooLong: (max: number) => `the line is longer than ${max} characters, so it is not a case`,
  badLines: (bad: number, lines: number) => `${bad} of ${lines} case line${lines === 1 ? "" : "s"} ${bad === 1 ? "was" : "were"} refused (each named above); the others were answered`,
};

export const jupyterMessages = {
  notInstalled: (looked: string) =>
    `Jupyter is not installed for golab (looked for ${looked}). Install it with \`bash scripts/setup.sh\` (a .venv with JupyterLab, nbconvert and the tslab kernel), or point GOLAB_JUPYTER at a jupyter command`,
  noKernel: (name: string) =>
    `the Jupyter kernel ${show(name)} is not registered with golab's Jupyter. Register it with \`bash scripts/setup.sh\` (tslab install --sys-prefix into .venv)`,
  serverExited: (code: number | null, signal: string | null, last: string) =>
    `the jupyter server stopped before it was ready (${signal ? `killed by ${signal}` : `exit status ${code}`})${last ? `: ${oneLine(last)}` : ""}`,
  serverStartTimeout: (seconds: number) => `the jupyter server was not ready within ${seconds} s and was killed`,
  kernelStartTimeout: (name: string, seconds: number, serverSaid = "", stage = "") =>
    `the ${name} kernel did not start within ${seconds} s${stage ? ` (${stage})` : ""}; it was shut down (raise the limit with --kernel-timeout)${serverSaid ? `; the jupyter server's last words: ${show(serverSaid.slice(-300))}` : ""}`,
  kernelStartFailed: (name: string, reason: string) => `the ${name} kernel did not start: ${oneLine(reason)}`,
  outsideRoot: (path: string, root: string) =>
    `notebook ${show(path)} is outside the jupyter server's folder ${show(root)}`,
  notNotebook: (path: string, reason: string) => `${show(path)} is not a Jupyter notebook (nbformat 4): ${oneLine(reason)}`,
  noSuchNotebook: (path: string) => `no notebook at ${show(path)}`,
  unreadableNotebook: (path: string, reason: string) => `cannot read notebook ${show(path)}: ${reason}`,
  noParametersCell: (path: string) =>
    `${show(path)} has no code cell tagged "parameters", so --set has nothing to override (tag the cell that declares the parameters, as papermill does)`,
  unknownParameter: (name: string, declared: readonly string[]) =>
    `unknown parameter ${show(name)}: the parameters cell declares ${declared.length ? declared.join(", ") : "nothing"}`,
  badSet: (text: string) => `invalid --set ${show(text)}: write name=value, e.g. --set hint=5000`,
  badParameterValue: (name: string, type: string, raw: string) =>
    `parameter ${name} is a ${type} in the parameters cell; ${show(raw)} is not a ${type}`,
  unsupportedParameterValue: (name: string, raw: string) =>
    `parameter ${name}: ${show(raw)} is not a number, string or boolean`,
  duplicateParameter: (name: string) => `parameter ${name} is set twice`,
  cellFailed: (index: number, summary: string) => `cell ${index} failed: ${oneLine(summary)}`,
  cellTimedOut: (index: number, seconds: number, restarted: boolean) =>
    `cell ${index} did not finish within ${seconds} s and was interrupted${restarted ? "; the kernel did not respond, so it was restarted and the remaining cells were not run" : ""}`,
  kernelDied: (index: number) => `the kernel died while cell ${index} ran (Jupyter restarted it); the remaining cells were not run`,
  aborted: (index: number, attempts: number) => `cell ${index} was aborted by the kernel ${attempts} times and never ran`,
  runFailed: (failed: number, total: number, first: string) =>
    `${failed} of ${total} code cells failed; first: ${oneLine(first)}`,
  exportFailed: (reason: string) => `jupyter nbconvert --to html failed: ${oneLine(reason)}`,
  labStarted: (url: string) => `JupyterLab is running at ${url}`,
  labStopping: () => "stopping JupyterLab and its kernels",
};

export const simMessages = {
  unknownVersion: (v: string, modelled: readonly string[]) =>
    `Go ${show(v)} is not modelled by the simulator: use ${modelled.join(", ")} (or just 1.19, 1.26, 1.27)`,
  badSeeds: (v: unknown) => `seeds must be a whole number from 1 to 100000, not ${show(String(v))}`,
  goPanics: (what: string) => `Go would panic here (${what}): there is no allocation to predict`,
  tooManyInserts: (n: number, max: number) =>
    `${n} inserts is more than the simulator follows (at most ${max}); the measure backend can run it`,
  fewerSeeds: (n: number, seeds: number, runs: number) =>
    `${n} inserts: ran ${runs} hash seed${runs === 1 ? "" : "s"}, not ${seeds}, to keep inserts × seeds within the simulator's budget`,
  tooManyAllocations: (count: number, max: number) =>
    `this case makes about ${count} allocations, more than the simulator lists (at most ${max})`,
  predictHead: (go: string, goarch: string, seeds: number | undefined, debug: boolean) =>
    `simulated (model of Go ${go} ${goarch}${debug ? ", debug build -gcflags=all=-N -l" : ""}, no Go run)` +
    (seeds === undefined ? "" : `; hash-dependent cases over ${seeds} hash seed${seeds === 1 ? "" : "s"}`),
};

export const traceMessages = {
  noDelve: (goVersion: string, seen: string[], hint: string) =>
    `no Delve here can debug Go ${goVersion} (Delve 1.N debugs Go 1.(N-2) to 1.N); ${seen.length === 0 ? "found no dlv at all" : `found ${seen.join("; ")}`}. ${hint}`,
  installHintDelve: () => "Install Delve 1.27.2 with `bash scripts/setup.sh` (into .tools/bin), or set GOLAB_DLV to a dlv that fits.",
  installHintDebianDelve: () => "Install Debian's delve package (`apt-get install delve`, Delve 1.20) for Go 1.19, or set GOLAB_DLV to a dlv that fits.",
  delveExited: (dlv: string, exitCode: number | null, signal: string | null, last: string) =>
    `${dlv} ${signal ? `was killed by ${signal}` : exitCode === null ? "exited" : `exited with status ${exitCode}`}${last ? `: ${oneLine(last)}` : ""}`,
  startTimeout: (seconds: number) => `dlv did not start listening within ${seconds} s and was killed`,
  connectFailed: (address: string, why: string) => `cannot connect to Delve at ${address}: ${oneLine(why)}`,
  connectionLost: (why: string) => `the connection to Delve ended (${oneLine(why)})`,
  rpcError: (method: string, message: string) => `Delve refused ${method}: ${oneLine(message)}`,
  wireShape: (method: string, path: string, what: string) => `Delve's answer to ${method} is not what its API promises: ${path} should be ${what}`,
  killed: () => "the Delve session was killed",
  unreadableValue: (name: string, text: string) => `Delve could not read ${name} as a whole number (it said ${show(text.slice(0, 120))})`,
  noRuntimeSource: (file: string, why: string) => `cannot find mallocgc's size-0 return in ${file}: ${oneLine(why)}`,
  entryMismatch: (go: string, experiment: string, expected: boolean, found: number) =>
    `Go ${go}${experiment ? ` (GOEXPERIMENT=${experiment})` : ""} should ${expected ? "" : "not "}use size-specialised malloc, but the probe binary has ${found} size-specialised malloc function${found === 1 ? "" : "s"}: the tracer would miscount, so it stops here`,
  badOption: (name: string, value: string, expected: string) => `invalid ${name}: ${show(value)} (${expected})`,
  unexpectedStop: (expected: string, where: string) => `the traced program stopped at ${oneLine(where)} where the tracer expected ${expected}`,
  exitedEarly: (seen: number, expected: number) => `the traced program exited after ${seen} of ${expected} cases`,
  markerOrder: (expected: string, got: string) => `the traced program reached ${got} where the tracer expected ${expected}`,
  timeout: (seconds: number) => `the trace did not finish within ${seconds} s: dlv and the traced program were killed`,
  aborted: () => "the trace was interrupted: dlv and the traced program were killed",
  uprobesUnavailable: (why: string) => `eBPF uprobes cannot be set here (${oneLine(why)}), so count mode counts with breakpoints`,
  uprobeLoss: (what: string) => `the uprobe events are incomplete (${what}): the kernel's ring buffer filled before Delve read it`,
  uprobesSpecialised: (entries: number) =>
    `this binary has ${entries} allocation entries (size-specialised malloc), more than Delve's eBPF program can hold; count with breakpoints (counter "breakpoints" or "auto")`,
  uprobesRequired: (dlv: string) => `counting with uprobes needs the lab's patched dlv (bash scripts/setup.sh --steps dlv); ${dlv} is not it`,
  lostHandOver: (caller: string, entry: string, size: number) =>
    `${entry} was called by ${caller} with size ${size}, but the tracer saw no matching ${caller} call just before`,
};

export const codeMessages = {
  packageClause: (file: string) =>
    `${file} starts with a package clause: leave it out (golab compiles your declarations in a package of its own, with func probe() called from its main)`,
  doesNotParse: (file: string, diagnostics: readonly string[]) => `${file} is not Go declarations: ${listed(diagnostics)}`,
  doesNotCompile: (file: string, go: string, diagnostics: readonly string[]) => `${file} does not compile with Go ${go}: ${listed(diagnostics)}`,
  notStandard: (at: string, importPath: string, go: string) =>
    `${at}: import ${show(importPath)} is not a package of Go ${go}'s standard library; code cases import the standard library only`,
  hasMain: (at: string) => `${at}: func main: leave it out; golab's own main calls func probe() and measures that call`,
  noProbe: (file: string) => `${file} has no func probe(): write one; golab measures its call`,
  probeSignature: (at: string) => `${at}: func probe must take no arguments and return nothing: func probe()`,
  panicked: (file: string, go: string, why: string, stack: readonly string[]) =>
    `${file} ${/^panic:/.test(why) ? "panicked" : "crashed"} on Go ${go}: ${oneLine(why.slice(0, 300))}${at(stack)}`,
  outOfMemory: (file: string, go: string, stack: readonly string[], cap?: number) => cap === undefined
    ? `${file} asked for more memory than the machine could give on Go ${go} (fatal error: runtime: out of memory)${at(stack)}`
    : `${file} went over the memory cap (${formatBytes(cap)}) on Go ${go} and was stopped (fatal error: runtime: out of memory)${at(stack)}; raise it with --mem-cap if the machine has the memory`,
  timeLimit: (names: readonly string[], seconds: number) =>
    `${names.join(", ")} did not finish within ${seconds} s (the time limit; --timeout sets it): the program was killed`,
  panickedUnderTrace: (names: readonly string[], go: string) =>
    `${names.join(", ")} panicked on Go ${go} under the tracer; golab measure --code shows the panic and the stack in your code`,
  badParameter: (name: string, value: string) => `parameter ${name} = ${show(value.slice(0, 60))}: a whole number, a string or a boolean`,
  missingParameter: (name: string) => `the template has {{${name}}} but no parameter ${name}`,
  unusedParameter: (name: string) => `parameter ${name} is not in the template (no {{${name}}})`,
  checkerOutput: (text: string) => `the Go code checker printed what the lab cannot read: ${show(text)}`,
  noSimulation: (ops: readonly string[]) => `the simulator models the operations (${ops.join(", ")}); your own code is measured or traced: golab measure --code FILE`,
};

/** " (at main.probe (a.go:3) ← …)": where in the user's code, innermost first. */
function at(stack: readonly string[]): string {
  return stack.length > 0 ? ` (at ${stack.slice(0, 4).join(" ← ")})` : "";
}

/** Up to three diagnostics on one line, and how many more there are. */
function listed(diagnostics: readonly string[]): string {
  const more = diagnostics.length - 3;
  return `${diagnostics.slice(0, 3).map(oneLine).join("; ")}${more > 0 ? ` (and ${more} more)` : ""}`;
}

export const allocMessages = {
  noSizeClasses: (file: string, what: string) => `cannot read the size classes (${what}) from ${file}`,
  badSizeClasses: (file: string, what: string) => `the size classes of ${file} do not add up: ${what}`,
  noSizeClassFile: (goroot: string, candidates: readonly string[]) => `${goroot} has no size classes: neither ${candidates.join(" nor ")} exists`,
  noVersionFile: (goroot: string) => `${goroot} has no VERSION file to say which Go it is`,
  badVersion: (v: string) => `cannot read a Go version (1.N or 1.N.P) from ${show(v)}`,
};

export const cacheMessages = {
  corrupt: (file: string, why: string) => `ignoring a corrupt result-cache entry ${file} (${oneLine(why)}); it will be measured again`,
  unreadable: (file: string, why: string) => `cannot read the result-cache entry ${file} (${oneLine(why)}); it will be measured again`,
  notWritable: (dir: string, why: string) => `cannot write the result cache in ${dir} (${oneLine(why)}); going on without caching`,
  probesNotWritable: (dir: string, why: string) =>
    `cannot write golab's cache in ${dir} (${oneLine(why)}); going on without it: results are not kept and each probe is built in a temporary folder`,
  cleared: (entries: number, probes: number, dir: string) =>
    `removed ${entries} cached result${entries === 1 ? "" : "s"} and ${probes} built probe${probes === 1 ? "" : "s"} from ${dir}`,
};

export const chartMessages = {
  tooManySeries: (title: string, series: number, max: number) =>
    `chart ${show(title)} would draw ${series} series in one panel; at most ${max} can be told apart: split it into panels (panel: "go") or fewer series`,
};

export const courseMessages = {
  notebookDiffers: (notebook: string, source: string) =>
    `warning: ${notebook} differs from what ${source} converts to; the export uses the committed notebook (regenerate it with jupytext, see notebooks/README.md)`,
  workingCopies: (dir: string, copied: number) =>
    `opening your working copies in ${dir}${copied ? ` (${copied} copied from notebooks/ just now)` : ""}; the course in notebooks/ is not touched (delete a copy to start it afresh)`,
  sourceCheckFailed: (reason: string) => `warning: could not compare the notebooks with their sources: ${oneLine(reason)}`,
  noChapter: (only: readonly string[], names: readonly string[]) => `no chapter notebook matches ${only.map(show).join(", ")}; the chapters are ${orList(names)}`,
};

export const liveMessages = {
  /** The label on every result a page computes (never mistaken for a measurement). */
  simulatedHere: (go: string) => `simulated in your browser: golab's model of Go ${go} (the code behind golab predict), no Go run`,
  seedsUsed: (runs: number, min: number, max: number, full: number) =>
    `hash-dependent: the median of ${runs} hash seed${runs === 1 ? "" : "s"}` +
    (min === max ? `, ${min} in every one` : ` (${min}–${max})`) +
    (runs < full ? `; golab predict runs ${full}` : ""),
  refining: (full: number) => `hash-dependent: one hash seed shown while ${full} more run`,
  allListed: (count: number) => `all ${count} allocations`,
  firstListed: (shown: number, count: number) => `the first ${shown} of ${count} allocations (golab predict lists every one)`,
  tooBigForPage: (what: string, n: number, max: number) =>
    `${what} ${n} is more than a page simulates (at most ${max}, so that it stays responsive); golab predict runs it`,
  bug: (why: string) => `the simulator failed on this case; this is a bug in golab: ${oneLine(why)}`,
  noJavaScript: () => "This panel runs golab's simulator in your browser, which needs JavaScript.",
  noVersion: () => "pick at least one Go version",
};

/** The map operations' own refusals (case/map-ops.ts, probe/map-ops.ts). */
export const mapOpMessages = {
  tooManyKeys: (field: string, value: number, max: number) => `${field} is ${value}; at most ${max} keys for a map operation here`,
  deleteMoreThanInserted: (d: number, n: number) => `d is ${d}: a case deletes only keys it inserted (d ≤ n = ${n})`,
  reinsertMoreThanDeleted: (r: number, d: number) => `r is ${r}: a case inserts again only keys it deleted (r ≤ d = ${d})`,
  needsMaps: (go: string) => `maps.Clone needs Go 1.21 or later: Go ${go} has no package maps`,
};

/** The string and growth operations' own refusals (case/string-ops.ts). */
export const stringOpMessages = {
  tooLarge: (field: string, value: number, max: number) =>
    `${field} is ${value}; at most ${max} (1 GiB) for a string or slice here, to keep a run within the memory cap`,
  concatParts: (count: number, max: number) => `concat joins 2 to ${max} strings, not ${count}`,
  needsSlices: (go: string) => `slices.Grow needs Go 1.21 or later: Go ${go} has no package slices`,
};
