/**
 * How the jupyter server process is launched: its Python, and a watchdog around the server app
 * that ties the server's life to golab's.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Starts the server app in-process and ties its life to golab's: when golab's end of the stdin
 * pipe closes (golab exited, however: even SIGKILL), the server gets SIGTERM and shuts its
 * kernels down; if that shutdown hangs (it can, in the middle of a kernel restart), the kernels'
 * process groups are killed after 10 s and the server leaves. Either way the runtime folder goes.
 * A detached server would otherwise outlive a killed parent with all its kernels.
 *
 * This is the one reader of /proc outside kernel-helpers/proc/: it runs in the server's Python
 * when golab is gone, so it cannot ask golab's Node code for the server's children.
 */
/**
 * The first line of every Python golab starts (server, nbconvert, jupytext). jsonschema's format
 * checkers import rfc3987_syntax if it is installed, and that import builds a Lark grammar: 1.2 s
 * of CPU at every start of a Python that validates with jsonschema (jupyter_events in the server,
 * nbformat in nbconvert and jupytext). jsonschema skips the "iri" formats when the import fails
 * (`suppress(ImportError)`), and no notebook or event schema uses them. Measured: the server's
 * imports 2.9 s -> 0.6 s; nbconvert of one page 2.9 s -> 1.4 s of CPU; jupytext reading a
 * chapter 1.9 s -> 0.65 s; the pages byte for byte the same.
 */
export const SKIP_SLOW_IMPORTS = "import sys; sys.modules['rfc3987_syntax'] = None";

/**
 * A kernel that has answered kernel_info is up. jupyter_server believes it is "starting" until
 * its activity watcher hears a status message on IOPub, and a client's websocket opens only then
 * (the nudge waits for it). That watcher subscribes while the kernel is still loading, and often
 * misses the kernel's first status messages (its subscription reconnects every 100 ms; tslab
 * answers at once): the nudge then asks again 0.5 s later. Measured on tslab: a kernel was up
 * after 1.1 s or 1.6 s, about one start in two; with this, 1.1 s. A no-op if the method is gone.
 */
export const KERNEL_ANSWERED_IS_UP = [
  "from jupyter_server.services.kernels.connection import channels as _channels",
  "_finish = getattr(_channels.ZMQChannelsWebsocketConnection, '_finish_kernel_info', None)",
  "def _answered(self, info):",
  "    if info and getattr(self.kernel_manager, 'execution_state', None) == 'starting':",
  "        self.kernel_manager.execution_state = 'idle'",
  "    _finish(self, info)",
  "if _finish is not None:",
  "    _channels.ZMQChannelsWebsocketConnection._finish_kernel_info = _answered",
].join("\n");

/**
 * Kernel messages reach the client as soon as they are written. Tornado leaves Nagle's algorithm
 * on for websockets, and a kernel answers a cell in a burst of small messages (busy, outputs, the
 * reply, idle): after the first, the rest waited for the client's delayed ACK, about 40 ms, at
 * every cell. Measured on tslab: `1` ran in 4 ms in the kernel and took 44 ms at the client.
 */
export const KERNEL_WEBSOCKET_NODELAY = [
  "from jupyter_server.services.kernels import websocket as _kernel_ws",
  "_open = _kernel_ws.KernelWebsocketHandler.open",
  "async def _open_nodelay(self, *args, **kwargs):",
  "    self.set_nodelay(True)",
  "    await _open(self, *args, **kwargs)",
  "_kernel_ws.KernelWebsocketHandler.open = _open_nodelay",
].join("\n");

/**
 * A kernel that was asked to shut down is seen gone within 20 ms, not 100: jupyter_client polls
 * for its exit every 0.1 s, and tslab exits a little after the first poll about one time in two
 * (a shutdown took 120 ms or 220 ms). A run ends with one.
 */
export const KERNEL_EXIT_POLL = [
  "from jupyter_client import manager as _manager",
  "_kernel_wait = _manager.KernelManager._async_wait",
  "async def _wait_briefly(self, pollinterval=0.1):",
  "    await _kernel_wait(self, pollinterval=min(pollinterval, 0.02))",
  "_manager.KernelManager._async_wait = _wait_briefly",
].join("\n");

export const WATCHDOG = [
  "import os, shutil, signal, sys, threading, time",
  "runtime = os.environ.get('GOLAB_JUPYTER_RUNTIME_DIR', '')",
  "def cleanup():",
  "    if runtime:",
  "        shutil.rmtree(runtime, ignore_errors=True)",
  "def kill_kernels():",
  "    me = os.getpid()",
  "    for name in (os.listdir('/proc') if os.path.isdir('/proc') else []):",
  "        try:",
  "            stat = open('/proc/%s/stat' % name).read()",
  "            if int(stat[stat.rindex(')') + 2:].split()[1]) == me:",
  "                os.killpg(int(name), signal.SIGKILL)",
  "        except Exception:",
  "            pass",
  "def watch():",
  "    try:",
  "        while os.read(0, 4096):",
  "            pass",
  "    except Exception:",
  "        pass",
  "    os.kill(os.getpid(), signal.SIGTERM)",
  "    time.sleep(10)",
  "    kill_kernels()",
  "    cleanup()",
  "    os._exit(1)",
  "threading.Thread(target=watch, daemon=True).start()",
  SKIP_SLOW_IMPORTS,
  KERNEL_ANSWERED_IS_UP,
  KERNEL_WEBSOCKET_NODELAY,
  KERNEL_EXIT_POLL,
  "app = sys.argv[1]",
  "sys.argv = ['jupyter-' + app] + sys.argv[2:]",
  "if app == 'lab':",
  "    from jupyterlab.labapp import main",
  "else:",
  "    from jupyter_server.serverapp import ServerApp, main",
  // The headless runner needs kernels and contents only: the extensions installed beside
  // JupyterLab (lab, lsp, jupytext, terminals) cost about 0.4 s of CPU at every start.
  "    ServerApp.find_server_extensions = lambda self: None",
  "try:",
  "    main()",
  "finally:",
  "    cleanup()",
].join("\n");

/** The Python that runs a jupyter command: its `#!` line, else the python beside it. */
export function pythonOf(jupyter: string): string {
  try {
    const first = fs.readFileSync(jupyter, "utf8").slice(0, 400).split("\n")[0];
    const m = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(first);
    if (m && /python[\d.]*$/.test(m[1]) && fs.existsSync(m[1])) return m[1];
    if (m && /\/env$/.test(m[1]) && m[2] && /^python[\d.]*$/.test(m[2])) {
      const beside = path.join(path.dirname(jupyter), m[2]);
      if (fs.existsSync(beside)) return beside;
    }
  } catch {
    // A binary launcher: fall through.
  }
  for (const name of ["python3", "python"]) {
    const beside = path.join(path.dirname(jupyter), name);
    if (fs.existsSync(beside)) return beside;
  }
  return "python3";
}
