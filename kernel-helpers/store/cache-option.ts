/** What a `cache` option (or `--no-cache`) asks for, as the cache to use. */
import { ResultCache } from "../cache";

/** None (false), a new default one whose warnings go to onProgress (true, undefined), or the one given. */
export function cacheFor(option: boolean | ResultCache | undefined, onProgress?: (m: string) => void): ResultCache | undefined {
  if (option === false) return undefined;
  if (option instanceof ResultCache) return option;
  return new ResultCache({ onWarning: onProgress });
}
