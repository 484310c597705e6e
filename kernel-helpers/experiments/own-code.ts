/**
 * Chapter 6's programs: a Go developer's everyday allocations as code cases (string building,
 * closures, interface boxing, fmt, []byte(s)), written as templates whose sizes are parameters,
 * and what measure and trace say of each on one Go version: the count per call (measured), and
 * per line of the file what the traced call allocated, through which function, of which type.
 */
import { CodeCase } from "../case";
import { codeCase, TemplateValue } from "../code/template";
import { InputError } from "../errors";
import { measure } from "../measure";
import { trace, TraceAllocation, TraceResult } from "../trace";

/** The sizes a reader can change (chapter 6's parameters cell). */
export interface OwnCodeParameters {
  /** 6.1: strings appended in the loop. */
  pieces: number;
  /** 6.2: closures made in the loop. */
  closures: number;
  /** 6.3: the int boxed beside the small one. */
  boxed: number;
  /** 6.4: the number formatted. */
  number: number;
  /** 6.5: the length of the string converted to []byte. */
  length: number;
}

/** The chapter's sizes as recorded in data/experiments (its parameters cell starts from these). */
export const OWN_CODE_DEFAULTS: Readonly<OwnCodeParameters> = { pieces: 100, closures: 4, boxed: 1000, number: 12345, length: 64 };

/** The most each parameter may be: a call stays well under a second and the memory cap. */
const LIMITS: Readonly<OwnCodeParameters> = { pieces: 10_000, closures: 100_000, boxed: Number.MAX_SAFE_INTEGER, number: Number.MAX_SAFE_INTEGER, length: 1 << 24 };

interface Template {
  lesson: string;
  name: string;
  /** The parameters the template uses ({{name}} in its text). */
  uses: readonly (keyof OwnCodeParameters)[];
  text: string;
}

const TEMPLATES: readonly Template[] = [
  { lesson: "6.1", name: "concat.go", uses: ["pieces"], text: `var sink string

func probe() {
	s := ""
	for i := 0; i < {{pieces}}; i++ {
		s += "ab"
	}
	sink = s
}
` },
  { lesson: "6.1", name: "builder.go", uses: ["pieces"], text: `import "strings"

var sink string

func probe() {
	var b strings.Builder
	for i := 0; i < {{pieces}}; i++ {
		b.WriteString("ab")
	}
	sink = b.String()
}
` },
  { lesson: "6.1", name: "builder-grow.go", uses: ["pieces"], text: `import "strings"

var sink string

func probe() {
	var b strings.Builder
	b.Grow(2 * {{pieces}})
	for i := 0; i < {{pieces}}; i++ {
		b.WriteString("ab")
	}
	sink = b.String()
}
` },
  { lesson: "6.2", name: "closures.go", uses: [], text: `var counter, reader func() int
var total int

func probe() {
	n := 0
	counter = func() int { n++; return n }
	m := 42
	reader = func() int { return m }
	k := 0
	inc := func() { k++ }
	inc()
	total += k
}
` },
  { lesson: "6.2", name: "loop-closures.go", uses: ["closures"], text: `var sinks []func() int

func probe() {
	fs := make([]func() int, 0, {{closures}})
	for i := 0; i < {{closures}}; i++ {
		fs = append(fs, func() int { return i })
	}
	sinks = fs
}
` },
  { lesson: "6.3", name: "boxing.go", uses: ["boxed"], text: `type point struct{ x, y int }

var a, b, c, d any
var small, boxed = 7, {{boxed}}
var pt = point{1, 2}
var word = "hello"

func probe() {
	a = small
	b = boxed
	c = pt
	d = word
}
` },
  { lesson: "6.4", name: "format.go", uses: ["number"], text: `import (
	"fmt"
	"strconv"
)

var text string
var buf []byte
var n = {{number}}

func probe() {
	text = fmt.Sprintf("n=%d", n)
	buf = strconv.AppendInt(append(buf[:0], "n="...), int64(n), 10)
}
` },
  { lesson: "6.5", name: "bytes.go", uses: ["length"], text: `import "strings"

var sink []byte
var total int
var s = strings.Repeat("x", {{length}})

func probe() {
	kept := []byte(s)
	sink = kept
	local := []byte(s)
	total += len(local)
}
` },
];

/** One program of the chapter. */
export interface OwnCodeSnippet {
  lesson: string;
  name: string;
  case: CodeCase;
}

/** The chapter's programs with these sizes; a size that is not a whole number in range is refused. */
export function ownCodeSnippets(params: Readonly<OwnCodeParameters> = OWN_CODE_DEFAULTS): OwnCodeSnippet[] {
  for (const key of Object.keys(OWN_CODE_DEFAULTS) as (keyof OwnCodeParameters)[]) {
    const v = params[key];
    if (!Number.isSafeInteger(v) || v < 0 || v > LIMITS[key]) throw new InputError(`${key} must be a whole number from 0 to ${LIMITS[key]}, not ${v}`, String(v));
  }
  return TEMPLATES.map((t) => ({
    lesson: t.lesson, name: t.name,
    case: codeCase(t.text, Object.fromEntries(t.uses.map((k) => [k, params[k]])), t.name),
  }));
}

/** A reader's own program as one of the chapter's, from a template and its parameters (code/template.ts). */
export function ownSnippet(template: string, params: Readonly<Record<string, TemplateValue>> = {}, name = "mine.go", lesson = "yours"): OwnCodeSnippet {
  return { lesson, name, case: codeCase(template, params, name) };
}

/** Allocations of one line that went through the same function, of the same type. */
export interface OwnCodeKind {
  /** The function the line called that allocated ("runtime.concatstring2", "fmt.Sprintf"); the line's own function when the compiler allocated there. */
  via: string;
  /** The runtime function that asked for the memory (the tracer's site: "runtime.rawstring", "runtime.growslice"). */
  site: string;
  type: string | null;
  count: number;
  /** Bytes asked for. */
  bytes: number;
  /** Bytes taken (size classes; 0 for an allocation inside a tiny block already taken). */
  allocatedBytes: number;
}

/** One line of a program and what it allocated in the traced call. */
export interface OwnCodeLine {
  line: number;
  mallocs: number;
  bytes: number;
  allocatedBytes: number;
  kinds: OwnCodeKind[];
}

/** One program on one Go version: measured over many calls, traced in one. */
export interface OwnCodeRow {
  go: string;
  lesson: string;
  name: string;
  /** Median of the calls (MemStats.Mallocs). */
  mallocs: number;
  allocatedBytes: number;
  tinyAllocs: number;
  /** Fewest and most mallocs over the calls, where they varied. */
  range?: [number, number];
  /** The traced call's count (allocations of size > 0). */
  traced: number;
  /** The compiler's escape decisions (-m) at the program's lines. */
  escape: { line: number; decision: "heap" | "stack"; message: string }[];
  lines: OwnCodeLine[];
}

/** The function the user's line called: the frame inside the first one in the user's file. */
function viaOf(a: TraceAllocation, name: string): string {
  const at = a.stack.findIndex((f) => f.includes(`(${name}:`));
  const frame = at > 0 ? a.stack[at - 1] : at === 0 ? a.stack[0] : a.site;
  // "strings.(*Builder).WriteString (strings/builder.go:108)": the name without its position.
  return frame.replace(/ \([^()]*:\d+\)$/, "");
}

/** The traced call's allocations, line by line, grouped by the function that allocated and the type. */
export function linesOf(t: TraceResult, name: string): OwnCodeLine[] {
  return (t.lines ?? []).map((l) => {
    const kinds = new Map<string, OwnCodeKind>();
    for (const a of (t.allocations ?? []).filter((x) => x.line === l.line && x.size > 0)) {
      const via = viaOf(a, name);
      const key = `${via}\u0000${a.site}\u0000${a.type}`;
      const k = kinds.get(key) ?? { via, site: a.site, type: a.type, count: 0, bytes: 0, allocatedBytes: 0 };
      k.count++;
      k.bytes += a.size;
      k.allocatedBytes += a.rounded;
      kinds.set(key, k);
    }
    return { ...l, kinds: [...kinds.values()] };
  });
}

/** Frames recorded per allocation: enough to reach the user's line from inside fmt. */
const STACK = 12;

/** Measures (`runs` calls each, one probe) and traces (one call each, one Delve session) the programs on one Go version. */
export async function ownCodeCosts({ go, snippets, runs }: { go?: string; snippets: readonly OwnCodeSnippet[]; runs: number }): Promise<OwnCodeRow[]> {
  const cases = snippets.map((s) => s.case);
  const measured = await measure(cases, { go, runs });
  const traced = (await trace(cases, { go, mode: "detail", stack: STACK })) as TraceResult[];
  return snippets.map((s, i): OwnCodeRow => {
    const m = measured[i];
    return {
      go: m.go, lesson: s.lesson, name: s.name,
      mallocs: m.mallocs, allocatedBytes: m.allocatedBytes, tinyAllocs: m.metrics["/gc/heap/tiny/allocs:objects"] ?? 0,
      ...(m.distribution ? { range: [m.distribution.min, m.distribution.max] as [number, number] } : {}),
      traced: traced[i].mallocs,
      escape: m.escape.map((e) => ({ line: e.line, decision: e.decision, message: e.message })),
      lines: linesOf(traced[i], s.name),
    };
  });
}
