/**
 * The probe generator's fingerprint: a hash of the program it writes for one case of every kind.
 * It is part of every result-cache key, so any change to the generated Go (harness, probes,
 * sinks) makes old cached results unreachable without anyone remembering to bump a version.
 */
import { createHash } from "node:crypto";
import { Case } from "../case";
import { generateProbe } from "./generate";

const SAMPLES: Case[] = [
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
];

let fingerprint: string | undefined;

/** 16 hex digits that change whenever the generated program changes. */
export function probeFingerprint(): string {
  if (fingerprint === undefined) {
    const probe = generateProbe(SAMPLES, "1.26");
    fingerprint = createHash("sha256").update(probe.source).update(probe.goMod).update(JSON.stringify(probe.files)).digest("hex").slice(0, 16);
  }
  return fingerprint;
}
