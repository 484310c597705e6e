/**
 * The matrices `golab record` can measure, each into datasets of its own: `validation` (the
 * article's four operations, matrix.ts) into go<version>.jsonl, `objects` (new, channels,
 * boxing, closures, objects-matrix.ts) into go<version>.objects.jsonl, and `strings`
 * (concatenation, conversions, append(s, t...), slices.Grow, strings.Builder, bytes.Buffer,
 * string-matrix.ts) into go<version>.strings.jsonl, and `maps` (delete then re-insert, clear,
 * maps.Clone, map-matrix.ts) into go<version>.maps.jsonl. A dataset's provenance names its matrix, so
 * a reader knows which cases it must hold.
 */
import { Case } from "../case";
import { InputError } from "../errors";
import { recordMessages } from "../messages";
import { mapsMatrix } from "./map-matrix";
import { validationMatrix } from "./matrix";
import { objectsMatrix } from "./objects-matrix";
import { stringsMatrix } from "./string-matrix";

/** One matrix: its name in provenance, its cases, and the suffix of its file names. */
export interface Matrix {
  /** What `--matrix` takes. */
  key: string;
  /** Written into each dataset's provenance; a new version of a matrix gets a new name. */
  name: string;
  /** Its cases for a Go version ("1.19.8"): the strings matrix has no slices.Grow before 1.21. */
  cases: (go: string) => Case[];
  /** Before `.jsonl`: go1.26.8.strings.jsonl. */
  suffix: string;
}

export const MATRICES: readonly Matrix[] = [
  { key: "validation", name: "validation-v1", cases: validationMatrix, suffix: "" },
  { key: "objects", name: "objects-v1", cases: objectsMatrix, suffix: ".objects" },
  { key: "strings", name: "strings-v1", cases: stringsMatrix, suffix: ".strings" },
  { key: "maps", name: "maps-v1", cases: mapsMatrix, suffix: ".maps" },
];

/** The matrix `--matrix KEY` or a provenance's `matrix` names; an InputError names the known ones. */
export function matrixNamed(name: string): Matrix {
  const m = MATRICES.find((x) => x.key === name || x.name === name);
  if (!m) throw new InputError(recordMessages.unknownMatrix(name, MATRICES.map((x) => x.key)), name);
  return m;
}
