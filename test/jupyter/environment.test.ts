/**
 * environment.yml + postBuild (conda / mamba / Binder) against what a plain machine installs:
 * requirements-jupyter.txt (scripts/setup.sh's .venv), package.json and scripts/setup.sh.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO } from "./helpers";

const read = (name: string) => fs.readFileSync(path.join(REPO, name), "utf8");

/** environment.yml's dependencies: conda's (name → version spec, "" when unpinned) and the lines of its pip section. */
function condaDependencies(yml: string): { conda: Map<string, string>; pip: string[] } {
  const lines = yml.split("\n").map((l) => l.replace(/\s+#.*$/, "").replace(/^#.*$/, ""));
  const start = lines.findIndex((l) => /^dependencies:\s*$/.test(l));
  assert.ok(start >= 0, "environment.yml has a dependencies: list");
  const conda = new Map<string, string>();
  const pip: string[] = [];
  let inPip = false;
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const item = /^(\s+)-\s+(.*?)\s*$/.exec(line);
    if (!item) continue;
    const [, indent, text] = item;
    if (inPip && indent.length > 2) {
      pip.push(text);
      continue;
    }
    inPip = text === "pip:";
    const m = /^([A-Za-z0-9_.-]+)\s*(.*)$/.exec(text);
    if (m && !inPip) conda.set(m[1], m[2]);
  }
  return { conda, pip };
}

/** `name==version` lines of a requirements or constraints file, names lower-cased with - for _. */
function pins(name: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of read(name).split("\n")) {
    const l = raw.replace(/#.*$/, "").trim();
    if (!l) continue;
    const m = /^([A-Za-z0-9_.-]+)==([^\s;]+)$/.exec(l);
    assert.ok(m, `${name} pins exactly: ${l}`);
    out.set(m[1].toLowerCase().replace(/_/g, "-"), m[2]);
  }
  return out;
}

/** Does Node version "major.minor.patch" satisfy an engines range of `^A.B.C` and `>=A.B.C` parts joined by `||`? */
function satisfies(version: string, range: string): boolean {
  const [maj, min, pat] = version.split(".").map(Number);
  const cmp = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  return range.split("||").some((part) => {
    const m = /^\s*(\^|>=)(\d+)\.(\d+)\.(\d+)\s*$/.exec(part);
    assert.ok(m, `engines part is ^X.Y.Z or >=X.Y.Z: ${part}`);
    const floor = [Number(m[2]), Number(m[3]), Number(m[4])];
    return cmp([maj, min, pat], floor) >= 0 && (m[1] === ">=" || maj === floor[0]);
  });
}

/** `NAME=value` assignments at the top of a shell script. */
function shellVar(script: string, name: string): string {
  const m = new RegExp(`^${name}=([^\\s#]+)`, "m").exec(script);
  assert.ok(m, `${name}= is set`);
  return m[1];
}

test("environment.yml installs the Python packages as setup.sh does: requirements-jupyter.txt held to constraints-jupyter.txt", () => {
  const { conda, pip } = condaDependencies(read("environment.yml"));
  assert.deepEqual(pip, ["-r requirements-jupyter.txt", "-c constraints-jupyter.txt"]);
  const setup = read("scripts/setup.sh");
  assert.equal(shellVar(setup, "REQUIREMENTS"), "requirements-jupyter.txt");
  assert.equal(shellVar(setup, "CONSTRAINTS"), "constraints-jupyter.txt");
  assert.match(setup, /pip install --disable-pip-version-check --no-input -r "\$REQUIREMENTS" -c "\$CONSTRAINTS"/);
  const wanted = pins("requirements-jupyter.txt");
  for (const name of ["jupyterlab", "nbconvert", "jupytext"]) assert.ok(wanted.has(name), `requirements-jupyter.txt pins ${name}`);
  for (const name of wanted.keys()) assert.ok(!conda.has(name), `${name} is pinned once, in requirements-jupyter.txt, not also by conda`);
});

test("constraints-jupyter.txt pins every requirement at its version, and .venv holds what it pins", () => {
  const wanted = pins("requirements-jupyter.txt");
  const locked = pins("constraints-jupyter.txt");
  assert.ok(locked.size > wanted.size, "transitive dependencies are pinned too");
  for (const [name, version] of wanted) assert.equal(locked.get(name), version, `constraints-jupyter.txt: ${name}==${version}`);
  const venvPython = path.join(REPO, ".venv", "bin", "python");
  if (!fs.existsSync(venvPython)) {
    process.stdout.write("# no .venv here (run bash scripts/setup.sh): installed versions were not compared\n");
    return;
  }
  const list = "import json\nfrom importlib.metadata import distributions\nprint(json.dumps({d.metadata['Name']: d.version for d in distributions()}))";
  const r = spawnSync(venvPython, ["-c", list], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const installed = new Map(Object.entries(JSON.parse(r.stdout) as Record<string, string>).map(([n, v]) => [n.toLowerCase().replace(/_/g, "-"), v]));
  for (const [name, version] of locked) assert.equal(installed.get(name), version, `.venv: ${name} ${installed.get(name) ?? "missing"}, constraints-jupyter.txt: ${version}`);
});

test("environment.yml has python, nodejs, go and pip, in the versions a plain machine uses", () => {
  const deps = condaDependencies(read("environment.yml")).conda;
  for (const name of ["python", "nodejs", "go", "pip"]) assert.ok(deps.has(name), `${name} is in environment.yml`);

  // Node: the LTS releases that require() ES modules (20.19+, 22.12+, 24); conda gets an LTS major engines accepts.
  const engines = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node;
  assert.equal(engines, "^20.19.0 || >=22.12.0");
  const lock = JSON.parse(read("package-lock.json")) as { packages: Record<string, { engines?: { node: string } }> };
  assert.equal(lock.packages[""].engines?.node, engines, "package-lock.json carries the same engines");
  for (const [v, ok] of [["20.18.3", false], ["20.19.0", true], ["21.7.3", false], ["22.11.0", false], ["22.12.0", true], ["24.0.0", true], ["26.1.0", true]] as const) {
    assert.equal(satisfies(v, engines), ok, `engines ${engines} and Node ${v}`);
  }
  const nodejs = /^=(\d+)$/.exec(deps.get("nodejs") ?? "");
  assert.ok(nodejs && Number(nodejs[1]) % 2 === 0 && Number(nodejs[1]) >= 22, `nodejs=<an LTS major from 22 on>: ${deps.get("nodejs")}`);
  assert.ok(satisfies(`${nodejs[1]}.99.0`, engines), "engines accept environment.yml's nodejs");
  assert.ok(satisfies(process.versions.node, engines), `this machine's Node ${process.versions.node} is one engines accepts`);

  // Python: what the constraints were locked on (IPython 9 needs 3.11), and the major.minor of the .venv's python when there is one.
  const py = /^=(3\.\d+)$/.exec(deps.get("python") ?? "");
  assert.ok(py && Number(py[1].split(".")[1]) >= 11, "python=3.x with x >= 11");
  assert.match(read("constraints-jupyter.txt"), new RegExp(`with Python ${py[1].replace(".", "\\.")}\\.\\d+`), "the constraints were locked on that Python");
  const venvPython = path.join(REPO, ".venv", "bin", "python");
  if (fs.existsSync(venvPython)) {
    const v = spawnSync(venvPython, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], { encoding: "utf8" }).stdout.trim();
    assert.equal(v, py[1], ".venv's python and environment.yml's are the same version");
  }

  // Go: the host Go the lab is built around (1.26; setup.sh and the recorded datasets say so).
  const go = /^=(\d+\.\d+)$/.exec(deps.get("go") ?? "");
  assert.ok(go, "go=major.minor");
  assert.match(read("scripts/setup.sh"), new RegExp(`golab uses ${go[1].replace(".", "\\.")}`));
  const datasets = fs.readdirSync(path.join(REPO, "data", "measurements"));
  assert.ok(datasets.some((f) => f.startsWith(`go${go[1]}.`)), `a recorded dataset for Go ${go[1]} exists`);
  const host = spawnSync("go", ["env", "GOVERSION"], { encoding: "utf8", env: { ...process.env, GOTOOLCHAIN: "local" } });
  if (host.status === 0) assert.match(host.stdout.trim(), new RegExp(`^go${go[1].replace(".", "\\.")}(\\.|$)`), "the go on PATH is the same major.minor");
  else process.stdout.write("# no go on PATH here: the host Go version was not compared\n");
});

test("postBuild does what setup.sh does: npm ci, the same tslab registration, the same dlv and Go 1.27", () => {
  const post = read("postBuild");
  const setup = read("scripts/setup.sh");
  assert.ok(fs.statSync(path.join(REPO, "postBuild")).mode & 0o100, "postBuild is executable (repo2docker runs it)");
  for (const name of ["DLV_VERSION", "DLV_MODULE", "GO127_VERSION"]) {
    assert.equal(shellVar(post, name), shellVar(setup, name), `${name} is the same in postBuild and scripts/setup.sh`);
  }
  assert.match(post, /npm ci --no-audit --no-fund/);
  assert.match(post, /"\$TSLAB" install --python="\$PY" --binary="\$KERNEL" --sys-prefix/);
  assert.match(setup, /"\$TSLAB" install --python="\$VPY" --binary="\$KERNEL" --sys-prefix/);
  assert.equal(shellVar(post, "KERNEL").replace("$PWD", "$ROOT"), shellVar(setup, "KERNEL"), "both register scripts/tslab-kernel.js");
  // Both build the same patched dlv, with the one script.
  assert.match(post, /bash scripts\/build-dlv\.sh go "\$DLV_VERSION" "\$PWD\/\.tools\/bin"/);
  assert.match(setup, /bash "\$ROOT\/scripts\/build-dlv\.sh" "\$GO" "\$DLV_VERSION" "\$TOOLS_BIN"/);
  assert.match(setup, /stamp="\$\(bash "\$ROOT\/scripts\/build-dlv\.sh" --stamp /, "setup.sh asks build-dlv.sh which stamp its dlv should have");
  assert.match(post, /default_kernel_name": "tslab"/, "Binder's JupyterLab starts new notebooks on tslab, as golab lab does");
  // Bash syntax of both.
  for (const file of ["postBuild", "scripts/setup.sh"]) {
    const r = spawnSync("bash", ["-n", path.join(REPO, file)], { encoding: "utf8" });
    assert.equal(r.status, 0, `${file}: ${r.stderr}`);
  }
});

test("the tslab kernel that postBuild and setup.sh register is the one package.json installs", () => {
  const pkg = JSON.parse(read("package.json")) as { dependencies: Record<string, string> };
  assert.match(pkg.dependencies.tslab ?? "", /^\d+\.\d+\.\d+$/, "tslab is pinned exactly");
  const installed = JSON.parse(fs.readFileSync(path.join(REPO, "node_modules", "tslab", "package.json"), "utf8")) as { version: string };
  assert.equal(installed.version, pkg.dependencies.tslab);
  const spec = path.join(REPO, ".venv", "share", "jupyter", "kernels", "tslab", "kernel.json");
  if (fs.existsSync(spec)) {
    const argv = (JSON.parse(fs.readFileSync(spec, "utf8")) as { argv: string[] }).argv;
    assert.equal(argv[0], path.join(REPO, "scripts", "tslab-kernel.js"), ".venv's tslab kernel starts this checkout's tslab, through scripts/tslab-kernel.js");
  } else {
    process.stdout.write("# no .venv here (run bash scripts/setup.sh): the registered kernelspec was not checked\n");
  }
});
