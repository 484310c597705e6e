/**
 * IOPub messages → nbformat outputs, as JupyterLab's output area keeps them: consecutive stream
 * text of one name merged, clear_output (with wait), and update_display_data applied to every
 * output of that display id, in any cell of the run (tslab's newDisplay() updates in place).
 */
import type * as nbformat from "@jupyterlab/nbformat";

/** The part of an IOPub message the collector reads (wire type, checked before use). */
export interface IOPubMessage {
  header: { msg_type: string };
  content: unknown;
}

type Json = nbformat.OutputMetadata;

interface DisplayContent {
  data: nbformat.IMimeBundle;
  metadata?: nbformat.OutputMetadata;
  transient?: { display_id?: string };
  execution_count?: number | null;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function assertDisplay(x: unknown, type: string): asserts x is DisplayContent {
  if (!isObject(x) || !isObject(x.data)) throw new Error(`malformed ${type} message from the kernel`);
}

/** The outputs of one cell, as they grow. */
export class CellOutputs {
  readonly outputs: nbformat.IOutput[] = [];
  /** Everything the cell wrote to stderr, in order (tslab reports errors only there). */
  readonly stderrChunks: string[] = [];
  /** `error` messages, for kernels that send them (tslab does not). */
  readonly errors: nbformat.IError[] = [];
  private clearOnNext = false;

  /** @internal */
  constructor(private readonly displays: DisplayRegistry) {}

  /** Applies one IOPub message; returns false for message types that carry no output. */
  add(msg: IOPubMessage): boolean {
    const type = msg.header.msg_type;
    const c = msg.content;
    switch (type) {
      case "stream": {
        if (!isObject(c) || (c.name !== "stdout" && c.name !== "stderr") || typeof c.text !== "string") {
          throw new Error("malformed stream message from the kernel");
        }
        this.maybeClear();
        if (c.name === "stderr") this.stderrChunks.push(c.text);
        const last = this.outputs[this.outputs.length - 1] as nbformat.IOutput | undefined;
        if (last && isStream(last) && last.name === c.name) {
          last.text = `${textOf(last.text)}${c.text}`;
        } else {
          this.outputs.push({ output_type: "stream", name: c.name, text: c.text });
        }
        return true;
      }
      case "display_data":
      case "execute_result": {
        assertDisplay(c, type);
        this.maybeClear();
        const out: nbformat.IDisplayData | nbformat.IExecuteResult = type === "display_data"
          ? { output_type: "display_data", data: c.data, metadata: c.metadata ?? {} }
          : { output_type: "execute_result", data: c.data, metadata: c.metadata ?? {}, execution_count: c.execution_count ?? null };
        this.outputs.push(out);
        const id = c.transient?.display_id;
        if (typeof id === "string" && id) this.displays.register(id, out);
        return true;
      }
      case "update_display_data": {
        assertDisplay(c, type);
        const id = c.transient?.display_id;
        if (typeof id === "string" && id) this.displays.update(id, c.data, c.metadata ?? {});
        return true;
      }
      case "error": {
        if (!isObject(c) || typeof c.ename !== "string" || typeof c.evalue !== "string" || !Array.isArray(c.traceback)) {
          throw new Error("malformed error message from the kernel");
        }
        this.maybeClear();
        const out: nbformat.IError = { output_type: "error", ename: c.ename, evalue: c.evalue, traceback: c.traceback.map(String) };
        this.outputs.push(out);
        this.errors.push(out);
        return true;
      }
      case "clear_output": {
        if (isObject(c) && c.wait === true) this.clearOnNext = true;
        else this.clear();
        return true;
      }
      default:
        return false;
    }
  }

  /** The stdout text of the cell (tslab prints a cell's last expression there). */
  stdout(): string {
    return this.outputs.flatMap((o) => (isStream(o) && o.name === "stdout" ? [textOf(o.text)] : [])).join("");
  }

  private maybeClear(): void {
    if (this.clearOnNext) this.clear();
  }

  private clear(): void {
    this.clearOnNext = false;
    this.outputs.length = 0;
  }
}

/** Display ids of one run → the outputs that show them. */
export class DisplayRegistry {
  private readonly byId = new Map<string, (nbformat.IDisplayData | nbformat.IExecuteResult)[]>();

  /** A collector for the next cell of the run. */
  cell(): CellOutputs {
    return new CellOutputs(this);
  }

  register(id: string, out: nbformat.IDisplayData | nbformat.IExecuteResult): void {
    const list = this.byId.get(id);
    if (list) list.push(out);
    else this.byId.set(id, [out]);
  }

  update(id: string, data: nbformat.IMimeBundle, metadata: Json): void {
    for (const out of this.byId.get(id) ?? []) {
      out.data = data;
      out.metadata = metadata;
    }
  }
}

function isStream(o: nbformat.IOutput): o is nbformat.IStream {
  return o.output_type === "stream";
}

/** nbformat allows multiline strings as arrays of lines. */
export function textOf(text: nbformat.MultilineString): string {
  return Array.isArray(text) ? text.join("") : text;
}
