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

/** The conda dependencies of environment.yml: name → version spec ("" when unpinned). */
function condaDependencies(yml: string): Map<string, string> {
  const lines = yml.split("\n").map((l) => l.replace(/\s+#.*$/, "").replace(/^#.*$/, ""));
  const start = lines.findIndex((l) => /^dependencies:\s*$/.test(l));
  assert.ok(start >= 0, "environment.yml has a dependencies: list");
  const deps = new Map<string, string>();
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const m = /^\s+-\s+([A-Za-z0-9_.-]+)\s*(.*?)\s*$/.exec(line);
    if (m) deps.set(m[1], m[2]);
  }
  return deps;
}

/** `NAME=value` assignments at the top of a shell script. */
function shellVar(script: string, name: string): string {
  const m = new RegExp(`^${name}=([^\\s#]+)`, "m").exec(script);
  assert.ok(m, `${name}= is set`);
  return m[1];
}

test("environment.yml pins every Jupyter package of requirements-jupyter.txt at the same version", () => {
  const deps = condaDependencies(read("environment.yml"));
  const pins = read("requirements-jupyter.txt").split("\n")
    .map((l) => l.replace(/#.*$/, "").trim()).filter(Boolean)
    .map((l) => {
      const m = /^([A-Za-z0-9_.-]+)==([^\s;]+)$/.exec(l);
      assert.ok(m, `requirements-jupyter.txt pins exactly: ${l}`);
      return [m[1].toLowerCase(), m[2]] as const;
    });
  assert.ok(pins.some(([n]) => n === "jupyterlab") && pins.some(([n]) => n === "nbconvert"));
  for (const [name, version] of pins) {
    assert.equal(deps.get(name), `=${version}`, `environment.yml: ${name}=${version}, as in requirements-jupyter.txt`);
  }
});

test("environment.yml has python, nodejs, go, jupyterlab and nbconvert, in the versions a plain machine uses", () => {
  const deps = condaDependencies(read("environment.yml"));
  for (const name of ["python", "nodejs", "go", "jupyterlab", "nbconvert"]) assert.ok(deps.has(name), `${name} is in environment.yml`);

  // Node: package.json's engines floor, in the same major.
  const engines = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node;
  const floor = /^>=(\d+)\.(\d+)/.exec(engines);
  assert.ok(floor, `package.json engines.node is a floor: ${engines}`);
  assert.equal(deps.get("nodejs"), `>=${floor[1]}.${floor[2]},<${Number(floor[1]) + 1}`);
  assert.equal(process.versions.node.split(".")[0], floor[1], "this machine's Node is that major");

  // Python: what JupyterLab 4.6 accepts, and the major.minor of the .venv's python when there is one.
  const py = /^=(3\.\d+)$/.exec(deps.get("python") ?? "");
  assert.ok(py && Number(py[1].split(".")[1]) >= 10, "python=3.x with x >= 10");
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
  assert.match(post, /"\$TSLAB" install --python="\$PY" --binary="\$TSLAB" --sys-prefix/);
  assert.match(setup, /"\$TSLAB" install --python="\$VPY" --binary="\$TSLAB" --sys-prefix/);
  assert.match(post, /GOBIN="\$PWD\/\.tools\/bin" go install "\$DLV_MODULE@v\$DLV_VERSION"/);
  assert.match(setup, /GOBIN="\$TOOLS_BIN" "\$GO" install "\$DLV_MODULE@v\$DLV_VERSION"/);
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
    assert.equal(argv[0], path.join(REPO, "node_modules", ".bin", "tslab"), ".venv's tslab kernel starts this checkout's tslab");
  } else {
    process.stdout.write("# no .venv here (run bash scripts/setup.sh): the registered kernelspec was not checked\n");
  }
});
