/**
 * Which Go versions the simulator models, and the parameters that differ between them: the
 * allocator's rules come from alloc/ (shared with the tracer); the compiler's, growslice's and the
 * maps' are here. Each number is cited to the file and function of that version's source it was
 * read from.
 */
import { InputError } from "../errors";
import { simMessages } from "../messages";
import { MODELLED_RULES } from "../alloc/modelled";
import { AllocRules } from "../alloc/rules";

/** One modelled Go version (amd64). */
export interface VersionModel {
  /** Full version, e.g. "1.26.8". */
  go: string;
  /** The allocator's rules: size classes, tiny block, malloc headers, size-specialised malloc (alloc/rules.ts). */
  malloc: AllocRules;
  compiler: {
    /** ir.MaxImplicitStackVarSize: constant-size make up to this many bytes stays on the stack. */
    implicitStackLimit: number;
    /**
     * base.Debug.VariableMakeThreshold (cmd/compile/internal/base/flag.go in 1.26.8): a stack
     * buffer of this many bytes for small variable-size make and for append; 0 where absent (1.19.8).
     */
    variableMakeThreshold: number;
    /** 1.26.8 escape.HeapAllocReason: make of a zero-sized element goes to the heap ("zero-sized element"). */
    zeroSizedElemToHeap: boolean;
    /** 1.26.8 cmd/compile/internal/slice: an appended-to slice that escapes once moves to the heap there. */
    moveToHeap: boolean;
    /** Built with -gcflags=all=-N -l (the article's debug build). */
    debug: boolean;
  };
  /** growslice: 1.19.8 asks mallocgc for the rounded capmem; 1.26.8 recomputes capmem = newcap*size. */
  growslice: "1.19" | "1.26";
  /** classic buckets (runtime/map.go in 1.19.8) or Swiss tables (internal/runtime/maps in 1.26.8, 1.27.3). */
  maps: "classic" | "swiss";
}

const GO119: VersionModel = {
  go: "1.19.8",
  malloc: MODELLED_RULES["1.19.8"],
  // cmd/compile/internal/ir/cfg.go (1.19.8): MaxImplicitStackVarSize = 64 * 1024.
  compiler: { implicitStackLimit: 65536, variableMakeThreshold: 0, zeroSizedElemToHeap: false, moveToHeap: false, debug: false },
  growslice: "1.19",
  maps: "classic",
};

const GO126: VersionModel = {
  go: "1.26.8",
  malloc: MODELLED_RULES["1.26.8"],
  // cmd/compile/internal/base/flag.go: Debug.VariableMakeThreshold = 32.
  compiler: { implicitStackLimit: 65536, variableMakeThreshold: 32, zeroSizedElemToHeap: true, moveToHeap: true, debug: false },
  growslice: "1.26",
  maps: "swiss",
};

const GO127: VersionModel = {
  ...GO126,
  go: "1.27.3",
  malloc: MODELLED_RULES["1.27.3"],
};

const MODELS: readonly VersionModel[] = [GO119, GO126, GO127];

/** Full versions the simulator models, oldest first. */
export const MODELLED_VERSIONS: readonly string[] = MODELS.map((m) => m.go);

/**
 * The model of a Go version: "1.26", "1.26.8", "go1.26.8". Anything else is an InputError that
 * names the modelled versions.
 */
export function versionModel(go: string): VersionModel {
  // A batch asks for one version case after case: the last answer, without a lookup.
  if (go === lastSpelling) return lastModel!;
  const found = typeof go === "string" ? SPELLINGS.get(go) ?? SPELLINGS.get(go.trim().replace(/^go/, "")) : undefined;
  if (!found) throw new InputError(simMessages.unknownVersion(String(go), MODELLED_VERSIONS), String(go));
  if (typeof go === "string") {
    lastSpelling = go;
    lastModel = found;
  }
  return found;
}

/** versionModel's last spelling and its model. */
let lastSpelling: string | null = null;
let lastModel: VersionModel | null = null;

/** "1.26.8" and "1.26" for each model. */
const SPELLINGS = new Map<string, VersionModel>(MODELS.flatMap((m) => [[m.go, m], [m.go.split(".").slice(0, 2).join("."), m]]));

/**
 * The same version built with -gcflags=all=-N -l. Escape analysis still runs, so constant-size
 * make still stays on the stack, but 1.26.8 turns its stack buffers off under -N
 * (walk/builtin.go walkMakeSlice: `tryStack = base.Flag.N == 0 && ...`; ssagen/ssa.go
 * getBackingStoreInfo: `if base.Flag.N != 0 { return nil }`; slice/slice.go Funcs returns early).
 */
export function debugBuild(v: VersionModel): VersionModel {
  return { ...v, compiler: { ...v.compiler, variableMakeThreshold: 0, moveToHeap: false, debug: true } };
}

/** The model of Go `go`, built optimised or (`debug`) with -N -l. */
export function buildModel(go: string, debug: boolean): VersionModel {
  const model = versionModel(go);
  return debug ? debugBuild(model) : model;
}
