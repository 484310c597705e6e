/**
 * The probe generator's fingerprint: a hash of the programs it writes, for one Go language
 * version, for cases of every kind. It is part of every result-cache key, so any change to the
 * generated Go (harness, probes, sinks, what a version gets: `clear(m)` from 1.21, a loop before)
 * makes old cached results unreachable without anyone remembering to bump a version. A test holds
 * that every operation has a sample here.
 */
import { createHash } from "node:crypto";
import { Case } from "../case";
import { GolabError } from "../errors";
import { generateProbe } from "./generate";

export const FINGERPRINT_SAMPLES: Case[] = [
  { op: "makemap", key: "string", elem: "*int", hint: 9, escape: "heap" },
  { op: "makemap", key: "int", elem: "int", escape: "discard" },
  { op: "makeslice", elem: "int", len: 1, cap: 2, escape: "stack" },
  { op: "makeslice", elem: "byte", len: 3, constSize: false, escape: "heap" },
  { op: "append", elem: "int", n: 2, start: "nil", escape: "heap" },
  { op: "append", elem: "[2]int", n: 2, start: "make", len: 0, cap: 1, escape: "stack" },
  { op: "mapinsert", key: "int", elem: "*int", n: 2, freshElem: true, escape: "heap" },
  { op: "mapinsert", key: "struct{a int; b string}", elem: "int", n: 2, hint: 1, escape: "stack" },
  { op: "new", type: "int32", n: 2, escape: "heap" },
  { op: "new", type: "struct{a int}", literal: true, escape: "stack" },
  { op: "makechan", elem: "*int", cap: 2, escape: "stack" },
  { op: "box", type: "string", value: "a", escape: "heap" },
  { op: "closure", captures: ["int", "string"], reassigned: true, escape: "heap" },
  { op: "code", source: "func probe() {}\n" },
  { op: "concat", lens: [1, 2], escape: "stack" },
  { op: "concatloop", len: 1, n: 2, escape: "heap" },
  { op: "convert", to: "runes", len: 2, escape: "discard" },
  { op: "convert", to: "string", len: 2, escape: "heap" },
  { op: "appendslice", elem: "int", add: 2, start: "make", len: 1, cap: 2, escape: "heap" },
  { op: "slicesgrow", elem: "int", grow: 2, start: "nil", escape: "stack" },
  { op: "builder", len: 1, n: 2, grow: 3, escape: "heap" },
  { op: "buffer", len: 1, n: 2, escape: "stack" },
  { op: "mapdelete", key: "int", elem: "int", n: 3, d: 2, r: 1, escape: "heap" },
  { op: "mapclear", key: "string", elem: "*int", n: 2, r: 3, hint: 4, escape: "stack" },
  { op: "mapclone", key: "int", elem: "int", n: 2, escape: "heap" },
];

const fingerprints = new Map<string, string>();

/**
 * 16 hex digits that change whenever the program generated for this language version ("1.26")
 * changes. Each sample is generated alone: one this version refuses (slices.Grow before 1.21)
 * adds its refusal instead.
 */
export function probeFingerprint(language: string): string {
  let fingerprint = fingerprints.get(language);
  if (fingerprint === undefined) {
    const hash = createHash("sha256");
    for (const c of FINGERPRINT_SAMPLES) {
      try {
        const probe = generateProbe([c], language);
        hash.update(probe.source).update(probe.goMod).update(JSON.stringify(probe.files));
      } catch (e) {
        if (!(e instanceof GolabError)) throw e;
        hash.update(`refused: ${e.message}`);
      }
    }
    fingerprint = hash.digest("hex").slice(0, 16);
    fingerprints.set(language, fingerprint);
  }
  return fingerprint;
}
