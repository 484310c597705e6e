/**
 * Where golab's Jupyter is: $GOLAB_JUPYTER, else the project's own `.venv/bin/jupyter` (made by
 * scripts/setup.sh), else a `jupyter` on PATH (a conda / Binder environment from environment.yml).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { MissingToolError } from "../errors";
import { jupyterMessages } from "../messages";

/** The checkout's root: the nearest folder above this file whose package.json is golab's. */
export function repoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: unknown };
      if (pkg.name === "golab") return dir;
    } catch {
      // No (readable) package.json here: keep going up.
    }
    if (path.dirname(dir) === dir) throw new Error(`golab's package.json not found above ${from}`);
  }
}

/** How the jupyter command was found. */
export type JupyterSource = "GOLAB_JUPYTER" | ".venv" | "PATH";

export interface JupyterCommand {
  /** Absolute path of the `jupyter` command. */
  jupyter: string;
  from: JupyterSource;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Finds the jupyter command, or throws a MissingToolError that says how to install it. */
export function findJupyter({ env = process.env, root = repoRoot() }: { env?: NodeJS.ProcessEnv; root?: string } = {}): JupyterCommand {
  const forced = env.GOLAB_JUPYTER;
  if (forced) {
    if (isExecutable(forced)) return { jupyter: path.resolve(forced), from: "GOLAB_JUPYTER" };
    throw new MissingToolError(jupyterMessages.notInstalled(`GOLAB_JUPYTER=${forced}`), "jupyter");
  }
  const venv = path.join(root, ".venv", "bin", "jupyter");
  if (isExecutable(venv)) return { jupyter: venv, from: ".venv" };
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, "jupyter");
    if (isExecutable(candidate)) return { jupyter: path.resolve(candidate), from: "PATH" };
  }
  throw new MissingToolError(jupyterMessages.notInstalled(`${path.relative(process.cwd(), venv) || venv} and jupyter on PATH`), "jupyter");
}
