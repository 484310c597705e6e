/** Go types: the tree, its parser, its Go spelling and its amd64 layout. */
export * from "./ast";
export { parseGoType } from "./grammar";
export { renderType } from "./render";
export { layoutOf, Layout, MAX_TYPE_SIZE } from "./layout";
