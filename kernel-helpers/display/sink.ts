/**
 * Where display output goes. Inside a tslab kernel: the kernel's display_data messages (through
 * tslab's own writer, the only way to send several mime types in one output). Elsewhere (the CLI,
 * tests): a sink set with setDisplaySink, or plain text on stdout.
 */

/** One output: mime type → data, as Jupyter's display_data carries it. */
export type MimeBundle = Record<string, unknown>;

export type DisplaySink = (bundle: MimeBundle, displayId?: string, update?: boolean) => void;

type TslabWriter = (data: { data: MimeBundle; metadata: object; transient: { display_id?: string } }, update: boolean) => void;

let override: DisplaySink | null = null;

/** Routes displays to `sink` (tests), or back to the default with null. */
export function setDisplaySink(sink: DisplaySink | null): void {
  override = sink;
}

function tslabWriter(): TslabWriter | null {
  try {
    // Resolved lazily: tslab is only loaded when something is displayed.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: TslabWriter | null };
    return jupyter.lastWriteDisplayData;
  } catch {
    return null;
  }
}

/** Sends one output with all its mime types. */
export function displayBundle(bundle: MimeBundle, displayId?: string, update = false): void {
  if (override) return override(bundle, displayId, update);
  const write = tslabWriter();
  if (write) return write({ data: bundle, metadata: {}, transient: displayId ? { display_id: displayId } : {} }, update);
  const text = bundle["text/plain"] ?? bundle["text/markdown"];
  if (typeof text === "string") process.stdout.write(`${text}\n`);
}
