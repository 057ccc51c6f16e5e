// npm run bench, browser part: the built extension (.output/chrome-mv3) in real Chromium, timed
// as ratios against floors measured in the same run and the same page — never absolute limits.
//
//   bundle   The content script's size, raw and gzip.
//   page     On each seed article fixture and on a synthetic ~1 MB article (scripts/bench-pages.ts),
//            from a Chrome trace of the load (CDP Tracing, started before navigating, stopped once
//            the `policy-lens:annotate` measure shows the first annotation drawn): the content
//            script's main-thread work until then (the tasks it ran in, scripts/bench-trace.ts),
//            against one `document.body.innerText` read of the same page after annotation (mean of
//            a batch of reads, median of 5 batches: timers are 0.1 ms coarse), and apart from it
//            the script's load (the task that injected it). Not the measure's wall clock: the page waits
//            for the background's extraction, idle. Also what blocked the main thread during the
//            annotation, from the buffered `longtask` and `long-animation-frame` entries
//            overlapping it (Chromium leaves content-script tasks out of `longtask`; a long
//            animation frame still shows them). A page not annotated within --cap seconds is
//            reported unfinished and its tab closed. Then the same pages with the floor extension
//            (scripts/bench-floor.ts: one innerText read, one message, one highlight), measured
//            alike: what any annotating content script pays, and ours against it; and one DOM change
//            the page makes after annotation (what our live Ranges and observers add to it).
//   panel    10,000 annotations across 500 pages written into the extension's IndexedDB, plus the
//            article open in a tab. In the popup page (popup.html?tab=ID): opening it (navigation
//            start → `policy-lens:panel-ready`, the first screen in the DOM with its data) and
//            searching the "All" list (Enter in the search box → `policy-lens:search-done`, so the
//            200 ms typing debounce is left out), against a raw IndexedDB read of the same records
//            in the same page (and, for scale, a getAll() of every annotation).
//
// Skips (exit 0) when Chromium or the build is missing. Run `npm run build` first.
//   node scripts/run-ts.mjs scripts/bench-browser.ts [--runs N] [--cap SECONDS]
// --runs: page loads per page (default 3; the panel opens N + 2 times). --cap: how long a page may
// take to annotate before it is reported unfinished (default 30).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { build } from "esbuild";
import type { Page as PlaywrightPage } from "playwright-core";
import { BrowserMissingError, executablePath, extensionDirFor, launch, type Harness, type TestPage } from "../tests/e2e/support/browsers";
import { FIXTURES_DIR, listHosts, loadManifest, startServer, type FixturePage, type FixtureServer } from "../tests/e2e/support/server";
import { canonicalUrl } from "../lib/store/url";
import { PLAIN_HOST, seedRecords, serveLongArticle, type BenchPages, type SeedRecords } from "./bench-pages";
import { writeFloorExtension } from "./bench-floor";
import { inPageCost, type TraceEvent } from "./bench-trace";

const root = path.resolve(process.argv[1]!, "..", "..");
/** The build to bench; E2E_EXTENSION_ROOT points at another .output folder (as for the e2e tests). */
const EXTENSION_DIR = extensionDirFor("chromium");
const CONTENT_JS = path.join(EXTENSION_DIR, "content-scripts/content.js");
const ANNOTATE = "policy-lens:annotate";
/** The content script's User Timing names start so. */
const MEASURE_PREFIX = "policy-lens:";
/**
 * The timeline (tasks, EvaluateScript, TimerFire), V8's entries into the content script's world,
 * its User Timing, and mojom: the extension API replies that resume it (scripts/bench-trace.ts).
 */
const TRACE_CATEGORIES = "devtools.timeline,disabled-by-default-devtools.timeline,v8,blink.user_timing,mojom";
const PANEL_READY = "policy-lens:panel-ready";
const SEARCH_DONE = "policy-lens:search-done";
const QUERIES = ["pham minh chinh", "hoa"];
const LONG_TASK_MS = 50;

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 3) : 3;
const PANEL_RUNS = RUNS + 2;
const capArg = process.argv.indexOf("--cap");
/** How long a page may take to annotate before it is reported unfinished (default 30 s). */
const CAP_MS = (capArg > 0 ? Math.max(1, Number(process.argv[capArg + 1]) || 30) : 30) * 1000;

// ————————————————————————————————————————————— helpers

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
const ms = (x: number, width = 8) => `${x.toFixed(x < 10 ? 2 : 1)} ms`.padStart(width + 3);
/** A duration given in ms, in µs below 1 ms (the in-page costs are tens of µs). */
const fine = (x: number, width = 10) => (x < 1 ? `${(x * 1000).toFixed(1)} µs` : `${x.toFixed(x < 10 ? 2 : 1)} ms`).padStart(width);
const ratio = (x: number, width = 7) => `${x.toFixed(x < 10 ? 2 : 1)}×`.padStart(width);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function skip(reason: string): never {
  console.log(`browser benchmarks: skipped — ${reason}`);
  process.exit(0);
}

/** The newest source file the build is made from (to warn about a stale build). */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) walk(file);
      else if (/\.(ts|tsx|css|html|json)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) newest = Math.max(newest, fs.statSync(file).mtimeMs);
    }
  };
  for (const dir of ["entrypoints", "components", "lib", "public"]) walk(path.join(root, dir));
  return newest;
}

// ————————————————————————————————————————————— in the page (self-contained: serialised there)

interface PageMetrics {
  /** The annotate measure: wall clock, waits for the background included. */
  annotate: { start: number; duration: number } | null;
  /** The content script's other measures (summed by name, in the order they start): ms. */
  measures: Record<string, number>;
  /** Durations of the `longtask` entries overlapping the annotation. */
  tasks: number[];
  /** Durations of the `long-animation-frame` entries overlapping the annotation. */
  frames: number[];
  innerText: number[];
  /** One DOM change of the page's own (a text node put into the article and taken out again), after annotation: µs. */
  domChange: number;
  textChars: number;
  textBytes: number;
  highlights: number;
}

async function pageMetrics(arg: { annotate: string; prefix: string; reads: number }): Promise<PageMetrics> {
  const measure = (name: string) => performance.getEntriesByName(name, "measure")[0] ?? null;
  const a = measure(arg.annotate);
  const annotate = a ? { start: a.startTime, duration: a.duration } : null;
  // buffered entries: Chromium keeps both kinds from the page's start, with no observer needed then
  const buffered = (type: string) =>
    new Promise<PerformanceEntry[]>((resolve) => {
      const seen: PerformanceEntry[] = [];
      if (!PerformanceObserver.supportedEntryTypes.includes(type)) return resolve(seen);
      const observer = new PerformanceObserver((list) => seen.push(...list.getEntries()));
      observer.observe({ type, buffered: true });
      setTimeout(() => {
        seen.push(...observer.takeRecords());
        observer.disconnect();
        resolve(seen);
      }, 50);
    });
  const during = (entries: PerformanceEntry[]) =>
    annotate
      ? entries.filter((e) => e.startTime < annotate.start + annotate.duration && e.startTime + e.duration > annotate.start).map((e) => e.duration)
      : [];
  const [longtasks, frames] = await Promise.all([buffered("longtask"), buffered("long-animation-frame")]);
  const tasks = during(longtasks);
  // the floor: one innerText read of the same page. Timers are coarse (0.1 ms), so each sample is
  // the mean of a batch of reads lasting at least 20 ms; the result is the median of the samples.
  const innerText: number[] = [];
  let text = document.body.innerText; // the first read lays the page out if anything is pending
  for (let i = 0; i < arg.reads; i++) {
    let n = 0;
    const t0 = performance.now();
    let elapsed = 0;
    do {
      text = document.body.innerText;
      n++;
      elapsed = performance.now() - t0;
    } while (elapsed < 20 && n < 100_000);
    innerText.push(elapsed / n);
  }
  // a page script's DOM change after annotation: what every live Range an extension keeps costs it
  const host = document.querySelector("article p, main p, p") ?? document.body;
  const probe = document.createTextNode("x");
  let changes = 0;
  const c0 = performance.now();
  do {
    for (let i = 0; i < 100; i++) {
      host.appendChild(probe);
      probe.remove();
    }
    changes += 100;
  } while (performance.now() - c0 < 20 && changes < 1_000_000);
  const domChange = ((performance.now() - c0) / changes) * 1000;
  const registry = (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights;
  let highlights = 0;
  for (const name of ["vpl-leader", "vpl-directive", "vpl-number"]) highlights += registry?.get(name)?.size ?? 0;
  const measures: Record<string, number> = {};
  for (const m of performance.getEntriesByType("measure").sort((a, b) => a.startTime - b.startTime)) {
    if (m.name.startsWith(arg.prefix) && m.name !== arg.annotate) measures[m.name] = (measures[m.name] ?? 0) + m.duration;
  }
  return {
    annotate,
    measures,
    tasks,
    frames: during(frames),
    innerText,
    domChange,
    textChars: text.length,
    textBytes: new TextEncoder().encode(text).length,
    highlights,
  };
}

/** `n` tasks in a chain (message events), each reading a few text nodes; µs per task. */
async function messageChain(n: number): Promise<number> {
  const channel = new MessageChannel();
  const texts = Array.from(document.querySelectorAll("p"), (p) => p.firstChild).slice(0, 20);
  let done = 0;
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    channel.port1.onmessage = () => {
      let chars = 0;
      for (const t of texts) chars += t instanceof Text ? t.data.length : 0;
      if (++done < n) channel.port2.postMessage(chars);
      else resolve();
    };
    channel.port2.postMessage(0);
  });
  channel.port1.close();
  return ((performance.now() - t0) / n) * 1000;
}

async function rawCounts(): Promise<{ annotations: number; pages: number } | null> {
  const req = indexedDB.open("policy-lens");
  const db = await new Promise<IDBDatabase | null>((resolve) => {
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null);
  });
  if (!db) return null;
  try {
    if (!db.objectStoreNames.contains("annotations")) return null;
    const tx = db.transaction(["annotations", "pages"], "readonly");
    const count = (store: string) =>
      new Promise<number>((resolve, reject) => {
        const r = tx.objectStore(store).count();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    return { annotations: await count("annotations"), pages: await count("pages") };
  } finally {
    db.close();
  }
}

/** The number of stored annotations; 0 while the database or its records are not there yet. */
async function storedAnnotations(): Promise<number> {
  const req = indexedDB.open("policy-lens");
  const db = await new Promise<IDBDatabase | null>((resolve) => {
    req.onupgradeneeded = () => req.transaction?.abort(); // never create it: Dexie does, with its schema
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null);
  });
  if (!db) return 0;
  try {
    if (!db.objectStoreNames.contains("annotations")) return 0;
    const r = db.transaction("annotations", "readonly").objectStore("annotations").count();
    return await new Promise<number>((resolve) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => resolve(0);
    });
  } finally {
    db.close();
  }
}

/** Writes records as they are (raw IndexedDB puts, one transaction). */
async function rawPut(arg: { pages: unknown[]; annotations: unknown[] }): Promise<number> {
  const req = indexedDB.open("policy-lens");
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new Error(String(req.error)));
  });
  try {
    const tx = db.transaction(["pages", "annotations"], "readwrite");
    for (const p of arg.pages) tx.objectStore("pages").put(p);
    for (const a of arg.annotations) tx.objectStore("annotations").put(a);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error("aborted"));
    });
    return arg.annotations.length;
  } finally {
    db.close();
  }
}

interface Floors {
  /** getAll() of the whole annotations store. */
  getAll: number[];
  records: number;
  /** The records the first screen shows: this page's (pageUrl index) + the 100 newest edited. */
  firstScreen: number[];
  firstScreenRecords: number;
  /** Per query: the searchWords index range the search reads (its longest word as a prefix). */
  search: Record<string, { ms: number[]; records: number }>;
}

async function rawFloors(arg: { pageUrl: string; queries: string[]; reads: number }): Promise<Floors> {
  const req = indexedDB.open("policy-lens");
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new Error(String(req.error)));
  });
  const done = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const out: Floors = { getAll: [], records: 0, firstScreen: [], firstScreenRecords: 0, search: {} };
  try {
    for (let i = 0; i < arg.reads; i++) {
      const t0 = performance.now();
      const all = await done(db.transaction("annotations", "readonly").objectStore("annotations").getAll());
      out.getAll.push(performance.now() - t0);
      out.records = all.length;
    }
    for (let i = 0; i < arg.reads; i++) {
      const t0 = performance.now();
      const store = db.transaction("annotations", "readonly").objectStore("annotations");
      const [page, newest] = await Promise.all([
        done(store.index("pageUrl").getAll(arg.pageUrl)),
        new Promise<unknown[]>((resolve, reject) => {
          const rows: unknown[] = [];
          const c = store.index("updatedAt").openCursor(null, "prev");
          c.onerror = () => reject(c.error);
          c.onsuccess = () => {
            const cursor = c.result;
            if (!cursor || rows.length >= 100) return resolve(rows);
            rows.push(cursor.value);
            cursor.continue();
          };
        }),
      ]);
      out.firstScreen.push(performance.now() - t0);
      out.firstScreenRecords = page.length + newest.length;
    }
    for (const q of arg.queries) {
      const word = q
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .split(/\s+/)
        .reduce((a, b) => (b.length > a.length ? b : a), "");
      const entry = { ms: [] as number[], records: 0 };
      for (let i = 0; i < arg.reads; i++) {
        const t0 = performance.now();
        const rows = await done(
          db.transaction("annotations", "readonly").objectStore("annotations").index("searchWords").getAll(IDBKeyRange.bound(word, `${word}\uffff`)),
        );
        entry.ms.push(performance.now() - t0);
        entry.records = rows.length;
      }
      out.search[q] = entry;
    }
    return out;
  } finally {
    db.close();
  }
}

/** Shows the "All" tab and waits until its list has rows. */
async function showAllTab(): Promise<number> {
  (document.getElementById("tab-all") as HTMLButtonElement | null)?.click();
  for (let i = 0; i < 300; i++) {
    const rows = document.querySelectorAll("#tabpanel-all [data-row]").length;
    if (rows > 0) return rows;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("the All tab shows no rows");
}

/** Types `text` in the search box, presses Enter; resolves when its results are in the DOM. */
async function search(arg: { text: string; mark: string }): Promise<{ ms: number; total: number; rows: number }> {
  const input = document.querySelector<HTMLInputElement>("input.search");
  if (!input) throw new Error("no search box");
  const before = performance.getEntriesByName(arg.mark, "mark").length;
  input.value = arg.text;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  const t0 = performance.now();
  input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
  for (let i = 0; i < 1500; i++) {
    const marks = performance.getEntriesByName(arg.mark, "mark").slice(before) as PerformanceMark[];
    const hit = marks.find((m) => (m.detail as { text?: string } | null)?.text === arg.text);
    if (hit) {
      return {
        ms: hit.startTime - t0,
        total: (hit.detail as { total: number }).total,
        rows: document.querySelectorAll("#tabpanel-all [data-row]").length,
      };
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no ${arg.mark} mark for "${arg.text}"`);
}

// ————————————————————————————————————————————— the page benchmark

/** The content script's cost in one load, from its trace (ms). */
interface TracedCost {
  /** The task that injected it: compile + top-level run. */
  load: number;
  /** The main-thread tasks it ran in until the annotation was drawn, summed. */
  work: number;
  /** The same in thread time: less the time the thread was descheduled (a busy machine). */
  cpu: number;
  tasks: number;
}

interface PageRun extends PageMetrics {
  /** Null when the page was not annotated (see `unfinished`). */
  cost: TracedCost | null;
  /** Set when the annotation had not finished `ms` after the page loaded (the tab was then closed). */
  unfinished?: { ms: number };
}

interface PageRow {
  label: string;
  runs: PageRun[];
}

/** Resolves true when `p` settles first, false after `ms` (the timer is cleared either way). */
async function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([p.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** The Playwright page behind a harness page (its Chromium pages keep it as `page`), for CDP. */
function playwrightPage(page: TestPage): PlaywrightPage {
  const inner = (page as unknown as { page?: PlaywrightPage }).page;
  if (page.browser !== "chromium" || !inner) throw new Error("tracing needs a Chromium page of the harness");
  return inner;
}

interface Trace {
  /** Ends tracing; resolves with every event once Chrome has sent them all. */
  stop(): Promise<TraceEvent[]>;
  /** Drops the session (a closed tab's): nothing to read. */
  abandon(): Promise<void>;
}

/** Starts a Chrome trace over a CDP session of `page` (the browser's processes, this tab's included). */
async function startTrace(page: TestPage): Promise<Trace> {
  const inner = playwrightPage(page);
  const cdp = await inner.context().newCDPSession(inner);
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", ({ value }) => {
    for (const e of value) events.push(e as unknown as TraceEvent);
  });
  const complete = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
  await cdp.send("Tracing.start", { categories: TRACE_CATEGORIES, transferMode: "ReportEvents" });
  return {
    async stop() {
      await cdp.send("Tracing.end");
      await complete;
      await cdp.detach().catch(() => {});
      return events;
    },
    async abandon() {
      await cdp.detach().catch(() => {});
    },
  };
}

/**
 * Loads `url` in a traced tab, waits for the annotate measure, stops the trace, reads the metrics
 * (the floor after the trace, so it runs untraced) and the content script's cost from the trace.
 * When the annotation has not finished `capMs` after navigation started (or the page could not
 * even fire `load`, its main thread blocked), the tab is closed — that ends a blocked renderer's
 * task — and the floor is read from `plainUrl`: the same HTML on a host where the content script
 * does not run.
 */
async function measurePage(h: Harness, extensionId: string, url: string, capMs: number, plainUrl?: string): Promise<PageRun> {
  const metricsArg = { annotate: ANNOTATE, prefix: MEASURE_PREFIX, reads: 5 };
  const page = await h.openPage("about:blank");
  let open = true;
  let trace: Trace | undefined;
  try {
    trace = await startTrace(page);
    const started = performance.now();
    let loaded = true;
    try {
      await page.goto(url);
    } catch (error) {
      // goto waits for `load` (30 s at most)
      if (!/timeout/i.test(String(error))) throw error;
      loaded = false;
    }
    if (loaded) {
      const left = Math.max(1000, capMs - (performance.now() - started));
      const waiting = h.waitFor(page, (name: string) => performance.getEntriesByName(name, "measure").length > 0, ANNOTATE, left);
      waiting.catch(() => undefined); // after a close, its last poll fails: nothing to report
      if (await within(waiting, left)) {
        const events = await trace.stop();
        trace = undefined;
        const cost = inPageCost(events, extensionId, { measurePrefix: MEASURE_PREFIX, until: ANNOTATE });
        if (!cost) throw new Error(`${url}: the trace holds no EvaluateScript of content-scripts/content.js`);
        const counted = cost.tasks.filter((t) => !t.after);
        return {
          ...(await h.evaluate(page, pageMetrics, metricsArg)),
          cost: { load: cost.scriptLoad / 1000, work: cost.work / 1000, cpu: cost.workThreadTime / 1000, tasks: counted.length },
        };
      }
    }
    const waited = performance.now() - started;
    await page.close();
    open = false;
    if (!plainUrl) throw new Error(`${url}: not annotated ${(waited / 1000).toFixed(0)} s after navigation`);
    const plain = await h.openPage(plainUrl);
    try {
      return { ...(await h.evaluate(plain, pageMetrics, metricsArg)), cost: null, unfinished: { ms: waited } };
    } finally {
      await plain.close();
    }
  } finally {
    await trace?.abandon();
    if (open) await page.close();
  }
}

/**
 * What tracing adds to a task on this machine: a chain of small tasks in `page` (annotated, so its
 * content script is idle), µs per task traced less untraced (median of 5 rounds). The traced
 * tasks' durations read high by about that much.
 */
async function tracingOverhead(h: Harness, page: TestPage): Promise<number> {
  const CHAIN = 5000;
  await h.evaluate(page, messageChain, CHAIN); // the first run compiles the chain's code
  const added: number[] = [];
  for (let round = 0; round < 5; round++) {
    const untraced = await h.evaluate(page, messageChain, CHAIN);
    const trace = await startTrace(page);
    const traced = await h.evaluate(page, messageChain, CHAIN);
    await trace.stop();
    added.push(traced - untraced);
  }
  return median(added);
}

function printPages(rows: PageRow[], capMs: number): void {
  console.log(
    `  ${"page".padEnd(40)} ${"text".padStart(9)} ${"marks".padStart(6)} ${"load".padStart(10)} ${"work (tasks)".padStart(15)} ${"cpu".padStart(10)} ${"innerText".padStart(10)} ${"ratio".padStart(8)}  ` +
      `${"longtask (>50)".padStart(15)} ${"LoAF (>50)".padStart(15)} ${"annotate".padStart(10)}   measures`,
  );
  const worst = (xs: number[][]) => {
    const longest = Math.max(0, ...xs.flat());
    const over = Math.max(...xs.map((d) => d.filter((x) => x > LONG_TASK_MS).length));
    return `${longest > 0 ? `${longest.toFixed(0)} ms` : "none"} (${over})`.padStart(15);
  };
  let footnote = false;
  for (const r of rows) {
    const floor = median(r.runs.map((m) => median(m.innerText)));
    const last = r.runs[r.runs.length - 1]!;
    const unfinished = r.runs.find((m) => m.unfinished);
    if (unfinished) {
      footnote = true;
      const waited = unfinished.unfinished!.ms;
      const blocked = `≥ ${(waited / 1000).toFixed(0)} s (≥1)`.padStart(15);
      console.log(
        `  ${r.label.padEnd(40)} ${kb(last.textBytes).padStart(9)} ${"—".padStart(6)} ${"—".padStart(10)} ${`> ${(waited / 1000).toFixed(0)} s *`.padStart(15)} ${"—".padStart(10)} ${fine(floor)} ` +
          `${`> ${(waited / floor).toFixed(0)}×`.padStart(8)}  ${blocked} ${blocked} ${`> ${(waited / 1000).toFixed(0)} s`.padStart(10)}   (unfinished)`,
      );
      continue;
    }
    const costs = r.runs.map((m) => m.cost!);
    const ratios = r.runs.map((m) => m.cost!.work / median(m.innerText));
    const names = Object.keys(last.measures);
    const measures = names.map((name) => `${name.slice(MEASURE_PREFIX.length)} ${median(r.runs.map((m) => m.measures[name] ?? NaN)).toFixed(1)}`).join(" · ");
    console.log(
      `  ${r.label.padEnd(40)} ${kb(last.textBytes).padStart(9)} ${String(last.highlights).padStart(6)} ${fine(median(costs.map((c) => c.load)))} ` +
        `${`${fine(median(costs.map((c) => c.work)), 0)} (${median(costs.map((c) => c.tasks))})`.padStart(15)} ${fine(median(costs.map((c) => c.cpu)))} ` +
        `${fine(floor)} ${ratio(median(ratios), 8)}  ` +
        `${worst(r.runs.map((m) => m.tasks))} ${worst(r.runs.map((m) => m.frames))} ${fine(median(r.runs.map((m) => m.annotate!.duration)))}   ` +
        `${measures ? `${measures} ms` : "—"}`,
    );
  }
  if (footnote) {
    console.log(
      `  * not annotated ${(capMs / 1000).toFixed(0)} s after navigation (one task still held the main thread; the tab was closed); ` +
        `its floor was read from the same HTML on ${PLAIN_HOST}, where the content script does not run`,
    );
  }
}

async function benchPages(server: FixtureServer, long: BenchPages, articles: FixturePage[]): Promise<void> {
  console.log(`\npage: in-page cost of the first annotation, from a Chrome trace of each load, against one document.body.innerText read of the same page (median of ${RUNS} loads)`);
  console.log(`  work = the main-thread tasks the content script ran in, from navigation until the annotation was drawn, summed (how many): its own`);
  console.log(`  tasks, the ones its extension API replies resumed (scripts/bench-trace.ts). ratio = work / innerText (goal ≤ 3×). cpu = work in`);
  console.log(`  thread time, less the time the main thread was descheduled (wall time grows with the machine's load; innerText too).`);
  console.log(`  load = the task that injected it (parse, compile, top-level run), apart: a fixed cost per page of a content script, which Chrome`);
  console.log(`  does not code-cache. Tracing (${TRACE_CATEGORIES})`);
  console.log(`  slows the traced tasks by the events it records, so load and work read high (by about the overhead below for each task counted);`);
  console.log(`  innerText is read after the trace has stopped, untraced.`);
  console.log(`  annotate = wall clock to the ${ANNOTATE} measure (the highlights shown), waits for the background included; measures = the`);
  console.log(`  content script's own User Timing measures (wall clock, 0.1 ms steps; the background's extraction is not on the page). Both traced.`);
  console.log(`  Blocking, worst load: the longest entry overlapping the annotation and (how many exceed ${LONG_TASK_MS} ms; goal 0),`);
  console.log(`  from PerformanceObserver "longtask" and "long-animation-frame" (LoAF), both buffered. Chromium leaves content-script tasks out of`);
  console.log(`  "longtask" (and out of LoAF's blockingDuration), so LoAF's frame duration is the one that sees them: no frame could render meanwhile.`);
  const targets = [
    ...articles.map((p) => ({ label: `${p.id} ${p.host}`, url: server.urlFor(p.host, p.path), plainUrl: undefined })),
    { label: `1 MB article (${long.article.host}, ×${long.article.template})`, url: long.url, plainUrl: long.plainUrl },
  ];
  const { rows, overhead } = await measureTargets(EXTENSION_DIR, server, targets);
  console.log(
    `  Tracing overhead here: about ${overhead.toFixed(1)} µs per task (a chain of small message tasks in a page, traced less untraced, median of 5).\n`,
  );
  printPages(rows, CAP_MS);

  // the least any content script that annotates can cost: scripts/bench-floor.ts
  const floor = writeFloorExtension();
  try {
    const { rows: floorRows } = await measureTargets(floor.dir, server, targets);
    console.log(
      `\n  The same pages with the floor extension (scripts/bench-floor.ts): a content script that only reads innerText once, sends it in one\n` +
        `  message and registers one highlight on the reply, measured the same way. What any annotating content script pays:`,
    );
    printPages(floorRows, CAP_MS);
    console.log(
      `\n  work: the in-page cost above; DOM change: one insert and removal of a text node in the article by the page itself, after`,
    );
    console.log(`  annotation (what the extension's live Ranges and observers add to every change the page makes). Medians.`);
    console.log(
      `  ${"page".padEnd(40)} ${"work".padStart(10)} ${"floor".padStart(10)} ${"ours/floor".padStart(11)}   ${"DOM change".padStart(10)} ${"floor".padStart(10)} ${"ours/floor".padStart(11)}`,
    );
    for (let i = 0; i < rows.length; i++) {
      const work = (r: PageRow) => (r.runs.some((m) => !m.cost) ? NaN : median(r.runs.map((m) => m.cost!.work)));
      const change = (r: PageRow) => median(r.runs.map((m) => m.domChange / 1000));
      const [ours, least] = [work(rows[i]!), work(floorRows[i]!)];
      const [oursChange, leastChange] = [change(rows[i]!), change(floorRows[i]!)];
      console.log(
        `  ${rows[i]!.label.padEnd(40)} ${fine(ours)} ${fine(least)} ${ratio(ours / least, 11)}   ${fine(oursChange)} ${fine(leastChange)} ${ratio(oursChange / leastChange, 11)}`,
      );
    }
  } finally {
    floor.remove();
  }
}

/** Loads each target RUNS times with the extension in `extensionDir` (traced); the rows, and the tracing overhead per task. */
async function measureTargets(extensionDir: string, server: FixtureServer, targets: { label: string; url: string; plainUrl?: string }[]): Promise<{ rows: PageRow[]; overhead: number }> {
  const h = await launch("chromium", { extensionDir, hosts: [...listHosts(), PLAIN_HOST], port: server.port });
  try {
    const { id } = await h.extensionInstalled();
    await measurePage(h, id, targets[0]!.url, CAP_MS); // warm-up: the browser's and the extension's first start
    const calibration = await h.openPage(targets[0]!.url);
    const overhead = await h
      .waitFor(calibration, (name: string) => performance.getEntriesByName(name, "measure").length > 0, ANNOTATE, CAP_MS)
      .then(() => tracingOverhead(h, calibration))
      .finally(() => calibration.close());
    const rows: PageRow[] = [];
    for (const t of targets) {
      const runs: PageRun[] = [];
      for (let i = 0; i < RUNS; i++) {
        const run = await measurePage(h, id, t.url, CAP_MS, t.plainUrl);
        runs.push(run);
        if (run.unfinished) break; // once is enough to know
      }
      rows.push({ label: t.label, runs });
    }
    return { rows, overhead };
  } finally {
    await h.close();
  }
}

// ————————————————————————————————————————————— the panel's data step, bundled for the popup page

interface DataStepTimes {
  open: number[];
  rows: number;
  search: Record<string, { ms: number[]; total: number }>;
}

/**
 * The panel's data step (components/panel-data.ts): openPanelFirstScreen, exactly the reads the
 * panel runs when it opens, and searchItems, the "All" list's query a search re-runs; with a Dexie
 * connection of its own, bundled by esbuild into one function that runs
 * in the popup page: the panel's data cost without its UI.
 */
async function dataStep(): Promise<(arg: { pageUrl: string; queries: string[]; reads: number }) => Promise<DataStepTimes>> {
  const result = await build({
    stdin: {
      contents: `
        import { openPanelFirstScreen, PANEL_PAGE_SIZE, searchItems, toQuery } from "./components/panel-data";
        import { PolicyLensDB } from "./lib/store/schema";
        export async function run(arg: { pageUrl: string; queries: string[]; reads: number }) {
          const db = new PolicyLensDB();
          await db.open();
          try {
            const out = { open: [] as number[], rows: 0, search: {} as Record<string, { ms: number[]; total: number }> };
            for (let i = 0; i < arg.reads; i++) {
              const t0 = performance.now();
              const first = await openPanelFirstScreen(db, arg.pageUrl);
              out.open.push(performance.now() - t0);
              out.rows = first.page.length + first.all.items.length;
            }
            for (const text of arg.queries) {
              const entry = { ms: [] as number[], total: 0 };
              for (let i = 0; i < arg.reads; i++) {
                const t0 = performance.now();
                // what a search re-runs: the "All" list's query (this page's rows and the sites stay)
                const found = await searchItems(db, toQuery({ text }, arg.pageUrl, PANEL_PAGE_SIZE));
                entry.ms.push(performance.now() - t0);
                entry.total = found.total;
              }
              out.search[text] = entry;
            }
            return out;
          } finally {
            db.close();
          }
        }`,
      resolveDir: root,
      loader: "ts",
      sourcefile: "bench-data-step.ts",
    },
    bundle: true,
    format: "iife",
    globalName: "__vplDataStep",
    platform: "browser",
    target: "chrome120",
    alias: { "@": root },
    write: false,
    logLevel: "error",
  });
  // one self-contained function (the harness sends its source to the page)
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function("arg", `${result.outputFiles[0]!.text}\nreturn __vplDataStep.run(arg);`) as never;
}

// ————————————————————————————————————————————— the review panel benchmark

async function benchPanel(server: FixtureServer, article: FixturePage): Promise<void> {
  // made in Node while the browser starts (not during the page benchmark: it would take CPU from it)
  const seeding: Promise<SeedRecords> = seedRecords(500);
  const stepping = dataStep();
  seeding.catch(() => undefined);
  stepping.catch(() => undefined);
  const h = await launch("chromium", { extensionDir: EXTENSION_DIR, hosts: listHosts(), port: server.port });
  try {
    const articleUrl = server.urlFor(article.host, article.path);
    const articlePage = await h.openPage(articleUrl);
    const { tabId, page: live } = await h.waitForAnnotation(articlePage, 60_000);
    const { id } = await h.extensionInstalled();
    const popup: TestPage = await h.openPage(`chrome-extension://${id}/popup.html?tab=${tabId}`);
    // the article's own records, stored through the background
    await h.waitFor(popup, storedAnnotations, undefined, 30_000);
    const own = (await h.evaluate(popup, rawCounts))!;
    const seed = await seeding;
    const CHUNK = 2_500;
    for (let i = 0; i < seed.annotations.length; i += CHUNK) {
      await h.evaluate(popup, rawPut, { pages: i === 0 ? seed.pages : [], annotations: seed.annotations.slice(i, i + CHUNK) });
    }
    const counts = (await h.evaluate(popup, rawCounts))!;
    console.log(
      `\npanel: ${counts.annotations.toLocaleString("en")} annotations across ${counts.pages} pages in the extension's IndexedDB ` +
        `(${seed.annotations.length.toLocaleString("en")} seeded across ${seed.pages.length} pages + the ${own.annotations} of the article open in a tab; ${live.annotations.length} on its screen)`,
    );
    console.log(`  popup.html?tab=ID opened ${PANEL_RUNS} times (medians). Time: open = navigation start → policy-lens:panel-ready; search = Enter → policy-lens:search-done.`);
    console.log(`  Floors, raw IndexedDB in the same popup page: open → this page's records + the 100 newest edited (what the first screen shows);`);
    console.log(`  search → the searchWords index range of the query's longest word (what the search must read). getAll() = every annotation.`);
    console.log(`  "data step only": the panel's own queries (components/panel-data.ts: openPanelFirstScreen on open, searchItems on a search), same page, no UI.\n`);
    const opens: number[] = [];
    const loads: number[] = [];
    const firstRows: number[] = [];
    const searches: Record<string, { ms: number[]; total: number; rows: number }> = {};
    const floors: Floors[] = [];
    const data: DataStepTimes[] = [];
    const step = await stepping;
    for (let run = 0; run < PANEL_RUNS; run++) {
      await popup.reload();
      opens.push((await h.waitFor(popup, (mark: string) => performance.getEntriesByName(mark, "mark")[0]?.startTime, PANEL_READY, 30_000))!);
      loads.push(await h.evaluate(popup, () => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd ?? NaN));
      firstRows.push(await h.evaluate(popup, () => document.querySelectorAll("[data-row]").length));
      floors.push(await h.evaluate(popup, rawFloors, { pageUrl: canonicalUrl(articleUrl), queries: QUERIES, reads: 3 }));
      data.push(await h.evaluate(popup, step, { pageUrl: articleUrl, queries: QUERIES, reads: 3 }));
      await h.evaluate(popup, showAllTab);
      for (const text of QUERIES) {
        const r = await h.evaluate(popup, search, { text, mark: SEARCH_DONE });
        const entry = (searches[text] ??= { ms: [], total: r.total, rows: r.rows });
        entry.ms.push(r.ms);
      }
    }

    const getAll = median(floors.flatMap((f) => f.getAll));
    const f0 = floors[0]!;
    const runsOf = (xs: number[]) => `runs ${xs.map((x) => x.toFixed(0)).join(", ")} ms`;
    console.log(`  ${"".padEnd(46)} ${"time".padStart(11)}   ${"floor: the same records".padStart(32)}   ${"× floor".padStart(8)}  ${"× getAll".padStart(8)}`);
    const line = (label: string, t: number, records: number, floor: number, note: string) =>
      console.log(
        `  ${label.padEnd(46)} ${ms(t)}   ${`${records.toLocaleString("en")} records`.padStart(17)} ${ms(floor)}   ${ratio(t / floor, 8)}  ${ratio(t / getAll, 8)}   (${note})`,
      );
    const firstScreenFloor = median(floors.flatMap((f) => f.firstScreen));
    line(
      "open   popup.html → first screen rendered",
      median(opens),
      f0.firstScreenRecords,
      firstScreenFloor,
      `${median(firstRows)} rows; popup.html loaded at ${median(loads).toFixed(0)} ms; ${runsOf(opens)}`,
    );
    const dataOpen = data.flatMap((d) => d.open);
    line("  data step only: openPanelFirstScreen()", median(dataOpen), f0.firstScreenRecords, firstScreenFloor, `${data[0]!.rows} rows read; no UI`);
    for (const q of QUERIES) {
      const r = searches[q]!;
      const floor = median(floors.flatMap((f) => f.search[q]!.ms));
      line(
        `search ${`"${q}"`} → results rendered`,
        median(r.ms),
        f0.search[q]!.records,
        floor,
        `${r.total.toLocaleString("en")} matches, ${r.rows} rows drawn; ${runsOf(r.ms)}`,
      );
      line("  data step only: searchItems()", median(data.flatMap((d) => d.search[q]!.ms)), f0.search[q]!.records, floor, `${data[0]!.search[q]!.total.toLocaleString("en")} matches; no UI`);
    }
    console.log(`  ${"getAll() of the whole annotations store".padEnd(46)} ${"".padStart(11)}   ${`${f0.records.toLocaleString("en")} records`.padStart(17)} ${ms(getAll)}`);
  } finally {
    await h.close();
  }
}

// ————————————————————————————————————————————— main

function bundleSize(): void {
  const raw = fs.readFileSync(CONTENT_JS);
  const css = path.join(path.dirname(CONTENT_JS), "content.css");
  const cssSize = fs.existsSync(css) ? fs.statSync(css).size : 0;
  console.log(
    `\nbundle: content-scripts/content.js ${kb(raw.length)} raw, ${kb(zlib.gzipSync(raw, { level: 9 }).length)} gzip` +
      (cssSize ? ` (+ content.css ${kb(cssSize)})` : ""),
  );
}

async function main(): Promise<void> {
  console.log("browser: the built extension in Chromium, as ratios against floors measured in the same run and page");
  try {
    executablePath("chromium");
  } catch (error) {
    if (error instanceof BrowserMissingError) skip(error.message);
    throw error;
  }
  if (!fs.existsSync(path.join(EXTENSION_DIR, "manifest.json")) || !fs.existsSync(CONTENT_JS)) {
    const shown = path.relative(root, EXTENSION_DIR).startsWith("..") ? EXTENSION_DIR : path.relative(root, EXTENSION_DIR);
    skip(`no build at ${shown}: run \`npm run build\` first`);
  }
  const builtAt = fs.statSync(path.join(EXTENSION_DIR, "manifest.json")).mtimeMs;
  if (newestSource() > builtAt) console.log("  note: sources changed since the last build — run `npm run build` to bench the current code");

  const manifest = loadManifest();
  const articles = manifest.filter((p) => p.expect === "article");
  if (articles.length === 0) skip(`no article fixtures in ${path.relative(root, FIXTURES_DIR)}/pages.json`);
  bundleSize();

  const server = await startServer();
  let long: BenchPages | undefined;
  try {
    long = await serveLongArticle(FIXTURES_DIR, manifest);
    const t0 = performance.now();
    await benchPages(server, long, articles);
    await benchPanel(server, articles[0]!);
    console.log(`\n(browser benchmarks took ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  } finally {
    await long?.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error("browser benchmarks failed:", error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
