/**
 * Waiting, the lab's one way: sleep, a time limit on a promise, a bounded wait that does not
 * fail, polling until a condition holds, and a blocking sleep for signal and exit handlers. No
 * helper leaves a timer behind (a pending one would keep Node alive after the work is done).
 */
import { TimeoutError } from "../errors";

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Blocks the thread for `ms` (signal and exit handlers cannot wait asynchronously). */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** What a TimeoutError from withTimeout says. */
export interface TimeLimit {
  /** The error's message. */
  message: string;
  /** What was waited for (the error's `command`). */
  command: string;
}

/**
 * `work`'s result, or a rejection with a TimeoutError (message and command from `limit`, its
 * `timeoutMs` = `ms`) when `work` has not settled after `ms`. `work` itself is not cancelled.
 */
export async function withTimeout<T>(work: Promise<T>, ms: number, limit: TimeLimit): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new TimeoutError(limit.message, limit.command, ms)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits for `work` at most `ms`: its result, or `fallback` (default undefined) once `ms` have passed. */
export async function waitAtMost<T, F = undefined>(work: Promise<T>, ms: number, fallback?: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<F>((resolve) => (timer = setTimeout(() => resolve(fallback as F), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `check` every `everyMs` until it holds, at most `ms`; returns whether it did. */
export async function waitUntil(check: () => boolean, ms: number, everyMs = 25): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await sleep(everyMs);
  }
  return check();
}

/** The same as waitUntil, blocking the thread (for signal and exit handlers). */
export function waitUntilSync(check: () => boolean, ms: number, everyMs = 50): boolean {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    sleepSync(everyMs);
  }
  return check();
}
