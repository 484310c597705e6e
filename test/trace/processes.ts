/** Live processes whose command line mentions a path: how the tests look for leftover dlv and probes. */
import * as fs from "node:fs";

export { ProcessInfo, processesMentioning } from "../helpers/processes";

/** Which of `pids` still exist in /proc, zombies included (a zombie is a leftover too). */
export function stillThere(pids: readonly number[]): number[] {
  return pids.filter((pid) => fs.existsSync(`/proc/${pid}`));
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` holds, at most `ms`; returns whether it did. */
export async function eventually(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await delay(25);
  }
  return check();
}
