/** Progress of a long experiment, shown in the cell and updated in place while it runs. */
import { randomUUID } from "node:crypto";
import { displayBundle, MimeBundle } from "./sink";

export interface Progress {
  /** Replaces the progress line. */
  update(message: string): void;
  /** Leaves a final line (with `extra` mime types beside it, e.g. data for the course export). */
  done(message?: string, extra?: MimeBundle): void;
}

/** A progress line updated in place (a Jupyter display with a display_id). */
export function progress(label: string): Progress {
  const id = randomUUID();
  const started = Date.now();
  const show = (message: string, update: boolean, extra: MimeBundle = {}) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const line = `${label}: ${message} (${seconds} s)`;
    displayBundle({ "text/plain": line, "text/html": `<code>${line.replace(/</g, "&lt;")}</code>`, ...extra }, id, update);
  };
  show("starting", false);
  return { update: (m) => show(m, true), done: (m = "done", extra) => show(m, true, extra) };
}
