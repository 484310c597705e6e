/**
 * A jupyter server (or JupyterLab) that golab starts and owns: 127.0.0.1 only, a random token
 * that never appears on a command line, a free port, its own process group and runtime folder,
 * a time limit on start-up, and a stop that takes its kernels (and what they started) with it.
 */
import { ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import type { ServerConnection } from "@jupyterlab/services";
import { GolabError, TimeoutError } from "../errors";
import { jupyterMessages } from "../messages";
import {
  TEMP_PREFIX, descendantsOf, killGroup, listProcesses, signalProcess, sleep, stopGroup, stopGroupSync, trackGroup, waitAtMost,
} from "../proc";
import { releaseFolder, releaseGroup, trackFolder } from "../proc/cleanup";
import { findJupyter } from "./paths";
import { WATCHDOG, pythonOf } from "./launch";

/** `jupyter server` (headless: the runner) or `jupyter lab` (the reader's JupyterLab). */
export type JupyterApp = "server" | "lab";

export interface ServerOptions {
  /** Default "server". */
  app?: JupyterApp;
  /** The folder the server serves; notebooks must be inside it. */
  rootDir: string;
  /** 0 (default): a free port, chosen by golab before the server starts. */
  port?: number;
  /** JupyterLab only: open a browser on start. Default false. */
  openBrowser?: boolean;
  /** JupyterLab only: what to open, relative to rootDir (a notebook or a folder). */
  openPath?: string;
  /** Kernel for new notebooks. Default "tslab". */
  defaultKernel?: string;
  /** Milliseconds to wait for the server to answer. Default 60 s. */
  startTimeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Each line the server logs. */
  onLog?: (line: string) => void;
}

const LOG_LINES = 200;

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** How the server process ended. */
export interface ServerExit {
  code: number | null;
  signal: string | null;
}

interface ServerInfo {
  url: string;
  port: number;
  pid: number;
}

function assertServerInfo(x: unknown): asserts x is ServerInfo {
  const o = x as Partial<ServerInfo> | null;
  if (!o || typeof o.url !== "string" || typeof o.port !== "number" || typeof o.pid !== "number") {
    throw new Error(`unexpected jupyter server info: ${JSON.stringify(x).slice(0, 200)}`);
  }
}

/** A running jupyter server owned by this process. */
export class JupyterServer {
  /** Base URL, e.g. http://127.0.0.1:36203/ (no token). */
  readonly url: string;
  readonly token: string;
  readonly pid: number;
  readonly rootDir: string;
  readonly app: JupyterApp;
  /** Milliseconds from spawn to the first answer of /api/status. */
  readonly startMs: number;
  /** Resolves when the server process has exited. */
  readonly exited: Promise<ServerExit>;

  private readonly runtimeDir: string;
  private readonly log: string[];
  private readonly adopted = new Set<number>();
  private readonly adoptTimer: NodeJS.Timeout;
  private readonly onSignalOrExit = () => this.adoptProcesses();
  private stopping: Promise<void> | null = null;

  /** @internal use startJupyterServer */
  constructor(fields: {
    url: string; token: string; pid: number; rootDir: string; app: JupyterApp; startMs: number;
    exited: Promise<ServerExit>; runtimeDir: string; log: string[];
  }) {
    this.url = fields.url;
    this.token = fields.token;
    this.pid = fields.pid;
    this.rootDir = fields.rootDir;
    this.app = fields.app;
    this.startMs = fields.startMs;
    this.exited = fields.exited;
    this.runtimeDir = fields.runtimeDir;
    this.log = fields.log;
    // Kernels (and what they start) live in process groups of their own: keep them tracked so that
    // an exit or an interrupt of this process takes them too.
    this.adoptTimer = setInterval(() => this.adoptProcesses(), 1000);
    this.adoptTimer.unref();
    process.prependListener("exit", this.onSignalOrExit);
    for (const signal of SIGNALS) {
      // Only where someone handles the signal: a listener of our own would stop Node's default exit.
      if (process.listenerCount(signal) > 0) process.prependListener(signal, this.onSignalOrExit);
    }
  }

  /** The URL a browser opens: `path` (e.g. "lab/tree/ch1.ipynb") with the token. */
  browserUrl(urlPath = "lab"): string {
    const u = new URL(urlPath.replace(/^\/+/, ""), this.url);
    u.searchParams.set("token", this.token);
    return u.toString();
  }

  /** Connection settings for @jupyterlab/services. */
  settings(): ServerConnection.ISettings {
    // Loaded here, not at the top: the library is ~90 ms to load and only the runner needs it.
    const { ServerConnection } = require("@jupyterlab/services") as typeof import("@jupyterlab/services");
    return ServerConnection.makeSettings({
      baseUrl: this.url,
      wsUrl: this.url.replace(/^http/, "ws"),
      token: this.token,
      appendToken: true,
    });
  }

  /** The last lines the server logged. */
  logTail(lines = 20): string {
    return this.log.slice(-lines).join("\n");
  }

  /** Tracks the process group of every process below the server; forgets groups that are gone. */
  adoptProcesses(): number[] {
    const procs = listProcesses();
    const groups = new Set(descendantsOf(this.pid, procs).map((p) => p.pgid));
    groups.delete(this.pid);
    for (const g of groups) {
      if (g > 1 && !this.adopted.has(g)) {
        this.adopted.add(g);
        trackGroup(g, { watchdog: false });
      }
    }
    const live = new Set(procs.map((p) => p.pgid));
    for (const g of this.adopted) {
      if (!live.has(g)) {
        this.adopted.delete(g);
        releaseGroup(g);
      }
    }
    return [...groups];
  }

  /**
   * Stops the server: SIGTERM (Jupyter then shuts its kernels down), and after `graceMs` SIGKILL
   * to the server's group and every group below it; the runtime folder is removed.
   */
  stop({ graceMs = 5000 }: { graceMs?: number } = {}): Promise<void> {
    this.stopping ??= this.stopAsync(graceMs);
    return this.stopping;
  }

  private async stopAsync(graceMs: number): Promise<void> {
    this.adoptProcesses();
    await stopGroup(this.pid, {
      graceMs,
      ask: () => {
        signalProcess(this.pid, "SIGTERM");
        return this.exited;
      },
      also: this.adopted,
    });
    await waitAtMost(this.exited, 2000);
    this.release();
  }

  /**
   * The same as stop, synchronously, for a signal handler: Jupyter gets `graceMs` to shut its
   * kernels down, then everything left is killed.
   */
  stopSync({ graceMs = 5000 }: { graceMs?: number } = {}): void {
    this.adoptProcesses();
    stopGroupSync(this.pid, { graceMs, also: this.adopted });
    this.release();
  }

  private release(): void {
    clearInterval(this.adoptTimer);
    process.removeListener("exit", this.onSignalOrExit);
    for (const signal of SIGNALS) process.removeListener(signal, this.onSignalOrExit);
    for (const g of this.adopted) releaseGroup(g);
    this.adopted.clear();
    releaseGroup(this.pid);
    fs.rmSync(this.runtimeDir, { recursive: true, force: true });
    releaseFolder(this.runtimeDir);
  }
}

/**
 * The server's own origin (its page on 127.0.0.1 or localhost, at its port): the only one CORS
 * answers. Jupyter echoes any Origin back to a request that carries the token unless a pattern is
 * set; a page on another port of this machine is another origin and gets no answer it can read.
 */
export function ownOrigin(port: number): string {
  return `^https?://(127\\.0\\.0\\.1|localhost):${port}$`;
}

/** A port free on 127.0.0.1 now, for a server whose origin must be known before it starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function serverArgs(o: Required<Pick<ServerOptions, "app" | "rootDir" | "port" | "openBrowser" | "defaultKernel">> & { openPath?: string; configFile: string }): string[] {
  const args = [
    o.app,
    `--config=${o.configFile}`,
    "--ServerApp.ip=127.0.0.1",
    `--ServerApp.port=${o.port}`,
    "--ServerApp.port_retries=0",
    `--ServerApp.root_dir=${o.rootDir}`,
    `--ServerApp.open_browser=${o.openBrowser ? "True" : "False"}`,
    `--MappingKernelManager.default_kernel_name=${o.defaultKernel}`,
    // A kernel that ignores shutdown_request (a hung cell) is killed after 2 s, not 5.
    "--KernelManager.shutdown_wait_time=2.0",
  ];
  if (typeof process.getuid === "function" && process.getuid() === 0) args.push("--ServerApp.allow_root=True");
  // The lab needs kernels and contents only: no terminals (a shell over the websocket), for the
  // headless runner and for `golab lab` alike.
  args.push("--ServerApp.terminals_enabled=False");
  // Cross-origin answers only for the server's own page (ownOrigin): by default a token-bearing
  // request from any origin would get its Origin echoed back.
  args.push(`--ServerApp.allow_origin_pat=${ownOrigin(o.port)}`);
  if (o.app === "lab") {
    args.push("--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate");
    if (o.openPath !== undefined) {
      const rel = o.openPath.split(path.sep).map(encodeURIComponent).join("/");
      args.push(`--LabApp.default_url=/lab/tree/${rel}`);
    }
  }
  return args;
}

/** Starts a jupyter server and waits until it answers; throws MissingToolError without Jupyter. */
export async function startJupyterServer(options: ServerOptions): Promise<JupyterServer> {
  if (options.port) return startOn(options, options.port);
  // A free port is chosen here, so CORS can name the server's own origin. Another process may take
  // it before Jupyter binds it (port_retries=0 then ends the server): a new port, twice at most.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOn(options, await freePort());
    } catch (e) {
      if (attempt >= 3 || !(e instanceof GolabError) || !/is not available|already in use|could not be started/i.test(e.message)) throw e;
    }
  }
}

async function startOn(options: ServerOptions, port: number): Promise<JupyterServer> {
  const {
    app = "server", openBrowser = false, openPath, defaultKernel = "tslab",
    startTimeoutMs = 60_000, env = process.env, onLog,
  } = options;
  const rootDir = path.resolve(options.rootDir);
  const { jupyter } = findJupyter({ env });
  const started = Date.now();
  const runtimeDir = fs.mkdtempSync(path.join(os.tmpdir(), `${TEMP_PREFIX}jupyter-`));
  // The server's own watchdog (launch.ts) removes it after shutting the kernels down.
  trackFolder(runtimeDir, { watchdog: false });
  const token = randomBytes(24).toString("hex");
  // The token goes in a file only this user can read (mkdtemp makes the folder 0700), never in
  // argv, which every local user can read in /proc.
  const configFile = path.join(runtimeDir, "golab_jupyter_config.json");
  fs.writeFileSync(configFile, JSON.stringify({ IdentityProvider: { token } }), { mode: 0o600 });
  const childEnv: NodeJS.ProcessEnv = {
    ...env, JUPYTER_RUNTIME_DIR: runtimeDir, GOLAB_JUPYTER_RUNTIME_DIR: runtimeDir, PYTHONUNBUFFERED: "1",
  };
  delete childEnv.JUPYTER_TOKEN;
  if (app === "server") {
    // Test and export runs do not depend on the user's own Jupyter configuration.
    childEnv.JUPYTER_CONFIG_DIR = path.join(runtimeDir, "config");
  }

  const args = serverArgs({ app, rootDir, port, openBrowser, defaultKernel, openPath, configFile });
  let child: ChildProcess;
  try {
    child = spawn(pythonOf(jupyter), ["-c", WATCHDOG, ...args], { cwd: rootDir, env: childEnv, detached: true, stdio: ["pipe", "pipe", "pipe"] });
    // golab never writes to it: the pipe only closes when golab exits. It must not keep Node alive.
    (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    child.stdin?.on("error", () => undefined);
  } catch (e) {
    fs.rmSync(runtimeDir, { recursive: true, force: true });
    releaseFolder(runtimeDir);
    throw e;
  }
  const pid = child.pid;
  const log: string[] = [];
  let exit: ServerExit | null = null;
  const exited = new Promise<ServerExit>((resolve) => {
    child.on("close", (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
    child.on("error", (e) => {
      exit = { code: null, signal: null };
      log.push(String(e));
      resolve(exit);
    });
  });
  for (const stream of [child.stdout, child.stderr]) {
    let partial = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      const lines = (partial + chunk).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) {
        log.push(line);
        if (log.length > LOG_LINES) log.shift();
        onLog?.(line);
      }
    });
  }
  const fail = (e: Error): never => {
    if (pid !== undefined) {
      for (const p of descendantsOf(pid)) killGroup(p.pgid);
      killGroup(pid);
      releaseGroup(pid);
    }
    fs.rmSync(runtimeDir, { recursive: true, force: true });
    releaseFolder(runtimeDir);
    throw e;
  };
  if (pid === undefined) {
    await exited;
    return fail(new GolabError(jupyterMessages.serverExited(null, null, log.join(" ").trim())));
  }
  // Not golab's watchdog: the server's own (launch.ts) shuts its kernels down before it goes.
  trackGroup(pid, { watchdog: false });

  // The client library every server is used with loads while Python starts (on the other core),
  // not after: about 50 ms of each run that was spent once the server was up.
  require("@jupyterlab/services");
  const deadline = started + startTimeoutMs;
  const infoFile = path.join(runtimeDir, `jpserver-${pid}.json`);
  let info: ServerInfo | null = null;
  while (true) {
    if (exit !== null) {
      const { code, signal } = exit;
      const last = log.filter((l) => l.trim()).slice(-1)[0] ?? "";
      return fail(new GolabError(jupyterMessages.serverExited(code, signal, last)));
    }
    if (Date.now() > deadline) {
      return fail(new TimeoutError(jupyterMessages.serverStartTimeout(Math.round(startTimeoutMs / 1000)), `${jupyter} ${app}`, startTimeoutMs));
    }
    if (info === null) {
      try {
        const parsed: unknown = JSON.parse(fs.readFileSync(infoFile, "utf8"));
        assertServerInfo(parsed);
        info = parsed;
      } catch {
        // Not written yet (or half written).
      }
    }
    if (info !== null) {
      try {
        const res = await fetch(new URL("api/status", info.url), {
          headers: { Authorization: `token ${token}` },
          signal: AbortSignal.timeout(Math.max(1000, Math.min(5000, deadline - Date.now()))),
        });
        if (res.ok) break;
      } catch {
        // Not listening yet.
      }
    }
    // Every run waits here once: what is left of a step after the server is up is time lost.
    await sleep(20);
  }
  return new JupyterServer({
    url: info.url, token, pid, rootDir, app, startMs: Date.now() - started, exited, runtimeDir, log,
  });
}
