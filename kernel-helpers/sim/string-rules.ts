/**
 * What differs between the modelled Go versions for the string and growth operations, each read
 * from that version's source (the runtime's own rules, tmpBuf and rawstring, are the same in all
 * three: runtime/string.go).
 */
import { VersionModel } from "./versions";

export interface StringRules {
  /**
   * cmd/compile/internal/escape/escape.go (1.26.8, 1.27.3): a []byte(s) that does not escape and
   * is never mutated becomes OSTR2BYTESTMP, sharing the string's bytes (base.Debug.ZeroCopy = 1 in
   * base/flag.go). 1.19.8 has no such pass: it copies into the 32-byte tmpBuf or the heap.
   */
  zeroCopyBytes: boolean;
  /**
   * strings/builder.go grow: 1.19.8 `make([]byte, len(b.buf), 2*cap(b.buf)+n)` (exactly that cap);
   * 1.26.8 and 1.27.3 `bytealg.MakeNoZero(2*cap(b.buf) + n)`, whose cap is roundupsize of it
   * (runtime/slice.go bytealg_MakeNoZero).
   */
  builderGrowRoundsUp: boolean;
  /** Package slices is in the standard library (Go 1.21 and later; not in 1.19.8). */
  slices: boolean;
}

const RULES: Record<string, StringRules> = {
  "1.19.8": { zeroCopyBytes: false, builderGrowRoundsUp: false, slices: false },
  "1.26.8": { zeroCopyBytes: true, builderGrowRoundsUp: true, slices: true },
  "1.27.3": { zeroCopyBytes: true, builderGrowRoundsUp: true, slices: true },
};

/** The string rules of a modelled version. */
export function stringRules(v: VersionModel): StringRules {
  return RULES[v.go];
}

/** runtime/string.go: `const tmpStringBufSize = 32`, the stack buffer a non-escaping result may use. */
export const TMP_STRING_BUF_SIZE = 32;
