/**
 * Which Go versions the simulator models, and the parameters that differ between them. Each
 * number is cited to the file and function of that version's source it was read from.
 */
import { InputError } from "../errors";
import { simMessages } from "../messages";
import { SIZE_CLASSES, SizeClasses } from "./sizeclasses";

/** One modelled Go version (amd64). */
export interface VersionModel {
  /** Full version, e.g. "1.26.8". */
  go: string;
  sizeClasses: SizeClasses;
  malloc: {
    /** maxTinySize: noscan requests below it go to the tiny allocator (runtime/malloc.go). */
    tinySize: number;
    /**
     * Largest small object: 1.19.8 mallocgc tests `size <= maxSmallSize`; 1.26.8 mallocgc tests
     * `size <= maxSmallSize-gc.MallocHeaderSize`, so 32761..32768 bytes are large objects there.
     */
    maxSmall: number;
    /**
     * Malloc headers (absent in 1.19.8, present in 1.26.8): a scan object above MinSizeForMallocHeader (8*64 = 512 bytes,
     * internal/runtime/gc/malloc.go) gets an 8-byte type header in front
     * (runtime/malloc.go mallocgcSmallScanHeader: `size += gc.MallocHeaderSize`).
     */
    headers: { size: number; above: number } | null;
    /**
     * Largest size served by the size-specialised mallocgc functions (0: none). 1.27.3 turns
     * GOEXPERIMENT=sizespecializedmalloc on by default (internal/buildcfg/exp.go); malloc.go sends
     * sizes below len(mallocNoScanTable) = 81 to malloc_generated.go. Same classes, same counts.
     */
    sizeSpecialized: number;
  };
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
  sizeClasses: SIZE_CLASSES["1.19.8"],
  // runtime/malloc.go (1.19.8): maxTinySize = _TinySize = 16; mallocgc: `if size <= maxSmallSize`.
  malloc: { tinySize: 16, maxSmall: 32768, headers: null, sizeSpecialized: 0 },
  // cmd/compile/internal/ir/cfg.go (1.19.8): MaxImplicitStackVarSize = 64 * 1024.
  compiler: { implicitStackLimit: 65536, variableMakeThreshold: 0, zeroSizedElemToHeap: false, moveToHeap: false, debug: false },
  growslice: "1.19",
  maps: "classic",
};

const GO126: VersionModel = {
  go: "1.26.8",
  sizeClasses: SIZE_CLASSES["1.26.8"],
  // runtime/malloc.go (1.26.8) mallocgc: `size <= maxSmallSize-gc.MallocHeaderSize`;
  // internal/runtime/gc/malloc.go: MallocHeaderSize = 8, MinSizeForMallocHeader = PtrSize*PtrBits.
  malloc: { tinySize: 16, maxSmall: 32768 - 8, headers: { size: 8, above: 512 }, sizeSpecialized: 0 },
  // cmd/compile/internal/base/flag.go: Debug.VariableMakeThreshold = 32.
  compiler: { implicitStackLimit: 65536, variableMakeThreshold: 32, zeroSizedElemToHeap: true, moveToHeap: true, debug: false },
  growslice: "1.26",
  maps: "swiss",
};

const GO127: VersionModel = {
  ...GO126,
  go: "1.27.3",
  sizeClasses: SIZE_CLASSES["1.27.3"],
  malloc: { ...GO126.malloc, sizeSpecialized: 80 },
};

const MODELS: readonly VersionModel[] = [GO119, GO126, GO127];

/** Full versions the simulator models, oldest first. */
export const MODELLED_VERSIONS: readonly string[] = MODELS.map((m) => m.go);

/**
 * The model of a Go version: "1.26", "1.26.8", "go1.26.8". Anything else is an InputError that
 * names the modelled versions.
 */
export function versionModel(go: string): VersionModel {
  const found = typeof go === "string" ? SPELLINGS.get(go) ?? SPELLINGS.get(go.trim().replace(/^go/, "")) : undefined;
  if (!found) throw new InputError(simMessages.unknownVersion(String(go), MODELLED_VERSIONS), String(go));
  return found;
}

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
