/**
 * make(chan T, cap): runtime/chan.go makechan, alike in 1.19.8, 1.26.8 and 1.27.3 but for the
 * size of hchan. The compiler always calls makechan (walk/builtin.go walkMakeChan): a channel
 * never lives in a frame, whether or not it escapes.
 */
import { MakeChanCase } from "../case";
import { releaseOf } from "../alloc/rules";
import { GoType, layoutOf } from "../types";
import { Heap } from "./malloc";
import { typeInfo } from "./typeinfo";
import { VersionModel } from "./versions";

const WORD = (name: string): { name: string; type: GoType } => ({ name, type: { kind: "basic", name: "uintptr" } });
const POINTER = (name: string): { name: string; type: GoType } => ({ name, type: { kind: "pointer", elem: { kind: "basic", name: "uint8" } } });

/**
 * runtime/chan.go `type hchan struct` (amd64): qcount, dataqsiz, buf, elemsize uint16, closed
 * uint32, elemtype, sendx, recvx, recvq and sendq (two *sudog each), lock (runtime2.go mutex: a
 * uintptr key, lockRankStruct empty). 1.26.8 and 1.27.3 add `timer *timer` after closed and
 * `bubble *synctestBubble` after sendq.
 */
function hchan(v: VersionModel): GoType {
  // Read in the sources of the modelled versions only: 1.19.8 without, 1.26.8 and 1.27.3 with.
  const [major, minor] = releaseOf(v.go);
  const since126 = major > 1 || minor >= 26;
  return {
    kind: "struct",
    fields: [
      WORD("qcount"), WORD("dataqsiz"), POINTER("buf"),
      { name: "elemsize", type: { kind: "basic", name: "uint16" } }, { name: "closed", type: { kind: "basic", name: "uint32" } },
      ...(since126 ? [POINTER("timer")] : []),
      POINTER("elemtype"), WORD("sendx"), WORD("recvx"),
      POINTER("recvqFirst"), POINTER("recvqLast"), POINTER("sendqFirst"), POINTER("sendqLast"),
      ...(since126 ? [POINTER("bubble")] : []),
      WORD("lock"),
    ],
  };
}

/**
 * hchanSize = unsafe.Sizeof(hchan{}) rounded up to maxAlign (8): 96 bytes in 1.19.8, 112 in
 * 1.26.8 and 1.27.3.
 */
export function hchanSize(v: VersionModel): number {
  const size = layoutOf(hchan(v))!.size;
  return Math.ceil(size / 8) * 8;
}

/**
 * makechan: `mem = elem.Size_ * size`; mem == 0 (unbuffered, or zero-sized elements): one
 * mallocgc(hchanSize, nil) (noscan); elements without pointers: one mallocgc(hchanSize+mem, nil),
 * the buffer right after the header; elements with pointers: new(hchan), then mallocgc(mem, elem)
 * for the buffer.
 */
export function simulateMakeChan(heap: Heap, c: MakeChanCase): void {
  const v = heap.version;
  const et = typeInfo(c.elem);
  const size = hchanSize(v);
  const cap = c.cap ?? 0;
  const mem = et.size * cap;
  const call = `make(chan ${c.elem}${c.cap === undefined ? "" : `, ${c.cap}`})`;
  const where = c.escape === "heap" ? "" : " (a channel is never put in a frame: the compiler always calls makechan)";
  if (mem === 0) {
    const why = cap === 0 ? "no buffer" : `${cap} elements of 0 bytes`;
    heap.malloc(size, true, "runtime.makechan", heap.recording ? `${call}: ${why}, so mem == 0: hchan alone, ${size} B, no type (noscan)${where}` : "");
    return;
  }
  if (!et.pointers) {
    heap.malloc(size + mem, true, "runtime.makechan", heap.recording ? `${call}: the elements hold no pointers, so hchan (${size} B) and its ${mem}-byte buffer are one allocation${where}` : "");
    return;
  }
  heap.malloc(size, false, "runtime.makechan", heap.recording ? `${call}: new(hchan), ${size} B, apart from the buffer because the elements hold pointers${where}` : "");
  heap.malloc(mem, false, "runtime.makechan", heap.recording ? `${call}: the buffer, ${cap} × ${et.size} B of ${c.elem}, scanned by the collector${where}` : "");
}
