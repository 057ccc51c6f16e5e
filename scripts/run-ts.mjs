#!/usr/bin/env node
// Runs a TypeScript script of this project, bundled once with esbuild into node_modules/.cache and
// rebuilt only when one of its sources changes: the CLI starts in milliseconds, not through a loader.
//   node scripts/run-ts.mjs scripts/extract.ts ARGS...
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node scripts/run-ts.mjs SCRIPT.ts [ARGS...]");
  process.exit(2);
}
const cacheDir = path.join(root, "node_modules/.cache/run-ts");
const name = path.relative(root, path.resolve(entry)).replace(/[\\/]/g, "__").replace(/\.ts$/, "");
// split: code behind a dynamic import (the CLI's HTML reader) loads only when it is needed
const outdir = path.join(cacheDir, name);
const outfile = path.join(outdir, "main.mjs");
const metaFile = path.join(cacheDir, `${name}.meta.json`);

function stale() {
  try {
    const built = fs.statSync(outfile).mtimeMs;
    const inputs = Object.keys(JSON.parse(fs.readFileSync(metaFile, "utf8")).inputs);
    return inputs.some((f) => fs.statSync(path.join(root, f)).mtimeMs > built);
  } catch {
    return true;
  }
}

if (stale()) {
  // esbuild itself loads only to rebuild
  const { buildSync } = await import("esbuild");
  fs.mkdirSync(outdir, { recursive: true });
  const result = buildSync({
    absWorkingDir: root,
    entryPoints: { main: entry },
    outdir,
    outExtension: { ".js": ".mjs" },
    splitting: true,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "inline",
    metafile: true,
    write: false,
    logLevel: "error",
    alias: { "@": root },
  });
  // written aside and renamed, chunks before the entry, so a concurrent run never imports half a file
  const files = [...result.outputFiles].sort((a, b) => (a.path === outfile) - (b.path === outfile));
  for (const file of files) {
    const tmp = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, file.contents);
    fs.renameSync(tmp, file.path);
  }
  fs.writeFileSync(`${metaFile}.${process.pid}.tmp`, JSON.stringify(result.metafile));
  fs.renameSync(`${metaFile}.${process.pid}.tmp`, metaFile);
}
process.argv = [process.argv[0], path.resolve(entry), ...args];
await import(pathToFileURL(outfile).href);
