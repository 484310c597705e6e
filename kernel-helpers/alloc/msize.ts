/**
 * roundupsize: the bytes mallocgc will really hand out for a request, as growslice,
 * makeBucketArray and 1.26's stack-buffer helpers ask for it before they allocate.
 */
import { AllocRules } from "./rules";
import { largeSize, sizeClassOf } from "./sizeclasses";

/**
 * roundupsize: 1.19.8 runtime/msize.go roundupsize(size) (`if size < _MaxSmallSize` a class, else
 * whole pages); 1.26.8 runtime/msize.go roundupsize(size, noscan), which leaves room for the malloc
 * header and returns the usable size.
 */
export function roundupsize(rules: AllocRules, size: number, noscan: boolean): number {
  const sc = rules.sizeClasses;
  if (rules.headers === null) {
    if (size < sc.maxSmallSize) return size === 0 ? 0 : sc.classToSize[sizeClassOf(sc, size)];
    return largeSize(sc, size);
  }
  if (size <= rules.maxSmall) {
    const h = rules.headers;
    const req = !noscan && size > h.above ? size + h.size : size;
    if (req === 0) return 0;
    return sc.classToSize[sizeClassOf(sc, req)] - (req - size);
  }
  return largeSize(sc, size);
}
