/** Errors of the Delve client: what Delve answered, and what did not look like Delve at all. */
import { GolabError } from "../errors";

/** Delve answered an RPC with an error (a bad location, an expression it cannot evaluate, ...). */
export class DelveRpcError extends GolabError {
  /** The RPC, e.g. "RPCServer.CreateBreakpoint". */
  readonly method: string;
  /** Delve's own words. */
  readonly delveMessage: string;
  constructor(message: string, fields: { method: string; delveMessage: string }) {
    super(message);
    this.name = "DelveRpcError";
    this.method = fields.method;
    this.delveMessage = fields.delveMessage;
  }
}

/** Something came off the wire that is not what Delve's API promises, or the connection broke. */
export class DelveProtocolError extends GolabError {
  readonly method: string;
  constructor(message: string, fields: { method: string; cause?: unknown }) {
    super(message, { cause: fields.cause });
    this.name = "DelveProtocolError";
    this.method = fields.method;
  }
}
