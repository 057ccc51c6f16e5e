// Driving the extension's own pages (the review panel popup.html?tab=ID, the options page) the way
// a reader does — real clicks, key presses, typing, file choosers and downloads — in both browsers,
// on top of the harness in browsers.ts (which it does not change):
//
//   const h = await launchForPanel("chromium", { hosts, port }, { uiLanguage: "vi" });
//   const driver = await PanelDriver.create(h, downloadDir);
//   const panel = await driver.openPanelFor(page);          // popup.html?tab=<page's tab>
//   await panel.click("li[data-row] button.star");
//   const file = await panel.download(() => panel.click("details.export button[type=submit]"));
//
// How each browser is reached:
// - Chromium: extension pages open in a tab like any page (h.openPage); Playwright drives them and
//   reports their downloads (the `download` event; the file is saved into `downloadDir`).
// - Firefox: WebDriver BiDi refuses to navigate to moz-extension:// URLs, but drives a tab the
//   extension opened itself. So the background page (over the remote debugging protocol, as the
//   harness does) opens the extension page with tabs.create, and Puppeteer picks up the new tab.
//   Downloads go to `downloadDir` through BiDi's browser.setDownloadBehavior (no profile prefs needed).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page as PwPage } from "playwright-core";
import type { Browser as PptrBrowser, Page as PptrPage } from "puppeteer-core";
import { ChromiumPage, executablePath, FirefoxPage, launch, poll, portable, type BrowserName, type Harness, type LaunchOptions, type TestPage } from "./browsers";

export { poll };

// ---------------------------------------------------------------- launching

export interface PanelLaunchOptions {
  /**
   * The browser's interface language. Chromium takes it from --lang and, on Linux, from the
   * LANGUAGE environment variable; it needs the locale's .pak file (Debian: chromium-l10n).
   * Firefox would need a language pack, so it is not offered there.
   */
  uiLanguage?: string;
}

/** Where Chromium keeps its interface translations, if it has them (Debian: chromium-l10n). */
export function chromiumHasLocale(locale: string): boolean {
  let exe: string;
  try {
    exe = executablePath("chromium");
  } catch {
    return false;
  }
  const candidates = new Set<string>();
  try {
    candidates.add(path.join(path.dirname(fs.realpathSync(exe)), "locales"));
  } catch {
    // not resolvable: try the usual places
  }
  // Debian's /usr/bin/chromium is a shell script that starts /usr/lib/chromium/chromium
  candidates.add("/usr/lib/chromium/locales");
  candidates.add("/usr/lib/chromium-browser/locales");
  return [...candidates].some((dir) => fs.existsSync(path.join(dir, `${locale}.pak`)));
}

/** launch() from browsers.ts, with the interface language where the browser can take it (Chromium). */
export async function launchForPanel(name: BrowserName, options: LaunchOptions, extra: PanelLaunchOptions = {}): Promise<Harness> {
  return await launch(name, name === "chromium" && extra.uiLanguage ? { ...options, uiLanguage: extra.uiLanguage } : options);
}

/**
 * A private copy of a built extension, for one test file: the browsers load the extension from its
 * folder and read its files as pages open, so a `npm run build` elsewhere in the tree during the
 * run (it empties .output first) would otherwise pull files from under them.
 */
export function snapshotExtension(extensionDir: string, label: string): { dir: string; remove(): void } {
  if (!fs.existsSync(path.join(extensionDir, "manifest.json"))) {
    throw new Error(`no extension build at ${extensionDir}: run \`npm run build\` first`);
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `vpl-build-${label}-`));
  const dir = path.join(root, path.basename(extensionDir));
  fs.cpSync(extensionDir, dir, { recursive: true });
  if (!fs.existsSync(path.join(dir, "manifest.json"))) throw new Error(`the build at ${extensionDir} changed while it was copied: run the tests again`);
  return { dir, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

// ---------------------------------------------------------------- helpers

/** The same URL without its fragment. */
const bare = (u: string) => u.replace(/#.*$/, "");

// ---------------------------------------------------------------- extension pages

export interface DownloadedFile {
  /** The file name the browser saved it under (the name the page suggested). */
  name: string;
  path: string;
  bytes: Buffer;
}

/** An extension page (the panel, the options page) in a tab, driven with real input. */
export interface ExtensionTab {
  readonly url: string;
  /** Runs `fn(arg)` in the page. `fn` must be self-contained; JSON in, JSON out. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
  /** Polls `fn(arg)` in the page until it returns a truthy value; returns it. */
  waitFor<R, A = undefined>(what: string, fn: (arg: A) => R | Promise<R>, arg?: A, timeoutMs?: number): Promise<NonNullable<Awaited<R>>>;
  /** A real click (pointer events) in the middle of the first element `selector` matches, once it is visible. */
  click(selector: string, timeoutMs?: number): Promise<void>;
  /** Clicks the field, clears it with the keyboard and types `text`. */
  fill(selector: string, text: string): Promise<void>;
  /** One key press (Tab, ArrowDown, Enter, Escape …) to the focused element. */
  press(key: string): Promise<void>;
  /** Picks an option of a <select> by its value (the change a reader makes). */
  select(selector: string, value: string): Promise<void>;
  /** Chooses a file in an <input type=file> (as the file chooser does). */
  chooseFile(selector: string, file: string): Promise<void>;
  /** Runs `trigger` (a click) and returns the file the browser downloaded because of it. */
  download(trigger: () => Promise<void>, timeoutMs?: number): Promise<DownloadedFile>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

abstract class BaseTab implements ExtensionTab {
  constructor(readonly url: string) {}
  abstract evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
  abstract click(selector: string, timeoutMs?: number): Promise<void>;
  abstract press(key: string): Promise<void>;
  abstract type(text: string): Promise<void>;
  abstract select(selector: string, value: string): Promise<void>;
  abstract chooseFile(selector: string, file: string): Promise<void>;
  abstract download(trigger: () => Promise<void>, timeoutMs?: number): Promise<DownloadedFile>;
  abstract bringToFront(): Promise<void>;
  abstract close(): Promise<void>;

  async waitFor<R, A = undefined>(what: string, fn: (arg: A) => R | Promise<R>, arg?: A, timeoutMs = 15_000): Promise<NonNullable<Awaited<R>>> {
    return (await poll(`${what} (in ${this.url})`, timeoutMs, () => this.evaluate(fn, arg as A))) as NonNullable<Awaited<R>>;
  }

  async fill(selector: string, text: string): Promise<void> {
    await this.click(selector);
    const hasText = await this.evaluate((sel: string) => {
      const el = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(sel);
      if (!el) throw new Error(`no ${sel}`);
      el.focus();
      el.select();
      return el.value !== "";
    }, selector);
    if (hasText) await this.press("Backspace");
    if (text) await this.type(text);
  }
}

class ChromiumTab extends BaseTab {
  constructor(
    private readonly page: PwPage,
    private readonly downloadDir: string,
  ) {
    super(page.url());
  }
  async evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>> {
    return (await this.page.evaluate(portable(fn as (arg: never) => unknown), arg)) as Awaited<R>;
  }
  async click(selector: string, timeoutMs = 10_000) {
    await this.page.locator(selector).first().click({ timeout: timeoutMs });
  }
  async press(key: string) {
    await this.page.keyboard.press(key);
  }
  async type(text: string) {
    await this.page.keyboard.type(text);
  }
  async select(selector: string, value: string) {
    await this.page.locator(selector).first().selectOption(value);
  }
  async chooseFile(selector: string, file: string) {
    await this.page.locator(selector).first().setInputFiles(file);
  }
  async download(trigger: () => Promise<void>, timeoutMs = 15_000): Promise<DownloadedFile> {
    const [download] = await Promise.all([this.page.waitForEvent("download", { timeout: timeoutMs }), trigger()]);
    const name = download.suggestedFilename();
    const target = path.join(fs.mkdtempSync(path.join(this.downloadDir, "dl-")), name);
    await download.saveAs(target);
    const failure = await download.failure();
    if (failure) throw new Error(`the download of ${name} failed: ${failure}`);
    return { name, path: target, bytes: fs.readFileSync(target) };
  }
  async bringToFront() {
    await this.page.bringToFront();
  }
  async close() {
    if (!this.page.isClosed()) await this.page.close();
  }
}

class FirefoxTab extends BaseTab {
  constructor(
    url: string,
    private readonly page: PptrPage,
    private readonly downloadDir: string,
  ) {
    super(url);
  }
  async evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>> {
    return (await this.page.evaluate(portable(fn as (arg: never) => unknown), arg)) as Awaited<R>;
  }
  async click(selector: string, timeoutMs = 10_000) {
    const handle = await this.page.waitForSelector(selector, { visible: true, timeout: timeoutMs });
    if (!handle) throw new Error(`no ${selector}`);
    try {
      await handle.click();
    } finally {
      await handle.dispose();
    }
  }
  async press(key: string) {
    await this.page.keyboard.press(key as Parameters<PptrPage["keyboard"]["press"]>[0]);
  }
  async type(text: string) {
    await this.page.keyboard.type(text);
  }
  async select(selector: string, value: string) {
    await this.page.waitForSelector(selector, { visible: true });
    const chosen = await this.page.select(selector, value);
    if (!chosen.includes(value)) throw new Error(`${selector} has no option ${value}`);
  }
  async chooseFile(selector: string, file: string) {
    const handle = await this.page.waitForSelector(selector);
    if (!handle) throw new Error(`no ${selector}`);
    try {
      await (handle as unknown as { uploadFile(...files: string[]): Promise<void> }).uploadFile(file);
    } finally {
      await handle.dispose();
    }
  }
  /**
   * Firefox saves into downloadDir (BiDi browser.setDownloadBehavior): the file is the one that
   * appears there, complete once no `.part` file is left and its size holds still.
   */
  async download(trigger: () => Promise<void>, timeoutMs = 15_000): Promise<DownloadedFile> {
    const before = new Set(fs.readdirSync(this.downloadDir));
    await trigger();
    let last = "";
    const name = await poll(`a file downloaded into ${this.downloadDir}`, timeoutMs, () => {
      const entries = fs.readdirSync(this.downloadDir);
      if (entries.some((f) => f.endsWith(".part"))) return null;
      const fresh = entries.filter((f) => !before.has(f) && !f.startsWith("dl-"));
      if (fresh.length === 0) return null;
      if (fresh.length > 1) throw new Error(`several new files: ${fresh.join(", ")}`);
      const file = fresh[0]!;
      const size = fs.statSync(path.join(this.downloadDir, file)).size;
      // complete: the same non-zero size on two looks in a row
      const seen = `${file}:${size}`;
      const stable = size > 0 && seen === last;
      last = seen;
      return stable ? file : null;
    });
    const target = path.join(fs.mkdtempSync(path.join(this.downloadDir, "dl-")), name);
    fs.renameSync(path.join(this.downloadDir, name), target);
    return { name, path: target, bytes: fs.readFileSync(target) };
  }
  async bringToFront() {
    await this.page.bringToFront();
  }
  async close() {
    if (!this.page.isClosed()) await this.page.close();
  }
}

// ---------------------------------------------------------------- the driver

/** Background code: opens an extension page in a new active tab (Firefox: BiDi will not). */
const openExtensionTab = async (arg: { path: string }) => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const api: any = (globalThis as any).browser ?? (globalThis as any).chrome;
  const url = String(api.runtime.getURL(arg.path));
  const tab = await api.tabs.create({ url, active: true });
  return { url, tabId: tab.id as number };
};

export class PanelDriver {
  private constructor(
    readonly h: Harness,
    /** chrome-extension://ID/ or moz-extension://UUID/ */
    readonly baseUrl: string,
    readonly downloadDir: string,
    private readonly context: BrowserContext | null,
    private readonly browser: PptrBrowser | null,
  ) {}

  /** A driver for `h`; downloads are saved under `downloadDir` (created if needed). */
  static async create(h: Harness, downloadDir: string): Promise<PanelDriver> {
    fs.mkdirSync(downloadDir, { recursive: true });
    const { baseUrl } = await h.extensionInstalled();
    // the browser objects behind the harness, reached through a page of its own
    const anchor = await h.openPage("about:blank");
    try {
      if (h.name === "chromium") {
        const context = (anchor as unknown as { page: PwPage }).page.context();
        return new PanelDriver(h, baseUrl, downloadDir, context, null);
      }
      const browser = (anchor as unknown as { page: PptrPage }).page.browser();
      // downloads: saved without asking, into downloadDir
      await (browser as unknown as { connection: { send(method: string, params: unknown): Promise<unknown> } }).connection.send("browser.setDownloadBehavior", {
        downloadBehavior: { type: "allowed", destinationFolder: downloadDir },
      });
      return new PanelDriver(h, baseUrl, downloadDir, null, browser);
    } finally {
      await anchor.close();
    }
  }

  /** Opens `path` of the extension (popup.html?tab=1, options.html) in a tab of its own. */
  async openExtensionPage(pagePath: string, timeoutMs = 15_000): Promise<ExtensionTab> {
    const relative = pagePath.replace(/^\//, "");
    if (this.context) {
      const page = await this.h.openPage(`${this.baseUrl}${relative}`);
      return new ChromiumTab((page as unknown as { page: PwPage }).page, this.downloadDir);
    }
    const browser = this.browser!;
    const known = new Set(await browser.pages());
    const { url, tabId } = await this.h.inBackground(openExtensionTab, { path: `/${relative}` });
    const page = await poll(`the tab of ${url}`, timeoutMs, async () => {
      for (const p of await browser.pages()) {
        if (known.has(p)) continue;
        try {
          const state = (await p.evaluate(() => ({ href: location.href, ready: document.readyState }))) as { href: string; ready: string };
          if (state.href === url && state.ready === "complete") return p;
        } catch {
          // still loading, or not ours
        }
      }
      return null;
    }).catch(async (error: unknown) => {
      // what the browser has, for the report
      const seen = await Promise.all(
        (await browser.pages()).map((p) => p.evaluate(() => `${location.href} (${document.readyState})`).catch((e: unknown) => `${p.url()} (${String(e).slice(0, 80)})`)),
      );
      const views = await this.h
        .inBackground(async (arg: { tabId: number }) => {
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          const api: any = (globalThis as any).browser;
          const tab = await api.tabs.get(arg.tabId).catch((e: unknown) => String(e));
          return { tab, views: api.extension.getViews({ type: "tab" }).map((v: Window) => v.location.href) };
        }, { tabId })
        .catch((e: unknown) => String(e));
      throw new Error(`${String(error)}; pages: ${JSON.stringify(seen)}; background: ${JSON.stringify(views)}`);
    });
    return new FirefoxTab(url, page, this.downloadDir);
  }

  /** The review panel about `page` (popup.html?tab=<its tab>), once it shows the page's stored rows. */
  async openPanelFor(page: TestPage, options: { stored?: boolean; timeoutMs?: number } = {}): Promise<ExtensionTab> {
    const { tabId } = await this.h.waitForContentScript(page);
    const panel = await this.openExtensionPage(`popup.html?tab=${tabId}`);
    await panel.waitFor(
      options.stored === false ? "the panel to show the page" : "the panel to show the page's stored rows",
      (stored: boolean) => {
        const rows = document.querySelectorAll(".tabpanel-page li[data-row]");
        if (!stored) return rows.length > 0 || document.querySelector(".tabpanel-page .status[role=status]") !== null;
        // stored rows have review buttons; rows read live from the page do not
        return rows.length > 0 && document.querySelectorAll(".tabpanel-page li[data-row] button.star").length === rows.length;
      },
      options.stored !== false,
      options.timeoutMs ?? 15_000,
    );
    return panel;
  }

  /**
   * Runs `fn` (self-contained, no argument) at the start of every document loaded from now on, in
   * the page's own world: Playwright's context init script, or BiDi's script.addPreloadScript.
   */
  async addInitScript(fn: () => unknown): Promise<void> {
    const body = `const __name = (f) => f; (${fn.toString()})();`;
    if (this.context) {
      await this.context.addInitScript({ content: `(() => { ${body} })();` });
      return;
    }
    await (this.browser as unknown as { connection: { send(method: string, params: unknown): Promise<unknown> } }).connection.send("script.addPreloadScript", {
      functionDeclaration: `() => { ${body} }`,
    });
  }

  /** Every tab showing a web page at `url` (fragment ignored) now. */
  private async pagesAt(url: string): Promise<(PwPage | PptrPage)[]> {
    const all = this.context ? this.context.pages() : await this.browser!.pages();
    return all.filter((p) => bare(p.url()) === bare(url));
  }

  /** Waits for a tab on `url` that was not open when `before` was taken; returns it as a TestPage. */
  async waitForNewTab(url: string, before: readonly unknown[], timeoutMs = 15_000): Promise<TestPage> {
    const known = new Set(before);
    const page = await poll(`a new tab on ${url}`, timeoutMs, async () => (await this.pagesAt(url)).find((p) => !known.has(p)) ?? null);
    return this.context ? new ChromiumPage(page as PwPage) : new FirefoxPage(page as PptrPage);
  }

  /** The tabs on `url` now (for waitForNewTab). */
  async tabsAt(url: string): Promise<unknown[]> {
    return await this.pagesAt(url);
  }
}
