/** The allocator's rules, per Go version: size classes, tiny block, malloc headers, large objects. */
export { SizeClasses, sizeClassOf, pageSize, largeSize, sizeBucket } from "./sizeclasses";
export { AllocRules, MallocHeaders, TINY_SIZE, allocRules, releaseOf, sizeSpecializedMalloc } from "./rules";
export { TinyBlock, TINY_SIZE_CLASS } from "./tiny";
export { Shape, newShape, allocate, classify } from "./malloc";
export { roundupsize } from "./msize";
export { SIZE_CLASSES, MODELLED_RULES } from "./modelled";
export { SizeClassTables, parseSizeClasses } from "./parse";
export { SIZE_CLASS_FILES, goVersionAt, readSizeClasses, toolchainRules } from "./read";
