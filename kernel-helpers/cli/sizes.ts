/** One allocation's size as the terminal shows it. */
import { formatBytes } from "../bytes";

/**
 * Exact bytes up to 1 MiB, where the size classes and the page rounding of large objects are
 * read to the byte (48 B, 9472 B, 40960 B); B / KiB / MiB / GiB above, where digits stop helping.
 */
export function allocationSize(bytes: number): string {
  return bytes < 2 ** 20 ? `${bytes} B` : formatBytes(bytes);
}
