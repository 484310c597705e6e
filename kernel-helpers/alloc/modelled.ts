/**
 * The versions the lab models: their size classes, extracted from each version's own
 * sizeclasses.go by scripts/extract-sizeclasses.js into data/sizeclasses/go<version>.json
 * (runtime/sizeclasses.go in 1.19.8, internal/runtime/gc/sizeclasses.go in 1.26.8 and 1.27.3), read
 * once at module load, and the allocator's rules of each (rules.ts).
 */
import go1198 from "../../data/sizeclasses/go1.19.8.json";
import go1268 from "../../data/sizeclasses/go1.26.8.json";
import go1273 from "../../data/sizeclasses/go1.27.3.json";
import { allocRules, AllocRules } from "./rules";
import { SizeClasses } from "./sizeclasses";

/** Size classes by full Go version, for the modelled versions. */
export const SIZE_CLASSES: Readonly<Record<string, SizeClasses>> = {
  "1.19.8": go1198,
  "1.26.8": go1268,
  "1.27.3": go1273,
};

/** The allocator's rules by full Go version, for the modelled versions. */
export const MODELLED_RULES: Readonly<Record<string, AllocRules>> = Object.fromEntries(
  Object.entries(SIZE_CLASSES).map(([go, sc]) => [go, allocRules(go, sc)]),
);
