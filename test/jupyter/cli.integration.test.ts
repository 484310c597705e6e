/** `golab run` as a user runs it: real server, real tslab kernel, nothing left behind. */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readNotebook, sourceOf } from "../../kernel-helpers/jupyter";
import { eventuallyEmpty, fixture, golab, golabUntil, jupyterProcesses, jupyterTempDirs, privateTmp } from "./helpers";

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "golab-clitest-"));
}

/** Runs `work` with a TMPDIR of its own for golab, then checks golab left nothing in it. */
async function isolated(work: (env: NodeJS.ProcessEnv, tmp: string) => Promise<void> | void): Promise<void> {
  const tmp = privateTmp();
  try {
    await work({ ...process.env, TMPDIR: tmp }, tmp);
    assert.deepEqual(await eventuallyEmpty(() => jupyterProcesses(tmp)), [], "no jupyter server or kernel left");
    assert.deepEqual(jupyterTempDirs(tmp), [], "no runtime folder left");
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

test("golab run --set injects a parameter, writes the executed notebook and its HTML", { timeout: 180_000 }, async () => {
  const dir = tempDir();
  try {
    await isolated((env) => {
      const out = path.join(dir, "executed.ipynb");
      const html = path.join(dir, "executed.html");
      const r = golab(["run", fixture("chart.ipynb"), "--set", "hint=5000", "--out", out, "--html", html], env);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /── cell 3 ──\nhint = 5000; label = make\(map\[int\]int, hint\)\n/);
      assert.match(r.stderr, /^golab: cell 2 \(2\/4\) ok in \d+\.\d\d s$/m, "progress names the injected cell");
      const nb = readNotebook(out);
      assert.equal(sourceOf(nb.cells[2]), "// Parameters injected by golab run --set\nlet hint = 5000;\n");
      const chart = (nb.cells[4].outputs as unknown[])[0] as { data: Record<string, { title: string }> };
      assert.equal(chart.data["application/vnd.vegalite.v5+json"].title, "fixture chart (hint = 5000)");
      const page = fs.readFileSync(html, "utf8");
      assert.match(page, /hint = 5000; label = make\(map\[int\]int, hint\)/);
      assert.match(page, /let hint = 5000;|<span class="nx">hint<\/span>/);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("golab run on a failing notebook: each failure with its index, message and stack; exit status 1", { timeout: 120_000 }, async () => {
  await isolated((env) => {
    const r = golab(["run", fixture("errors.ipynb"), "--quiet"], env);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /── cell 6 ──\nstill alive: 1,2,3\n/, "the cells after the failures ran");
    assert.match(r.stderr, /^golab: cell 2 failed: RangeError: boom in the fixture\n {4}at explode \(evalmachine\.<anonymous>:\d+:\d+\)$/m);
    assert.match(r.stderr, /^golab: cell 4 failed: 1:7 - Type 'string' is not assignable to type 'number'\.$/m);
    assert.match(r.stderr, /^golab: cell 5 failed: TypeError: rejected at once$/m);
    assert.match(r.stderr.trimEnd().split("\n").slice(-1)[0], /^golab: 3 of 6 code cells failed; first: cell 2: RangeError: boom in the fixture$/);
  });
});

test("golab run: a timed-out cell leaves no server, kernel or temporary folder", { timeout: 120_000 }, async () => {
  await isolated((env) => {
    const r = golab(["run", fixture("hung.ipynb"), "--timeout", "2", "--json", "--quiet"], env);
    assert.equal(r.status, 1, r.stderr);
    const run = JSON.parse(r.stdout) as { cells: { status: string; restarted: boolean }[] };
    assert.deepEqual(run.cells.map((c) => c.status), ["ok", "timeout", "skipped"]);
    assert.match(r.stderr, /cell 1 did not finish within 2 s and was interrupted; the kernel did not respond, so it was restarted/);
  });
});

test("Ctrl-C during golab run kills the server and kernel and removes the runtime folder", { timeout: 120_000 }, async () => {
  await isolated(async (env, tmp) => {
    const run = golabUntil(["run", fixture("slow.ipynb"), "--timeout", "600"], /cell 0 \(1\/3\) ok/, { env });
    await run.matched;
    assert.ok(jupyterProcesses(tmp).length >= 2, "a server and a kernel are running");
    run.child.kill("SIGINT");
    const { status } = await run.closed;
    assert.equal(status, 130);
    assert.match(run.output().stderr, /interrupted \(SIGINT\): child processes killed and temporary folders removed/);
  });
});

test("bad --set input and a missing Jupyter: one line each, before anything starts", { timeout: 60_000 }, () => {
  const cases: [string[], NodeJS.ProcessEnv | undefined, number, RegExp][] = [
    [["run", fixture("chart.ipynb"), "--set", "nope=1"], undefined, 2, /^golab: unknown parameter "nope": the parameters cell declares hint, label$/],
    [["run", fixture("chart.ipynb"), "--set", "hint=lots"], undefined, 2, /^golab: parameter hint is a number in the parameters cell; "lots" is not a number$/],
    [["run", fixture("chart.ipynb"), "--set", "hint"], undefined, 2, /^golab: invalid --set "hint": write name=value/],
    [["run", fixture("errors.ipynb"), "--set", "a=1"], undefined, 2, /has no code cell tagged "parameters"/],
    [["run", fixture("missing.ipynb")], undefined, 2, /^golab: no notebook at /],
    [["run", fixture("chart.ipynb")], { ...process.env, GOLAB_JUPYTER: "/nonexistent/jupyter" }, 1,
      /^golab: Jupyter is not installed for golab \(looked for GOLAB_JUPYTER=\/nonexistent\/jupyter\)\. Install it with `bash scripts\/setup\.sh`/],
  ];
  for (const [args, env, status, message] of cases) {
    const r = golab(args, env);
    assert.equal(r.status, status, `${args.join(" ")}: ${r.stderr}`);
    assert.equal(r.stdout, "");
    const lines = r.stderr.trimEnd().split("\n");
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], message);
  }
});
