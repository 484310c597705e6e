/**
 * startDelve: `dlv exec --headless --api-version=2 --listen=127.0.0.1:0 <program> -- <args>` in a
 * process group of its own, registered with the clean-up registry, with a time limit on start-up.
 *
 * Delve starts the debugged program in a process group of *its own* (pkg/proc/native/proc_linux.go
 * Launch: `SysProcAttr{Ptrace: true, Setpgid: true}`), so killing dlv's group would leave the
 * program behind. The program's group is therefore tracked too, found as dlv's child the moment
 * dlv says it is listening (Delve launches the program before it listens), and both are killed on
 * timeout, error and interrupt. Without --accept-multiclient, Delve exits when the client goes.
 * dlv 1.27 also starts a copy of itself in a session of its own (Go's telemetry crash monitor):
 * every child of dlv is tracked and killed, not just the program.
 */
import { GolabError, ProcessError, TimeoutError } from "../errors";
import { traceMessages } from "../messages";
import {
  childrenOf, killGroup, killSession, onCpu, pidExists, processGroup, releaseGroup, spawnTracked, stopGroup, trackGroup,
  TrackedChild, waitAtMost, waitUntil,
} from "../proc";
import { DelveClient } from "./client";
import { DelveBinary } from "./select";

export interface StartOptions {
  /** The program's arguments. */
  args?: readonly string[];
  /** Environment of dlv, which the program inherits. */
  env?: NodeJS.ProcessEnv;
  /** Milliseconds for dlv to start listening. Default 60 s. */
  startTimeoutMs?: number;
  /** The one CPU dlv and the program run on (proc/cpu-pin.ts); null (default): wherever the kernel puts them. */
  cpu?: number | null;
}

/** A running headless Delve with its client connected. */
export interface DelveServer {
  readonly delve: DelveBinary;
  readonly port: number;
  readonly dlvPid: number;
  /** The debugged program's pid (and process group). */
  readonly targetPid: number;
  readonly client: DelveClient;
  /** Asks Delve to kill the program and exit, then makes sure both are gone. Never throws. */
  close(): Promise<void>;
  /**
   * Ends the program and dlv now (timeout, error, abort): Delve is given 1.5 s to kill and reap
   * the program, then both get SIGKILL; `close()` waits until both are gone. On exit or interrupt
   * the clean-up registry kills both groups at once.
   */
  kill(): void;
}

const LISTENING = /API server listening at:\s*(?:\[[^\]]*\]|[^\s:]+):(\d+)/;

/** Starts Delve on `program` and connects to it. */
export async function startDelve(delve: DelveBinary, program: string, { args = [], env = process.env, startTimeoutMs = 60_000, cpu = null }: StartOptions = {}): Promise<DelveServer> {
  const dlvArgs = ["exec", "--headless", "--api-version=2", "--listen=127.0.0.1:0", program, "--", ...args];
  const run = onCpu(cpu, delve.path, dlvArgs);
  const child = await spawnTracked(run.command, run.args, { env, label: [delve.path, ...dlvArgs].join(" ") });
  // Until the program's pid is known and tracked, an exit (Ctrl-C) must still find it.
  const onExit = () => killSession(child.pid);
  process.on("exit", onExit);
  void child.exited.then(() => process.off("exit", onExit));
  const targetGroups = new Set<number>();
  const trackTarget = (pid: number) => {
    const group = processGroup(pid);
    if (group !== null && group !== child.pid && !targetGroups.has(group)) {
      targetGroups.add(group);
      trackGroup(group);
    }
  };
  /** Immediate SIGKILL for everything (start-up failures). */
  const killAll = () => {
    for (const g of targetGroups) killGroup(g);
    killSession(child.pid);
    child.kill();
  };
  // The program is dlv's child and only dlv can reap it: killed behind dlv's back, it stays a
  // zombie, and once dlv is gone init reaps it a second or more later. So dlv is asked first, with
  // a short limit: halt (a pending continue returns), then detach and kill (Delve kills the
  // stopped program and waits for it). Then, whatever happened, SIGKILL for both.
  let stopping: Promise<void> | null = null;
  const killInOrder = (targetPid: number, client: DelveClient) => {
    if (!stopping) {
      stopping = (async () => {
        await stopGroup(child.pid, {
          graceMs: 1_500,
          ask: async () => {
            await client.halt().catch(() => undefined);
            await client.detach(true).catch(() => undefined);
          },
          also: targetGroups,
        });
        killSession(child.pid);
        await gone(targetPid, 2_000);
        child.kill();
      })();
    }
    return stopping;
  };
  const releaseAll = () => {
    for (const g of targetGroups) {
      killGroup(g);
      releaseGroup(g);
    }
  };
  let port: number;
  try {
    port = await waitForPort(child, startTimeoutMs);
    for (const kid of childrenOf(child.pid)) trackTarget(kid.pid);
  } catch (e) {
    for (const kid of childrenOf(child.pid)) trackTarget(kid.pid);
    killAll();
    await child.exited;
    releaseAll();
    throw e;
  }
  let client: DelveClient;
  let targetPid: number;
  try {
    client = await DelveClient.connect(port);
    targetPid = await client.processPid();
    trackTarget(targetPid);
  } catch (e) {
    // A dlv that refuses the program (a Go version it does not support) says so and exits
    // right after it starts listening: its words explain the failure better than the socket's.
    await waitAtMost(child.exited, 2_000);
    const said = exitedError(child);
    killAll();
    await child.exited;
    releaseAll();
    throw said ?? e;
  }
  // If dlv dies under us, every pending call fails with what it said.
  void child.exited.then(() => client.abort(exitedError(child) ?? new GolabError(traceMessages.delveExited(delve.path, null, null, ""))));
  let closing: Promise<void> | null = null;
  return {
    delve,
    port,
    dlvPid: child.pid,
    targetPid,
    client,
    kill() {
      // The connection stays open until the program is gone: Delve, single-client, exits when it
      // closes, and the program would then be left a zombie for init to reap.
      void killInOrder(targetPid, client).then(() => client.abort(new GolabError(traceMessages.killed())));
    },
    close() {
      if (!closing) {
        closing = (async () => {
          await killInOrder(targetPid, client);
          client.close();
          await child.exited;
          releaseAll();
          await gone(targetPid, 5_000);
        })();
      }
      return closing;
    },
  };
}

/** Waits until `pid` is gone (killed and reaped: zombies count as there), at most `ms`. */
async function gone(pid: number, ms: number): Promise<void> {
  await waitUntil(() => !pidExists(pid), ms, 20);
}

/** The error to report for a dlv that exited, with its last words; null while it runs. */
function exitedError(child: TrackedChild): GolabError | null {
  if (!child.hasExited()) return null;
  const { stdout, stderr } = child.output();
  const last = lastLine(stderr) || lastLine(stdout.replace(LISTENING, ""));
  return new ProcessError(traceMessages.delveExited(child.label.split(" ")[0], null, null, last), { command: child.label, exitCode: null, signal: null, stderr });
}

function lastLine(text: string): string {
  return text.trim().split("\n").filter((l) => l.trim() !== "").slice(-1)[0] ?? "";
}

function waitForPort(child: TrackedChild, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      reject(new TimeoutError(traceMessages.startTimeout(Math.round(timeoutMs / 1000)), child.label, timeoutMs));
    }, timeoutMs);
    child.onStdoutLine((line) => {
      const m = LISTENING.exec(line);
      if (!m || settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(Number(m[1]));
    });
    void child.exited.then(({ exitCode, signal }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const { stdout, stderr } = child.output();
      reject(new ProcessError(traceMessages.delveExited(child.label.split(" ")[0], exitCode, signal, lastLine(stderr) || lastLine(stdout)), {
        command: child.label, exitCode, signal, stderr,
      }));
    });
  });
}
