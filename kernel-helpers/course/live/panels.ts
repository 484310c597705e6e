/**
 * Which "what if" panels a chapter page gets: the cases the chapter is about, their sizes taken
 * from the chapter's parameters as this export ran them (a `--set hint=9` export opens its panel
 * at 9). A chapter without a parameters cell gets none.
 */
import { INJECTED_TAG, Notebook, parametersCellIndex, parseParameters, sourceOf } from "../../jupyter/notebook";
import { DEFAULT_SIM_GO, MODELLED_VERSIONS, versionModel } from "../../sim";

/** A panel's case: its fixed fields, its type fields (inputs) and its size fields, each sized by a parameter. */
export interface PanelTemplate {
  /** What the panel asks, in Go: "make(map[K]V, hint)". */
  title: string;
  /** Fields the reader does not change (op, start). */
  fixed: Record<string, unknown>;
  /** Type fields and their defaults (key, elem). */
  types: Record<string, string>;
  /** Size fields → the parameter whose value opens the panel, and the size used when the chapter declares no such parameter. */
  sizes: Record<string, { parameter: string; otherwise: number }>;
}

/** One input of a panel, as its markup shows it. */
export interface PanelInput {
  /** The case field it sets (the input's name). */
  name: string;
  label: string;
  value: string;
  /** A size (a whole number) rather than a Go type. */
  size: boolean;
}

/** A panel ready for its markup. */
export interface Panel {
  title: string;
  fixed: Record<string, unknown>;
  inputs: PanelInput[];
  /** The modelled Go versions (full), and the one selected at first. */
  versions: readonly string[];
  go: string;
}

const makeMap = (hint: string): PanelTemplate =>
  ({ title: "make(map[K]V, hint)", fixed: { op: "makemap" }, types: { key: "int", elem: "int" }, sizes: { hint: { parameter: hint, otherwise: 1000 } } });
const makeSlice = (len: string, elem = "int"): PanelTemplate =>
  ({ title: "make([]T, len)", fixed: { op: "makeslice" }, types: { elem }, sizes: { len: { parameter: len, otherwise: 1000 } } });
const inserts = (n: string, hint?: string): PanelTemplate => ({
  title: hint ? "n inserts into make(map[K]V, hint)" : "n inserts into make(map[K]V)",
  fixed: { op: "mapinsert" }, types: { key: "int", elem: "int" },
  sizes: { n: { parameter: n, otherwise: 1000 }, ...(hint ? { hint: { parameter: hint, otherwise: 1024 } } : {}) },
});
const appends = (n: string, cap?: string): PanelTemplate => ({
  title: cap ? "n appends to make([]T, 0, cap)" : "n appends to a nil []T",
  fixed: { op: "append", start: cap ? "make" : "nil" }, types: { elem: "int" },
  sizes: { n: { parameter: n, otherwise: 1000 }, ...(cap ? { cap: { parameter: cap, otherwise: 1024 } } : {}) },
});

/** string(b), kept: a map key built at run time from a []byte of len bytes (chapter 2's lesson 2.2d). */
const stringKey = (len: string): PanelTemplate =>
  ({ title: "string(b) of len bytes, kept (a map key)", fixed: { op: "convert", to: "string" }, types: {}, sizes: { len: { parameter: len, otherwise: 16 } } });

/** The cases each chapter is about, sized by its parameters (notebooks/src/chN.ts). */
export const CHAPTER_PANELS: Record<string, readonly PanelTemplate[]> = {
  ch1: [makeMap("hint"), makeSlice("len")],
  ch2: [makeSlice("sizes", "byte"), { ...inserts("inserts"), types: { key: "string", elem: "int" } }, stringKey("keyLen"), appends("appends")],
  ch3: [inserts("maxN"), appends("maxN")],
  ch4: [inserts("n", "hint"), appends("n", "hint")],
  ch5: [inserts("sizes"), appends("sizes")],
  // The reader's own code runs only on a real Go; the simulator answers the patterns it has a case
  // of the same shape for (owncode/simulated.ts): string building and []byte(s). The pieces are
  // "ab", 2 bytes, as the chapter's programs write them.
  ch6: [
    { title: "s += x, n times (x of len bytes)", fixed: { op: "concatloop" }, types: {}, sizes: { len: { parameter: "pieceLength", otherwise: 2 }, n: { parameter: "pieces", otherwise: 100 } } },
    { title: "strings.Builder: n × b.WriteString(x) (x of len bytes)", fixed: { op: "builder" }, types: {}, sizes: { len: { parameter: "pieceLength", otherwise: 2 }, n: { parameter: "pieces", otherwise: 100 } } },
    { title: "[]byte(s), s of len bytes", fixed: { op: "convert", to: "bytes" }, types: {}, sizes: { len: { parameter: "length", otherwise: 64 } } },
  ],
};
/** A chapter the table does not know: the course's first two questions. */
const OTHER_CHAPTER: readonly PanelTemplate[] = [makeMap("hint"), makeSlice("len")];

/**
 * The chapter's parameters as it ran: the parameters cell, then the injected overrides. A number
 * stays a number; a list of numbers (`sizes = [8, 16, 24]`) gives its last, largest, value.
 */
export function parameterSizes(nb: Notebook): Map<string, number> {
  const at = parametersCellIndex(nb);
  const out = new Map<string, number>();
  if (at < 0) return out;
  const cells = [nb.cells[at], ...nb.cells.filter((c) => ((c.metadata as { tags?: unknown })?.tags as unknown[] | undefined)?.includes?.(INJECTED_TAG))];
  for (const cell of cells) {
    const source = sourceOf(cell);
    for (const p of parseParameters(source)) if (typeof p.value === "number") out.set(p.name, p.value);
    for (const m of source.matchAll(/^\s*(?:let|const|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]*)?=\s*\[([\d_,\s]+)\]/gm)) {
      const numbers = m[2].split(",").map((s) => s.trim().replace(/_/g, "")).filter((s) => s !== "").map(Number);
      if (numbers.length) out.set(m[1], numbers[numbers.length - 1]);
    }
  }
  return out;
}

/** The panels of one chapter's page; none when its notebook has no parameters cell. */
export function chapterPanels(chapter: string, nb: Notebook): Panel[] {
  if (parametersCellIndex(nb) < 0) return [];
  const sizes = parameterSizes(nb);
  const go = versionModel(DEFAULT_SIM_GO).go;
  return (CHAPTER_PANELS[chapter] ?? OTHER_CHAPTER).map((t) => ({
    title: t.title,
    fixed: t.fixed,
    inputs: [
      ...Object.entries(t.types).map(([name, value]) => ({ name, label: name === "key" ? "key type" : "element type", value, size: false })),
      ...Object.entries(t.sizes).map(([name, s]) => ({ name, label: name, value: String(sizes.get(s.parameter) ?? s.otherwise), size: true })),
    ],
    versions: MODELLED_VERSIONS,
    go,
  }));
}
