// One harness for both browsers: Chromium (MV3 build, through playwright-core over CDP) and
// Firefox ESR (MV2 build, through puppeteer-core over WebDriver BiDi, plus Firefox's own remote
// debugging protocol for the extension's background page, which BiDi does not reach).
//
//   const h = await launch("firefox", { extensionDir, hosts, port });
//   const page = await h.openPage("http://baochinhphu.vn:PORT/...");
//   await h.evaluate(page, () => CSS.highlights.size);
//   const popup = await h.openPopupFor(page);
//   await h.close();
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { BrowserContext, CDPSession, Page as PwPage, Worker as PwWorker } from "playwright-core";
import type { Browser as PptrBrowser, KeyInput, Page as PptrPage } from "puppeteer-core";
import type { PageAnnotations } from "../../../lib/messages";
import { RdpClient, attachToAddon, evaluateJson } from "./firefox-rdp";
import { ANNOTATED_MEASURE, annotationFinished, readPopup, type PopupView } from "./page-checks";
import { REPO_ROOT } from "./server";

export type BrowserName = "chromium" | "firefox";
export const BROWSERS: readonly BrowserName[] = ["chromium", "firefox"];

export const GECKO_ID = "policy-lens@vn-policy-lens.org";

export const DEFAULT_EXTENSION_DIRS: Record<BrowserName, string> = {
  chromium: path.join(REPO_ROOT, ".output/chrome-mv3"),
  firefox: path.join(REPO_ROOT, ".output/firefox-mv2"),
};

const EXECUTABLES: Record<BrowserName, { env: string; fallback: string; label: string; apt: string }> = {
  chromium: { env: "CHROMIUM_PATH", fallback: "/usr/bin/chromium", label: "Chromium", apt: "chromium" },
  firefox: { env: "FIREFOX_PATH", fallback: "/usr/bin/firefox-esr", label: "Firefox ESR", apt: "firefox-esr" },
};

/** The build to test; E2E_EXTENSION_ROOT points at another .output folder (chrome-mv3/, firefox-mv2/). */
export function extensionDirFor(name: BrowserName): string {
  const root = process.env.E2E_EXTENSION_ROOT;
  if (!root) return DEFAULT_EXTENSION_DIRS[name];
  return path.resolve(root, name === "chromium" ? "chrome-mv3" : "firefox-mv2");
}

export class BrowserMissingError extends Error {}

/** The browser's executable, or a BrowserMissingError that says how to get it. */
export function executablePath(name: BrowserName): string {
  const { env, fallback, label, apt } = EXECUTABLES[name];
  const file = process.env[env] || fallback;
  try {
    fs.accessSync(file, fs.constants.X_OK);
    if (fs.statSync(file).isFile()) return file;
  } catch {
    // fall through
  }
  throw new BrowserMissingError(`${label} not found at ${file}: install it with \`apt-get install -y ${apt}\` or set ${env}`);
}

export interface LaunchOptions {
  /** The unpacked build to load (default: .output/chrome-mv3 or .output/firefox-mv2). */
  extensionDir?: string;
  /** Host names to resolve to 127.0.0.1 (Firefox resolves every name there anyway). */
  hosts: readonly string[];
  /** The fixture server's port (informative; URLs carry it). */
  port?: number;
  /** Default true. */
  headless?: boolean;
  /**
   * Chromium only: the browser's interface language, from --lang and, on Linux, the LANGUAGE
   * environment variable; it needs the locale's .pak file (Debian: chromium-l10n).
   */
  uiLanguage?: string;
  viewport?: { width: number; height: number };
  /**
   * Default true: the driver closes the browser on SIGINT/SIGTERM/SIGHUP (and exits). Pass false
   * when the caller handles Ctrl-C itself and calls close().
   */
  handleSignals?: boolean;
}

/** A browser tab showing a web page. */
export interface TestPage {
  readonly browser: BrowserName;
  url(): string;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  screenshot(file: string, options?: { fullPage?: boolean }): Promise<void>;
  /** A PNG of the viewport as it is now. */
  capture(): Promise<Uint8Array>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionStatus {
  /** Chromium's extension id, or Firefox's add-on id. */
  id: string;
  name: string;
  version: string;
  manifestVersion: number;
  /** chrome-extension://ID/ or moz-extension://UUID/ */
  baseUrl: string;
  /** The service worker (Chromium) or background page (Firefox) URL. */
  backgroundUrl: string;
  /** True when code evaluated in the background answered. */
  backgroundRunning: boolean;
}

export interface Harness {
  readonly name: BrowserName;
  /** Opens a new tab on `url` and waits for its load event. */
  openPage(url: string): Promise<TestPage>;
  /** Runs `fn(arg)` in the page's own (main) world. `fn` must be self-contained; JSON in, JSON out. */
  evaluate<R, A = undefined>(page: TestPage, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
  /** Polls `fn(arg)` in the page until it returns a truthy value; returns it. */
  waitFor<R, A = undefined>(page: TestPage, fn: (arg: A) => R | Promise<R>, arg?: A, timeoutMs?: number): Promise<Awaited<R>>;
  /** Runs `fn(arg)` in the extension's background (service worker or background page). */
  inBackground<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
  /** Moves the mouse pointer to (x, y) in `page`, in viewport CSS pixels. */
  mouseMove(page: TestPage, x: number, y: number): Promise<void>;
  /** Clicks at (x, y) in `page`, in viewport CSS pixels. */
  click(page: TestPage, x: number, y: number): Promise<void>;
  /** Presses a key or a chord in `page`, in Playwright's key names: "Tab", "Enter", "Alt+Shift+ArrowDown". */
  press(page: TestPage, keys: string): Promise<void>;
  /** Types text, key by key, into whatever has keyboard focus in `page`. */
  type(page: TestPage, text: string): Promise<void>;
  /**
   * Runs `fn(arg)` in a fresh isolated world of the page: the page's DOM (and its highlight
   * registry) with built-ins the page cannot have replaced. For pages whose scripts break the
   * main world's Array, JSON, performance and the like.
   */
  evaluateIsolated<R, A = undefined>(page: TestPage, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
  /**
   * Runs `fn(root, arg)` in a fresh isolated world of the page, `root` being the shadow root of the
   * first element matching `hostSelector` — also a closed one, as the card's (Chromium: found
   * through CDP's DOM domain with pierce; Firefox: WebDriver BiDi serialises a host's shadow root,
   * closed or not, and hands it to a sandbox). `root` is null when there is no such host or root.
   */
  inShadowRoot<R, A = undefined>(page: TestPage, hostSelector: string, fn: (root: ShadowRoot | null, arg: A) => R, arg?: A): Promise<Awaited<R>>;
  /**
   * Sends `message` with runtime.sendMessage from one of the extension's own pages (options.html,
   * open in a tab of its own), as the popup or the review panel would, and returns the reply.
   */
  sendFromExtensionPage(message: unknown): Promise<unknown>;
  /**
   * Chromium: stops the extension's service worker at once (CDP ServiceWorker.stopAllWorkers) and
   * waits until it has stopped; the next message starts it again. Firefox: throws (MV2 has a
   * persistent background page, nothing to stop).
   */
  stopBackground(): Promise<void>;
  /** The tab id of `page` and what its content script answers to get-page-annotations, or null. */
  contentScriptOf(page: TestPage): Promise<{ tabId: number; page: PageAnnotations } | null>;
  /**
   * Waits until the content script of `page` answers. It answers once it has looked for an article
   * (so a page without one is final then), possibly before it has finished annotating one.
   */
  waitForContentScript(page: TestPage, timeoutMs?: number): Promise<{ tabId: number; page: PageAnnotations }>;
  /** Waits until the content script has annotated the article of `page`; returns its answer then. */
  waitForAnnotation(page: TestPage, timeoutMs?: number): Promise<{ tabId: number; page: PageAnnotations }>;
  /** The toolbar badge text the background set for `page`'s tab. */
  badgeText(page: TestPage): Promise<string>;
  /** Opens popup.html?tab=<page's tab> in a tab of its own, waits until it has loaded, reads it. */
  openPopupFor(page: TestPage, timeoutMs?: number): Promise<PopupView>;
  extensionInstalled(): Promise<ExtensionStatus>;
  /** Resolves when the browser goes away (closed by close(), by its user, or crashed). */
  whenClosed(): Promise<void>;
  close(): Promise<void>;
}

/** Source of a function call that also works when a transpiler inserted `__name(...)` helpers. */
function callSource(fn: (arg: never) => unknown, arg: unknown): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg ?? null)}); })()`;
}

/**
 * A Function object that survives a transpiler's `__name(...)` helpers (playwright and puppeteer
 * serialise functions by their source).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function portable(fn: (arg: never) => unknown): (arg: any) => any {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function("arg", `const __name = (f) => f; return (${fn.toString()})(arg);`) as (arg: unknown) => unknown;
}

export async function poll<T>(what: string, timeoutMs: number, probe: () => Promise<T | null | undefined | false> | T | null | undefined | false): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (let delay = 25; ; delay = Math.min(delay * 2, 250)) {
    try {
      const value = await probe();
      if (value) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ""}`);
    }
    await new Promise((r) => setTimeout(r, delay));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const liveProfiles = new Set<string>();
let exitHookInstalled = false;

function tempProfile(name: BrowserName): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `vpl-e2e-${name}-`));
  liveProfiles.add(dir);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // a run stopped early (Ctrl-C, a crash) still leaves no profile behind
    process.once("exit", () => {
      for (const d of liveProfiles) {
        try {
          fs.rmSync(d, { recursive: true, force: true, maxRetries: 3 });
        } catch {
          // the browser may still be writing to it as the process ends: nothing more to do here
        }
      }
    });
  }
  return dir;
}

function removeProfile(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  liveProfiles.delete(dir);
}

/** Background code: finds the tab whose content script reports `url`, and its answer. */
const findContentScript = async (arg: { url: string }) => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const api: any = (globalThis as any).browser ?? (globalThis as any).chrome;
  const strip = (u: string) => u.replace(/#.*$/, "");
  const tabs = await api.tabs.query({});
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    try {
      const answer = await api.tabs.sendMessage(tab.id, { type: "get-page-annotations" });
      if (answer && typeof answer.url === "string" && strip(answer.url) === strip(arg.url)) return { tabId: tab.id as number, page: answer };
    } catch {
      // no content script in that tab
    }
  }
  return null;
};

const getBadge = async (arg: { tabId: number }) => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const api: any = (globalThis as any).browser ?? (globalThis as any).chrome;
  const action = api.action ?? api.browserAction;
  return String(await action.getBadgeText({ tabId: arg.tabId }));
};

const describeExtension = () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const api: any = (globalThis as any).browser ?? (globalThis as any).chrome;
  const m = api.runtime.getManifest();
  return {
    id: String(api.runtime.id),
    name: String(m.name),
    version: String(m.version),
    manifestVersion: Number(m.manifest_version),
    baseUrl: String(api.runtime.getURL("/")),
    backgroundUrl: String(globalThis.location?.href),
  };
};

abstract class BaseHarness implements Harness {
  abstract readonly name: BrowserName;
  abstract openPage(url: string): Promise<TestPage>;
  abstract evaluate<R, A = undefined>(page: TestPage, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
  abstract inBackground<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
  abstract mouseMove(page: TestPage, x: number, y: number): Promise<void>;
  abstract click(page: TestPage, x: number, y: number): Promise<void>;
  abstract press(page: TestPage, keys: string): Promise<void>;
  abstract type(page: TestPage, text: string): Promise<void>;
  abstract evaluateIsolated<R, A = undefined>(page: TestPage, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
  abstract inShadowRoot<R, A = undefined>(page: TestPage, hostSelector: string, fn: (root: ShadowRoot | null, arg: A) => R, arg?: A): Promise<Awaited<R>>;
  abstract sendFromExtensionPage(message: unknown): Promise<unknown>;
  abstract stopBackground(): Promise<void>;
  abstract openPopupFor(page: TestPage, timeoutMs?: number): Promise<PopupView>;
  abstract whenClosed(): Promise<void>;
  abstract close(): Promise<void>;

  waitFor<R, A = undefined>(page: TestPage, fn: (arg: A) => R | Promise<R>, arg?: A, timeoutMs = 15_000): Promise<Awaited<R>> {
    return poll(`a condition in ${page.url()}`, timeoutMs, () => this.evaluate(page, fn, arg as A));
  }

  async contentScriptOf(page: TestPage): Promise<{ tabId: number; page: PageAnnotations } | null> {
    return (await this.inBackground(findContentScript, { url: page.url() })) as { tabId: number; page: PageAnnotations } | null;
  }

  waitForContentScript(page: TestPage, timeoutMs = 20_000): Promise<{ tabId: number; page: PageAnnotations }> {
    return poll(`the content script in ${page.url()}`, timeoutMs, () => this.contentScriptOf(page));
  }

  async waitForAnnotation(page: TestPage, timeoutMs = 30_000): Promise<{ tabId: number; page: PageAnnotations }> {
    await poll(`the content script to annotate ${page.url()} (User Timing measure ${ANNOTATED_MEASURE})`, timeoutMs, () =>
      this.evaluate(page, annotationFinished, ANNOTATED_MEASURE),
    );
    return await this.waitForContentScript(page, timeoutMs);
  }

  async badgeText(page: TestPage): Promise<string> {
    const { tabId } = await this.waitForContentScript(page);
    return await this.inBackground(getBadge, { tabId });
  }

  async extensionInstalled(): Promise<ExtensionStatus> {
    const info = await this.inBackground(describeExtension);
    return { ...info, backgroundRunning: true };
  }
}

// ---------------------------------------------------------------- Chromium

/** A Chromium tab as a TestPage (also one the extension opened, adopted by the panel driver). */
export class ChromiumPage implements TestPage {
  readonly browser = "chromium" as const;
  constructor(readonly page: PwPage) {}
  url() {
    return this.page.url();
  }
  async goto(url: string) {
    await this.page.goto(url, { waitUntil: "load" });
  }
  async reload() {
    await this.page.reload({ waitUntil: "load" });
  }
  async screenshot(file: string, options: { fullPage?: boolean } = {}) {
    await this.page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  }
  async capture() {
    return new Uint8Array(await this.page.screenshot({ type: "png", animations: "disabled", caret: "hide" }));
  }
  async bringToFront() {
    await this.page.bringToFront();
  }
  async close() {
    if (!this.page.isClosed()) await this.page.close();
  }
}

/** What CDP's Runtime.evaluate answers. */
interface CdpEvaluation {
  result: { type: string; value?: unknown; description?: string };
  exceptionDetails?: { text: string; exception?: { description?: string } };
}

/** Evaluates `expression` in one execution context over a CDP session; the value comes back as JSON. */
async function cdpEvaluate(session: CDPSession, contextId: number, expression: string): Promise<unknown> {
  const answer = (await session.send("Runtime.evaluate", { expression, contextId, returnByValue: true, awaitPromise: true })) as CdpEvaluation;
  if (answer.exceptionDetails) {
    throw new Error(`evaluation failed: ${answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text}`);
  }
  return answer.result.value;
}

class ChromiumHarness extends BaseHarness {
  readonly name = "chromium" as const;
  constructor(
    private readonly context: BrowserContext,
    private readonly extensionId: string,
    private readonly profile: string,
  ) {
    super();
  }

  static async launch(options: LaunchOptions): Promise<ChromiumHarness> {
    const executable = executablePath("chromium");
    const { chromium } = await import("playwright-core");
    const extensionDir = path.resolve(options.extensionDir ?? DEFAULT_EXTENSION_DIRS.chromium);
    if (!fs.existsSync(path.join(extensionDir, "manifest.json"))) {
      throw new Error(`no extension build at ${extensionDir}: run \`npm run build\` first`);
    }
    const rules = options.hosts.flatMap((h) => [`MAP ${h} 127.0.0.1`, `MAP *.${h} 127.0.0.1`]);
    rules.push("MAP *.gov.vn 127.0.0.1", "MAP * ~NOTFOUND", "EXCLUDE localhost", "EXCLUDE 127.0.0.1");
    const profile = tempProfile("chromium");
    let context: BrowserContext | undefined;
    try {
      context = await chromium.launchPersistentContext(profile, {
        executablePath: executable,
        headless: options.headless ?? true,
        viewport: options.viewport ?? { width: 1280, height: 900 },
        handleSIGINT: options.handleSignals ?? true,
        handleSIGTERM: options.handleSignals ?? true,
        handleSIGHUP: options.handleSignals ?? true,
        args: [
          `--load-extension=${extensionDir}`,
          `--disable-extensions-except=${extensionDir}`,
          "--no-sandbox",
          "--disable-background-networking",
          "--disable-component-update",
          "--no-first-run",
          "--no-default-browser-check",
          `--host-resolver-rules=${rules.join(", ")}`,
          ...(options.uiLanguage ? [`--lang=${options.uiLanguage}`] : []),
        ],
        ...(options.uiLanguage ? { env: { ...process.env, LANGUAGE: options.uiLanguage } } : {}),
        timeout: 60_000,
      });
      const worker = await ChromiumHarness.extensionWorker(context, 30_000);
      const extensionId = new URL(worker.url()).host;
      return new ChromiumHarness(context, extensionId, profile);
    } catch (error) {
      await context?.close().catch(() => {});
      removeProfile(profile);
      throw error;
    }
  }

  private static async extensionWorker(context: BrowserContext, timeoutMs: number, id?: string): Promise<PwWorker> {
    const matches = (w: PwWorker) => w.url().startsWith(id ? `chrome-extension://${id}/` : "chrome-extension://");
    const found = context.serviceWorkers().find(matches);
    if (found) return found;
    return await context.waitForEvent("serviceworker", { predicate: matches, timeout: timeoutMs });
  }

  /** An extension page kept open for sendFromExtensionPage (and the CDP session that watches the worker). */
  private extensionPage: PwPage | undefined;
  /** Watches the service worker's running status once a test has stopped it (ServiceWorker domain). */
  private workerWatch: { session: CDPSession; status: string } | undefined;

  private async ownPage(): Promise<PwPage> {
    if (this.extensionPage && !this.extensionPage.isClosed()) return this.extensionPage;
    const page = await this.context.newPage();
    await page.goto(`chrome-extension://${this.extensionId}/options.html`, { waitUntil: "load" });
    this.extensionPage = page;
    return page;
  }

  /** The live service worker, woken (by a runtime message from an extension page) if it idled out. */
  private async worker(): Promise<PwWorker> {
    const live = this.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${this.extensionId}/`));
    // after stopBackground() Playwright keeps the worker's handle, whose evaluations wait until the
    // worker runs again: wake it first
    if (live && this.workerWatch && this.workerWatch.status !== "running") {
      const page = await this.ownPage();
      await page.evaluate(portable(() => (globalThis as any).chrome.runtime.sendMessage({ type: "e2e-wake-up" }).catch(() => undefined)), undefined);
      const watch = this.workerWatch;
      await poll("the service worker to run again", 15_000, async () => watch.status === "running");
    }
    if (live) return live;
    const waiting = ChromiumHarness.extensionWorker(this.context, 15_000, this.extensionId);
    const page = await this.context.newPage();
    try {
      await page.goto(`chrome-extension://${this.extensionId}/popup.html?tab=0`);
      await page.evaluate(portable(() => (globalThis as any).chrome.runtime.sendMessage({ type: "e2e-wake-up" }).catch(() => undefined)), undefined);
      return await waiting;
    } finally {
      await page.close();
    }
  }

  whenClosed(): Promise<void> {
    return new Promise((resolve) => this.context.once("close", () => resolve()));
  }

  async openPage(url: string): Promise<TestPage> {
    const page = await this.context.newPage();
    try {
      await page.goto(url, { waitUntil: "load" });
    } catch (error) {
      await page.close();
      throw error;
    }
    return new ChromiumPage(page);
  }

  async evaluate<R, A = undefined>(page: TestPage, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>> {
    return (await (page as ChromiumPage).page.evaluate(portable(fn as (arg: never) => unknown), arg)) as Awaited<R>;
  }

  async inBackground<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>> {
    try {
      return (await (await this.worker()).evaluate(portable(fn as (arg: never) => unknown), arg)) as Awaited<R>;
    } catch (error) {
      if (!/closed|destroyed|detached/i.test(String(error))) throw error;
      return (await (await this.worker()).evaluate(portable(fn as (arg: never) => unknown), arg)) as Awaited<R>;
    }
  }

  // pages come from openPage (or from another driver's page class with the same `page` field)
  async mouseMove(page: TestPage, x: number, y: number) {
    await (page as ChromiumPage).page.mouse.move(x, y);
  }
  async click(page: TestPage, x: number, y: number) {
    await (page as ChromiumPage).page.mouse.click(x, y);
  }
  async press(page: TestPage, keys: string) {
    await (page as ChromiumPage).page.keyboard.press(keys);
  }
  async type(page: TestPage, text: string) {
    await (page as ChromiumPage).page.keyboard.type(text, { delay: 5 });
  }

  async evaluateIsolated<R, A = undefined>(page: TestPage, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>> {
    const session = await this.context.newCDPSession((page as ChromiumPage).page);
    try {
      const { frameTree } = (await session.send("Page.getFrameTree")) as { frameTree: { frame: { id: string } } };
      const { executionContextId } = (await session.send("Page.createIsolatedWorld", { frameId: frameTree.frame.id, worldName: "vpl-e2e-isolated" })) as {
        executionContextId: number;
      };
      return (await cdpEvaluate(session, executionContextId, callSource(fn as (arg: never) => unknown, arg))) as Awaited<R>;
    } finally {
      await session.detach().catch(() => {});
    }
  }

  async inShadowRoot<R, A = undefined>(page: TestPage, hostSelector: string, fn: (root: ShadowRoot | null, arg: A) => R, arg?: A): Promise<Awaited<R>> {
    const session = await this.context.newCDPSession((page as ChromiumPage).page);
    const call = `function (arg) { const __name = (f) => f; return (${fn.toString()})(this === globalThis || this === undefined ? null : this, arg); }`;
    try {
      const { frameTree } = (await session.send("Page.getFrameTree")) as { frameTree: { frame: { id: string } } };
      const { executionContextId } = (await session.send("Page.createIsolatedWorld", { frameId: frameTree.frame.id, worldName: "vpl-e2e-isolated" })) as {
        executionContextId: number;
      };
      const { root: doc } = (await session.send("DOM.getDocument", { depth: 0 })) as { root: { nodeId: number } };
      const { nodeId } = (await session.send("DOM.querySelector", { nodeId: doc.nodeId, selector: hostSelector })) as { nodeId: number };
      let shadow: number | undefined;
      if (nodeId) {
        const { node } = (await session.send("DOM.describeNode", { nodeId, depth: 1, pierce: true })) as { node: { shadowRoots?: { backendNodeId: number }[] } };
        shadow = node.shadowRoots?.[0]?.backendNodeId;
      }
      let objectId: string | undefined;
      if (shadow !== undefined) {
        ({ object: { objectId } } = (await session.send("DOM.resolveNode", { backendNodeId: shadow, executionContextId })) as { object: { objectId: string } });
      } else {
        ({ result: { objectId } } = (await session.send("Runtime.evaluate", { expression: "globalThis", contextId: executionContextId })) as { result: { objectId: string } });
      }
      const answer = (await session.send("Runtime.callFunctionOn", {
        objectId,
        functionDeclaration: call,
        arguments: [{ value: arg ?? null }],
        returnByValue: true,
        awaitPromise: true,
      })) as CdpEvaluation;
      if (answer.exceptionDetails) throw new Error(`evaluation failed: ${answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text}`);
      return answer.result.value as Awaited<R>;
    } finally {
      await session.detach().catch(() => {});
    }
  }

  async sendFromExtensionPage(message: unknown): Promise<unknown> {
    const page = await this.ownPage();
    return await page.evaluate(portable((m: unknown) => (globalThis as any).chrome.runtime.sendMessage(m)), message);
  }

  async stopBackground(): Promise<void> {
    if (!this.workerWatch) {
      const session = await this.context.newCDPSession(await this.ownPage());
      const watch = { session, status: "running" };
      session.on("ServiceWorker.workerVersionUpdated", (e: { versions: { scriptURL: string; runningStatus: string }[] }) => {
        for (const v of e.versions) if (v.scriptURL.startsWith(`chrome-extension://${this.extensionId}/`)) watch.status = v.runningStatus;
      });
      await session.send("ServiceWorker.enable");
      this.workerWatch = watch;
    }
    const watch = this.workerWatch;
    await watch.session.send("ServiceWorker.stopAllWorkers");
    await poll("the service worker to stop", 10_000, async () => watch.status === "stopped");
  }

  async openPopupFor(page: TestPage, timeoutMs = 15_000): Promise<PopupView> {
    const { tabId } = await this.waitForContentScript(page);
    const popup = await this.context.newPage();
    try {
      await popup.goto(`chrome-extension://${this.extensionId}/popup.html?tab=${tabId}`, { waitUntil: "load" });
      return await poll("the popup to show the page", timeoutMs, async () => {
        const view = await popup.evaluate(portable(readPopup), undefined);
        return view.ready ? view : null;
      });
    } finally {
      await popup.close();
    }
  }

  override async extensionInstalled(): Promise<ExtensionStatus> {
    const worker = await this.worker();
    const info = await this.inBackground(describeExtension);
    return { ...info, backgroundUrl: worker.url(), backgroundRunning: info.id === this.extensionId };
  }

  async close(): Promise<void> {
    try {
      await this.workerWatch?.session.detach().catch(() => {});
      await this.context.close();
    } finally {
      removeProfile(this.profile);
    }
  }
}

// ---------------------------------------------------------------- Firefox

/** A Firefox tab as a TestPage (also one the extension opened, adopted by the panel driver). */
export class FirefoxPage implements TestPage {
  readonly browser = "firefox" as const;
  constructor(readonly page: PptrPage) {}
  url() {
    return this.page.url();
  }
  async goto(url: string) {
    await this.page.goto(url, { waitUntil: "load" });
  }
  async reload() {
    await this.page.reload({ waitUntil: "load" });
  }
  async screenshot(file: string, options: { fullPage?: boolean } = {}) {
    await this.page.screenshot({ path: file as `${string}.png`, fullPage: options.fullPage ?? false });
  }
  async capture() {
    return new Uint8Array(await this.page.screenshot({ type: "png" }));
  }
  async bringToFront() {
    await this.page.bringToFront();
  }
  async close() {
    if (!this.page.isClosed()) await this.page.close();
  }
}

/** Background code (Firefox): sends a runtime message from options.html, opened in a tab if needed. */
const sendFromOptionsPage = async (arg: { message: unknown }) => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const api: any = (globalThis as any).browser;
  const url = String(api.runtime.getURL("/options.html"));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const find = () => api.extension.getViews({ type: "tab" }).find((v: any) => v.location.href === url && v.document.readyState === "complete");
  let view = find();
  if (!view) {
    await api.tabs.create({ url, active: false });
    for (let i = 0; i < 200 && !view; i++) {
      await new Promise((r) => setTimeout(r, 50));
      view = find();
    }
    if (!view) throw new Error("options.html did not open");
  }
  // the options page's own runtime: the message comes from that page, as from the popup
  return await view.browser.runtime.sendMessage(arg.message);
};

/** Background code (Firefox): opens popup.html?tab=ID in a background tab; returns that tab's id. */
const openPopupTab = async (arg: { tabId: number }) => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const api: any = (globalThis as any).browser;
  const url = String(api.runtime.getURL(`/popup.html?tab=${arg.tabId}`));
  // active: a background tab's timers are throttled to 1 s, which slows the popup's first render
  const tab = await api.tabs.create({ url, active: true });
  return { popupTabId: tab.id as number | undefined, url };
};

/** Background code (Firefox): closes the popup's tab and brings the page's tab back to the front. */
const closePopupTab = async (arg: { popupTabId: number; pageTabId: number }) => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const api: any = (globalThis as any).browser;
  await api.tabs.remove(arg.popupTabId);
  await api.tabs.update(arg.pageTabId, { active: true });
  return true;
};

class FirefoxHarness extends BaseHarness {
  readonly name = "firefox" as const;
  constructor(
    private readonly browser: PptrBrowser,
    private readonly rdp: RdpClient,
    private readonly consoleActor: string,
    private readonly backgroundUrl: string,
    private readonly profile: string,
  ) {
    super();
  }

  static async launch(options: LaunchOptions): Promise<FirefoxHarness> {
    const executable = executablePath("firefox");
    const puppeteer = (await import("puppeteer-core")).default;
    const extensionDir = path.resolve(options.extensionDir ?? DEFAULT_EXTENSION_DIRS.firefox);
    if (!fs.existsSync(path.join(extensionDir, "manifest.json"))) {
      throw new Error(`no extension build at ${extensionDir}: run \`npm run build\` first`);
    }
    const profile = tempProfile("firefox");
    const rdpPort = await freePort();
    const uuid = randomUUID();
    let browser: PptrBrowser | undefined;
    let rdp: RdpClient | undefined;
    try {
      browser = await puppeteer.launch({
        browser: "firefox",
        executablePath: executable,
        headless: options.headless ?? true,
        userDataDir: profile,
        handleSIGINT: options.handleSignals ?? true,
        handleSIGTERM: options.handleSignals ?? true,
        handleSIGHUP: options.handleSignals ?? true,
        defaultViewport: options.viewport ?? { width: 1280, height: 900 },
        args: [`--start-debugger-server=${rdpPort}`],
        extraPrefsFirefox: {
          // every host name resolves to the fixture server; nothing leaves the machine
          "network.dns.forceResolve": "127.0.0.1",
          "network.dns.disableIPv6": true,
          // the extension's moz-extension:// UUID, known in advance
          "extensions.webextensions.uuids": JSON.stringify({ [GECKO_ID]: uuid }),
          // the remote debugging protocol, for the background page (WebDriver BiDi does not reach it)
          "devtools.debugger.remote-enabled": true,
          "devtools.chrome.enabled": true,
          "devtools.debugger.prompt-connection": false,
          "devtools.debugger.force-local": true,
        },
        timeout: 60_000,
      });
      const installed = await browser.installExtension(extensionDir);
      if (installed !== GECKO_ID) throw new Error(`installed add-on has id ${installed}, expected ${GECKO_ID}`);
      rdp = await RdpClient.connect(rdpPort);
      const { background } = await attachToAddon(rdp, GECKO_ID);
      return new FirefoxHarness(browser, rdp, background.consoleActor, background.url, profile);
    } catch (error) {
      rdp?.close();
      await browser?.close().catch(() => {});
      removeProfile(profile);
      throw error;
    }
  }

  whenClosed(): Promise<void> {
    if (!this.browser.connected) return Promise.resolve();
    return new Promise((resolve) => this.browser.once("disconnected", () => resolve()));
  }

  async openPage(url: string): Promise<TestPage> {
    const page = await this.browser.newPage();
    try {
      await page.goto(url, { waitUntil: "load" });
    } catch (error) {
      await page.close();
      throw error;
    }
    return new FirefoxPage(page);
  }

  async evaluate<R, A = undefined>(page: TestPage, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>> {
    return (await (page as FirefoxPage).page.evaluate(portable(fn as (arg: never) => unknown), arg)) as Awaited<R>;
  }

  async inBackground<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>> {
    return await evaluateJson<Awaited<R>>(this.rdp, this.consoleActor, callSource(fn as (arg: never) => unknown, arg));
  }

  async mouseMove(page: TestPage, x: number, y: number) {
    await (page as FirefoxPage).page.mouse.move(x, y);
  }
  async click(page: TestPage, x: number, y: number) {
    await (page as FirefoxPage).page.mouse.click(x, y);
  }
  async press(page: TestPage, keys: string) {
    const keyboard = (page as FirefoxPage).page.keyboard;
    const parts = keys.split("+");
    const key = parts.pop()! as KeyInput;
    const modifiers = parts as KeyInput[];
    for (const m of modifiers) await keyboard.down(m);
    try {
      await keyboard.press(key);
    } finally {
      for (const m of [...modifiers].reverse()) await keyboard.up(m);
    }
  }
  async type(page: TestPage, text: string) {
    await (page as FirefoxPage).page.keyboard.type(text, { delay: 5 });
  }

  async evaluateIsolated<R, A = undefined>(page: TestPage, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>> {
    // puppeteer's isolated realm is a WebDriver BiDi sandbox: the page's DOM through Xrays
    const frame = (page as FirefoxPage).page.mainFrame() as unknown as { isolatedRealm(): { evaluate(f: unknown, a: unknown): Promise<unknown> } };
    return (await frame.isolatedRealm().evaluate(portable(fn as (arg: never) => unknown), arg)) as Awaited<R>;
  }

  async inShadowRoot<R, A = undefined>(page: TestPage, hostSelector: string, fn: (root: ShadowRoot | null, arg: A) => R, arg?: A): Promise<Awaited<R>> {
    // puppeteer's internal sandbox realm (a BiDi sandbox: the page's DOM through Xrays, pristine
    // built-ins); BiDi serialises a node's shadow root, closed or not, as a shared reference
    type EvaluateResult =
      | { type: "success"; result: { type: string; value?: unknown } & { value?: { shadowRoot?: { sharedId?: string } | null } } }
      | { type: "exception"; exceptionDetails: { text: string } };
    type CoreRealm = {
      evaluate(expression: string, awaitPromise: boolean, options?: object): Promise<EvaluateResult>;
      callFunction(declaration: string, awaitPromise: boolean, options?: object): Promise<EvaluateResult>;
    };
    const frame = (page as FirefoxPage).page.mainFrame() as unknown as { isolatedRealm(): { realm: CoreRealm } };
    const realm = frame.isolatedRealm().realm;
    const failed = (r: EvaluateResult) => (r.type === "exception" ? new Error(`evaluation failed: ${r.exceptionDetails.text}`) : null);
    const host = await realm.evaluate(`document.querySelector(${JSON.stringify(hostSelector)})`, false, {
      resultOwnership: "none",
      serializationOptions: { maxDomDepth: 0 },
    });
    if (failed(host)) throw failed(host);
    const shadowId = host.type === "success" && host.result.type === "node" ? (host.result.value as { shadowRoot?: { sharedId?: string } | null })?.shadowRoot?.sharedId : undefined;
    const call = await realm.callFunction(
      `function (root, json) { const __name = (f) => f; const v = (${fn.toString()})(root, JSON.parse(json)); return Promise.resolve(v).then((x) => JSON.stringify(x === undefined ? null : x)); }`,
      true,
      { arguments: [shadowId ? { sharedId: shadowId } : { type: "null" }, { type: "string", value: JSON.stringify(arg ?? null) }], resultOwnership: "none" },
    );
    if (failed(call)) throw failed(call);
    return JSON.parse(String((call as { result: { value?: unknown } }).result.value)) as Awaited<R>;
  }

  async sendFromExtensionPage(message: unknown): Promise<unknown> {
    return await this.inBackground(sendFromOptionsPage, { message });
  }

  async stopBackground(): Promise<void> {
    throw new Error("Firefox runs the MV2 build, whose background page is persistent: there is no worker to stop");
  }

  async openPopupFor(page: TestPage, timeoutMs = 15_000): Promise<PopupView> {
    const { tabId } = await this.waitForContentScript(page);
    // BiDi refuses to navigate to moz-extension:// pages, so the background opens the popup in a
    // tab and reads its document (extension pages share one process and see each other's DOM).
    const { popupTabId, url } = await this.inBackground(openPopupTab, { tabId });
    try {
      return await poll("the popup to show the page", timeoutMs, async () => {
        const view = await evaluateJson<PopupView | null>(
          this.rdp,
          this.consoleActor,
          `(() => { const __name = (f) => f; const v = browser.extension.getViews({ type: "tab" }).find((w) => w.location.href === ${JSON.stringify(url)});
             return v && v.document.readyState !== "loading" ? (${readPopup.toString()})(v.document) : null; })()`,
        );
        return view?.ready ? view : null;
      });
    } finally {
      if (popupTabId !== undefined) {
        await this.inBackground(closePopupTab, { popupTabId, pageTabId: tabId }).catch(() => {});
      }
    }
  }

  override async extensionInstalled(): Promise<ExtensionStatus> {
    const info = await this.inBackground(describeExtension);
    return { ...info, backgroundUrl: this.backgroundUrl, backgroundRunning: info.id === GECKO_ID };
  }

  async close(): Promise<void> {
    try {
      this.rdp.close();
      await this.browser.close();
    } finally {
      removeProfile(this.profile);
    }
  }
}

/** Starts `name` with the extension loaded, in a fresh temporary profile (removed by close()). */
export async function launch(name: BrowserName, options: LaunchOptions): Promise<Harness> {
  switch (name) {
    case "chromium":
      return await ChromiumHarness.launch(options);
    case "firefox":
      return await FirefoxHarness.launch(options);
    default:
      throw new Error(`unknown browser ${String(name)}`);
  }
}
