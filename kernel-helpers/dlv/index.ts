/** Delve over its JSON-RPC API: the client, the server it talks to, and which dlv serves which Go. */
export { DelveClient } from "./client";
export {
  Breakpoint, BreakpointSpec, BreakpointHit, DelveVersion, Frame, HitCounts, LoadLevel, RuntimeTypeRef, Stop, TracepointEvent, Value,
  decodeTypeName, integerOf, runtimeTypeOf,
} from "./convert";
export { DelveProtocolError, DelveRpcError } from "./errors";
export { startDelve, DelveServer, StartOptions } from "./server";
export { selectDelve, chooseDelve, describeDelve, delveCandidates, delveSupportRange, DelveBinary, LAB_DELVE_BUILD } from "./select";
