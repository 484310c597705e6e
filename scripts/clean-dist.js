#!/usr/bin/env node
// Removes dist/ before a build, so a source file that was deleted or moved leaves no stale
// compiled copy behind (a stale test file would still run, a stale module still be importable).
"use strict";
require("node:fs").rmSync(require("node:path").resolve(__dirname, "..", "dist"), { recursive: true, force: true });
