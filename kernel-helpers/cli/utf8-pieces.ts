/**
 * Text gathered as UTF-8 bytes, one line at a time, into pieces of at least 256 KiB: what
 * `predict --from` writes. Encoding each line as it is made skips joining the lines into one long
 * string first (which, once one line holds a "×", was all two-byte and had to be flattened and
 * transcoded again), and one write or transfer carries a piece of thousands of lines.
 */
const encoder = new TextEncoder();

/** Bytes of a piece when started. */
const PIECE = 256 * 1024;

export class Utf8Pieces {
  private readonly done: Uint8Array[] = [];
  private buf = new Uint8Array(PIECE);
  private at = 0;

  /** Adds `text`, encoded. */
  add(text: string): void {
    // A UTF-16 code unit is at most three bytes of UTF-8.
    if (this.buf.length - this.at < text.length * 3) {
      this.cut();
      this.buf = new Uint8Array(Math.max(PIECE, text.length * 3));
    }
    this.at += encoder.encodeInto(text, this.buf.subarray(this.at)).written;
  }

  private cut(): void {
    if (this.at > 0) this.done.push(this.buf.subarray(0, this.at));
    this.at = 0;
  }

  /** The pieces so far, each its own buffer (so each can be transferred); the builder is then spent. */
  pieces(): Uint8Array[] {
    this.cut();
    return this.done;
  }
}
