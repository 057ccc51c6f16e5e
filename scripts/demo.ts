// npm run demo [-- --headless] [--out DIR]
//
// Shows the extension on the bundled sample pages (tests/fixtures), served locally under their
// real host names. With a display (DISPLAY set) and without --headless, Chromium opens with the
// extension loaded on the first article page and stays open until Ctrl-C. Otherwise each article
// page is loaded headless, and a full-page screenshot (PNG) and the exported notes (Markdown) of
// each go to demo-output/.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { toMarkdown } from "../lib/export/markdown";
import type { PageAnnotations } from "../lib/messages";
import { BrowserMissingError, DEFAULT_EXTENSION_DIRS, launch, type Harness } from "../tests/e2e/support/browsers";
import { HIGHLIGHT_NAMES, scrollToFirstHighlight } from "../tests/e2e/support/page-checks";
import { REPO_ROOT, listHosts, loadManifest, startServer, type FixturePage, type FixtureServer } from "../tests/e2e/support/server";

const USAGE = "usage: npm run demo [-- --headless] [--out DIR]";
const EXTENSION_DIR = DEFAULT_EXTENSION_DIRS.chromium;
const SOURCES = ["entrypoints", "lib", "components", "public", "assets", "locales", "wxt.config.ts", "package.json", "tsconfig.json"];

function newestSource(entry: string): number {
  const full = path.join(REPO_ROOT, entry);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(entry) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(full)) {
    if (child === "node_modules" || child.startsWith(".")) continue;
    newest = Math.max(newest, newestSource(path.join(entry, child)));
  }
  return newest;
}

/** Builds the Chrome extension when its manifest is missing or older than a source file. */
function ensureBuilt(): void {
  const manifest = path.join(EXTENSION_DIR, "manifest.json");
  const built = fs.existsSync(manifest) ? fs.statSync(manifest).mtimeMs : 0;
  const newest = Math.max(...SOURCES.map(newestSource));
  if (built && built >= newest) return;
  console.log(built ? "The build is older than the sources: rebuilding (npx wxt build)…" : "No build yet: building (npx wxt build)…");
  const result = spawnSync("npx", ["wxt", "build"], { cwd: REPO_ROOT, stdio: "inherit" });
  if (result.status !== 0 || !fs.existsSync(manifest)) {
    throw new Error(`npx wxt build failed (exit ${result.status ?? result.signal})`);
  }
}

function slug(page: FixturePage): string {
  return `${page.id}-${page.host}`.replace(/[^a-z0-9.-]+/gi, "-");
}

function printSamples(server: FixtureServer, pages: FixturePage[]): void {
  console.log("\nSample pages (these host names resolve to the local server inside the demo browser only):");
  for (const p of pages) {
    const what = p.expect === "article" ? "article    " : "no article ";
    console.log(`  ${what} ${server.urlFor(p.host, p.path)}`);
  }
  console.log("");
}

async function interactive(server: FixtureServer, pages: FixturePage[], first: FixturePage): Promise<void> {
  const h = await launch("chromium", {
    hosts: listHosts(),
    port: server.port,
    headless: false,
    viewport: { width: 1280, height: 860 },
    handleSignals: false, // Ctrl-C closes the browser here, then the profile is removed
  });
  let closing: Promise<never> | null = null;
  const shutdown = (code: number): Promise<never> =>
    (closing ??= (async () => {
      console.log("\nClosing the browser…");
      await h.close().catch(() => {});
      await server.close();
      process.exit(code);
    })());
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  const page = await h.openPage(server.urlFor(first.host, first.path));
  const { tabId, page: answer } = await h.waitForAnnotation(page);
  await h.evaluate(page, scrollToFirstHighlight, HIGHLIGHT_NAMES);
  const ext = await h.extensionInstalled();
  printSamples(server, pages);
  console.log(`Opened ${page.url()} — ${answer.annotations.length} annotations.`);
  console.log(`The popup for that tab, as a page: ${ext.baseUrl}popup.html?tab=${tabId} (or click the toolbar button).`);
  console.log("Press Ctrl-C to quit.");
  await h.whenClosed();
  if (!closing) console.log("The browser was closed.");
  await shutdown(0);
}

async function headless(server: FixtureServer, pages: FixturePage[], articles: FixturePage[], outDir: string): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const h: Harness = await launch("chromium", { hosts: listHosts(), port: server.port, headless: true, viewport: { width: 1280, height: 900 } });
  const written: string[] = [];
  try {
    let best: { fixture: FixturePage; count: number } | null = null;
    for (const fixture of articles) {
      const page = await h.openPage(server.urlFor(fixture.host, fixture.path));
      try {
        const { page: answer } = await h.waitForAnnotation(page);
        const base = path.join(outDir, slug(fixture));
        await page.screenshot(`${base}.png`, { fullPage: true });
        fs.writeFileSync(`${base}.md`, notesOf(answer, fixture));
        written.push(`${base}.png`, `${base}.md`);
        console.log(`  ${fixture.id} ${fixture.host}: ${answer.annotations.length} annotations`);
        if (!best || answer.annotations.length > best.count) best = { fixture, count: answer.annotations.length };
      } finally {
        await page.close();
      }
    }
    // one screenshot of the article itself, scrolled to its first highlight
    if (best) {
      const page = await h.openPage(server.urlFor(best.fixture.host, best.fixture.path));
      try {
        await h.waitForAnnotation(page);
        await h.evaluate(page, scrollToFirstHighlight, HIGHLIGHT_NAMES);
        const file = path.join(outDir, `${slug(best.fixture)}-article.png`);
        await page.screenshot(file, { fullPage: false });
        written.push(file);
      } finally {
        await page.close();
      }
    }
  } finally {
    await h.close();
  }
  printSamples(server, pages);
  console.log(`Wrote ${written.length} files to ${path.relative(process.cwd(), outDir) || "."}:`);
  for (const file of written) console.log(`  ${path.relative(process.cwd(), file)}`);
}

function notesOf(answer: PageAnnotations, fixture: FixturePage): string {
  return toMarkdown({
    title: answer.title,
    // the address of the real page the fixture stands for (the local one has a random port)
    url: fixture.url ?? answer.url,
    site: fixture.host,
    date: answer.articleDate,
    annotations: answer.annotations,
  });
}

async function main(argv: string[]): Promise<number> {
  let forceHeadless = false;
  let outDir = path.join(REPO_ROOT, "demo-output");
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--headless") forceHeadless = true;
    else if (arg === "--out") outDir = path.resolve(argv[++i] ?? "");
    else if (arg.startsWith("--out=")) outDir = path.resolve(arg.slice(6));
    else if (arg === "-h" || arg === "--help") {
      console.log(USAGE);
      return 0;
    } else {
      console.error(`unknown argument ${arg}\n${USAGE}`);
      return 2;
    }
  }
  const pages = loadManifest();
  const articles = pages.filter((p) => p.expect === "article");
  const first = articles[0];
  if (!first) {
    console.error("No article pages in tests/fixtures/pages.json.");
    return 1;
  }
  ensureBuilt();
  const server = await startServer();
  const withDisplay = !forceHeadless && Boolean(process.env.DISPLAY);
  if (withDisplay) {
    await interactive(server, pages, first);
    return 0;
  }
  if (!forceHeadless) console.log("No display (DISPLAY is not set): running headless.");
  try {
    await headless(server, pages, articles, outDir);
  } finally {
    await server.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof BrowserMissingError ? error.message : error);
    process.exit(1);
  },
);
