// The review panel (popup.html) as a reader uses it, in Chromium (MV3) and Firefox ESR (MV2): the
// fixture pages are annotated by the content script and stored; the panel lists them, takes a
// note, a star and a rejection, survives a reload without duplicates, searches without
// diacritics, indexes a leader across two pages, deletes with Undo, jumps to a passage (opening
// its page when its tab is closed), works from the keyboard, and speaks the browser's language.
// Chromium runs with a Vietnamese interface when it has the translation (Debian: chromium-l10n);
// Firefox would need a language pack, so it runs in English. Run after `npm run build`:
//   npx vitest run --config vitest.e2e.config.ts tests/e2e/panel.e2e.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shortQuote } from "../../components/AnnotationRow";
import { fill, languageOf, translator, type Language } from "../../lib/i18n";
import { exportTranslator } from "../../lib/export/i18n";
import { canonicalUrl } from "../../lib/store/url";
import { matchesWords, queryWords } from "../../lib/text-fold";
import { BROWSERS, extensionDirFor, type Harness, type TestPage } from "./support/browsers";
import { blinks, installFocusTrace, listPassages, readFocus, readFocusTrace, readIndex, readPanel, readStore, squash, type StoreSnapshot, type StoredAnnotation } from "./support/panel-checks";
import { chromiumHasLocale, launchForPanel, PanelDriver, poll, snapshotExtension, type ExtensionTab } from "./support/panel-driver";
import { pressRowButton, writeNote } from "./support/panel-flows";
import { fixturePage, listHosts, startServer, type FixtureServer } from "./support/server";


// Two articles that both name Prime Minister Phạm Minh Chính (baochinhphu.vn and tayninh.gov.vn).
const FIXTURE_A = fixturePage("000");
const FIXTURE_B = fixturePage("001");
const PERSON = "Phạm Minh Chính";
const NOTE = "Theo dõi việc triển khai ngoại giao kinh tế";
const TAGS = ["ngoại giao", "theo dõi"];
const SEARCH_DONE = "policy-lens:search-done";
/** Chromium gets a Vietnamese interface when it has the translation; Firefox would need a language pack. */
const CHROMIUM_VI = chromiumHasLocale("vi");

const annotationsOf = (store: StoreSnapshot, pageUrl: string) => store.annotations.filter((a) => a.pageUrl === pageUrl);
const byPosition = (a: StoredAnnotation, b: StoredAnnotation) => a.selectors.position.start - b.selectors.position.start;

describe.each(BROWSERS)("%s", (browserName) => {
  let build: ReturnType<typeof snapshotExtension> | undefined;
  let server: FixtureServer;
  let h: Harness;
  let driver: PanelDriver;
  let downloads: string;
  let pageA: TestPage;
  let pageB: TestPage | undefined;
  let urlA: string;
  let urlB: string;
  let lang: Language;
  /** Annotations the content script found on each page (what the store must hold, once each). */
  let foundA: number;
  let foundB: number;
  /** Records picked for the review actions (ids). */
  const picked: { noted?: string; rejected?: string } = {};

  const store = () => h.inBackground(readStore);
  const t = (key: Parameters<ReturnType<typeof translator>>[0]) => translator(lang)(key);

  /** Waits until the store holds `count` annotations of `pageUrl`. */
  const storeHolds = (pageUrl: string, count: number, what = `${count} stored annotations of ${pageUrl}`) =>
    poll(what, 15_000, async () => {
      const s = await store();
      return annotationsOf(s, pageUrl).length === count ? s : null;
    });

  /** Reloads a page and waits until its visit has been stored (its visit count went up). */
  async function reloadAndStore(page: TestPage, pageUrl: string): Promise<StoreSnapshot> {
    const before = (await store()).pages.find((p) => p.url === pageUrl)?.visits ?? 0;
    await page.bringToFront();
    await page.reload();
    await h.waitForAnnotation(page);
    return await poll(`the reload of ${pageUrl} to be stored`, 15_000, async () => {
      const s = await store();
      return (s.pages.find((p) => p.url === pageUrl)?.visits ?? 0) > before ? s : null;
    });
  }

  /** Types a search and waits until the "All" list has been searched for it; returns the number of matches. */
  async function search(panel: ExtensionTab, text: string): Promise<number> {
    const seen = await panel.evaluate((name: string) => performance.getEntriesByName(name, "mark").length, SEARCH_DONE);
    await panel.fill("input.search", text);
    const detail = await panel.waitFor(
      `the search for "${text}"`,
      (arg: { name: string; seen: number; text: string }) => {
        const marks = performance.getEntriesByName(arg.name, "mark").slice(arg.seen) as PerformanceMark[];
        const done = marks.map((m) => m.detail as { text: string; total: number }).filter((d) => d.text === arg.text);
        return done.length > 0 ? done[done.length - 1]! : null;
      },
      { name: SEARCH_DONE, seen, text: text.trim() },
    );
    // the list count says the same once rendered
    await panel.waitFor("the list count", (n: number) => Number((document.querySelector(".list-count")?.textContent ?? "").replace(/\D/g, "")) === n || (n === 0 && document.querySelector(".tabpanel-all .empty") !== null), detail.total);
    return detail.total;
  }

  beforeAll(async () => {
    build = snapshotExtension(extensionDirFor(browserName), `panel-${browserName}`);
    server = await startServer();
    h = await launchForPanel(
      browserName,
      { extensionDir: build.dir, hosts: listHosts(), port: server.port },
      browserName === "chromium" && CHROMIUM_VI ? { uiLanguage: "vi" } : {},
    );
    downloads = fs.mkdtempSync(path.join(os.tmpdir(), `vpl-panel-${browserName}-`));
    driver = await PanelDriver.create(h, downloads);
    // every page records its focus highlight from its start: a jump's flash can be seen blinking
    await driver.addInitScript(installFocusTrace);
    lang = languageOf(await h.inBackground(() => String(((globalThis as any).browser ?? (globalThis as any).chrome).i18n.getUILanguage()))); // eslint-disable-line @typescript-eslint/no-explicit-any
    pageA = await h.openPage(server.urlFor(FIXTURE_A.host, FIXTURE_A.path));
    pageB = await h.openPage(server.urlFor(FIXTURE_B.host, FIXTURE_B.path));
    urlA = canonicalUrl(pageA.url());
    urlB = canonicalUrl(pageB.url());
    foundA = (await h.waitForAnnotation(pageA)).page.annotations.length;
    foundB = (await h.waitForAnnotation(pageB)).page.annotations.length;
    await storeHolds(urlA, foundA);
    await storeHolds(urlB, foundB);
  });

  afterAll(async () => {
    await h?.close();
    await server?.close();
    if (downloads) fs.rmSync(downloads, { recursive: true, force: true });
    build?.remove();
  });

  it("speaks the browser's interface language (html lang, tabs, search, row actions, export, options)", async () => {
    if (browserName === "chromium" && CHROMIUM_VI) expect(lang, "Chromium started with --lang=vi / LANGUAGE=vi").toBe("vi");
    const panel = await driver.openPanelFor(pageA);
    try {
      const view = await panel.evaluate(readPanel);
      expect(view.lang, "<html lang> follows browser.i18n.getUILanguage()").toBe(lang);
      expect(view.tabLabels).toEqual({ page: t("tabThisPage"), all: t("tabAll"), leaders: t("tabLeaders"), documents: t("tabDocuments"), numbers: t("tabNumbers") });
      expect(view.search).toEqual({ label: t("search"), placeholder: t("searchPlaceholder"), value: "" });
      expect(view.exportSummary).toBe(t("exportSection"));
      const headings = Object.fromEntries(view.groups.map((g) => [g.kind, g.heading.replace(/\s*[\d.]+$/, "")]));
      expect(headings.leader).toBe(t("groupLeaders"));
      expect(headings.number).toBe(t("groupNumbers"));
      expect(view.rows[0]?.buttons).toEqual({ star: t("star"), confirm: t("confirm"), reject: t("reject"), edit: t("noteAndTags"), go: t("goToPassage"), delete: t("delete") });
      // the export menu, in the same language
      await panel.click("details.export > summary");
      const ex = exportTranslator(lang);
      const menu = await panel.waitFor("the export menu", () => {
        const form = document.querySelector("details.export[open] form");
        if (!form) return null;
        const text = (el: Element | null) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
        return {
          labels: Array.from(form.querySelectorAll("label")).map(text),
          formats: Array.from(form.querySelectorAll("select[name=format] option")).map(text),
          button: text(form.querySelector("button[type=submit]")),
        };
      });
      expect(menu.labels).toEqual([ex("exportFormat"), ex("exportScope")]);
      expect(menu.formats).toEqual([ex("formatMd"), ex("formatCsv"), ex("formatW3c")]);
      expect(menu.button).toBe(ex("download"));
    } finally {
      await panel.close();
    }
    const options = await driver.openExtensionPage("options.html");
    try {
      const ex = exportTranslator(lang);
      const page = await options.waitFor("the options page", () => {
        const main = document.querySelector("main.options");
        return main ? { lang: document.documentElement.lang, headings: Array.from(main.querySelectorAll("h2")).map((h2) => (h2.textContent ?? "").trim()) } : null;
      });
      expect(page.lang).toBe(lang);
      expect(page.headings).toEqual([ex("sitesHeading"), ex("exportHeading"), ex("backupHeading")]);
    } finally {
      await options.close();
    }
  });

  it("lists every stored annotation of the page, once, in its groups", async () => {
    const s = await store();
    const records = annotationsOf(s, urlA);
    expect(records.length, "records stored for the page = annotations the content script found").toBe(foundA);
    expect(new Set(records.map((r) => r.fingerprint)).size, "distinct fingerprints").toBe(records.length);
    const panel = await driver.openPanelFor(pageA);
    try {
      const view = await panel.evaluate(readPanel);
      expect(view.tab).toBe("page");
      expect(view.pageCount, "the count on “This page”").toBe(records.length);
      expect(view.rows.map((r) => r.id).sort()).toEqual(records.map((r) => r.id).sort());
      const byId = new Map(records.map((r) => [r.id, r]));
      for (const row of view.rows) {
        const record = byId.get(row.id!)!;
        expect(row.quote, `row ${row.id}`).toBe(shortQuote(record.text));
        expect(row.kind).toBe(record.kind);
      }
      const perKind = (kind: string) => records.filter((r) => r.kind === kind).length;
      expect(view.groups.map((g) => [g.kind, g.count])).toEqual(
        (["leader", "directive", "number"] as const).filter((k) => perKind(k) > 0).map((k) => [k, perKind(k)]),
      );
      expect(perKind("leader"), `leaders found on ${FIXTURE_A.host}`).toBeGreaterThan(0);
    } finally {
      await panel.close();
    }
  });

  it("adds a note with tags, stars and rejects from the panel; the store keeps them", async () => {
    const records = annotationsOf(await store(), urlA).sort(byPosition);
    const leader = records.find((r) => r.kind === "leader" && r.text.includes(PERSON));
    const number = records.find((r) => r.kind === "number");
    expect(leader, `a leader annotation naming ${PERSON}`).toBeDefined();
    expect(number, "a number annotation").toBeDefined();
    picked.noted = leader!.id;
    picked.rejected = number!.id;
    const panel = await driver.openPanelFor(pageA);
    try {
      await writeNote(panel, leader!.id, NOTE, TAGS);
      await pressRowButton(panel, leader!.id, "star");
      await pressRowButton(panel, number!.id, "reject");
      const rows = new Map((await panel.evaluate(readPanel)).rows.map((r) => [r.id, r]));
      expect(rows.get(leader!.id)?.noteLine).toBe(`${NOTE} — ${TAGS.map((x) => `#${x}`).join(" ")}`);
      expect(rows.get(number!.id)?.drawnRejected).toBe(true);
      expect(rows.get(number!.id)?.badges).toEqual([t("rejected")]);
      // stored
      const s = await poll("the store to keep the note, the star and the rejection", 10_000, async () => {
        const snap = await store();
        const n = snap.annotations.find((a) => a.id === leader!.id);
        const r = snap.annotations.find((a) => a.id === number!.id);
        return n?.note === NOTE && n.starred === 1 && n.tags.length === TAGS.length && r?.status === "rejected" ? snap : null;
      });
      expect(s.annotations.find((a) => a.id === leader!.id)?.tags).toEqual(TAGS);
    } finally {
      await panel.close();
    }
  });

  it("reloading the page adds no duplicate: same records in the store, same counts in the panel", async () => {
    const before = annotationsOf(await store(), urlA);
    const s = await reloadAndStore(pageA, urlA);
    const after = annotationsOf(s, urlA);
    expect(after.length, "records of the page after the reload").toBe(before.length);
    expect(after.map((a) => a.id).sort(), "the same records (ids)").toEqual(before.map((a) => a.id).sort());
    expect(new Set(after.map((a) => `${a.kind}|${a.fingerprint}`)).size, "distinct fingerprints").toBe(after.length);
    expect(s.pages.filter((p) => p.url === urlA)).toHaveLength(1);
    const noted = after.find((a) => a.id === picked.noted);
    expect(noted && { note: noted.note, starred: noted.starred }).toEqual({ note: NOTE, starred: 1 });
    expect(after.find((a) => a.id === picked.rejected)?.status).toBe("rejected");

    const panel = await driver.openPanelFor(pageA);
    try {
      const view = await panel.evaluate(readPanel);
      expect(view.pageCount, "the count on “This page”").toBe(before.length);
      expect(view.rows).toHaveLength(before.length);
      expect(new Set(view.rows.map((r) => r.id)).size).toBe(before.length);
      const noteRow = view.rows.find((r) => r.id === picked.noted);
      expect(noteRow && { starred: noteRow.starred, note: noteRow.noteLine.startsWith(NOTE) }).toEqual({ starred: true, note: true });
      expect(view.rows.find((r) => r.id === picked.rejected)?.rejected).toBe(true);
      // and across pages: every record of both pages, once
      await panel.click("#tab-all");
      const total = s.annotations.length;
      const count = await panel.waitFor("the “All pages” count", () => document.querySelector(".list-count")?.textContent ?? null);
      expect(Number(count.replace(/\D/g, "")), `"${count}"`).toBe(total);
      expect(total).toBe(foundA + foundB);
    } finally {
      await panel.close();
    }
  });

  it("finds “Phạm Minh Chính” when the search is typed without diacritics", async () => {
    const s = await store();
    const expected = s.annotations.filter((a) => matchesWords(a.searchWords, queryWords("pham minh chinh")));
    const naming = s.annotations.filter((a) => a.text.normalize("NFC").includes(PERSON));
    expect(naming.length, `annotations whose text names ${PERSON}`).toBeGreaterThan(0);
    expect(expected.map((a) => a.id)).toEqual(expect.arrayContaining(naming.map((a) => a.id)));
    const panel = await driver.openPanelFor(pageA);
    try {
      await panel.click("#tab-all");
      const plain = await search(panel, "pham minh chinh");
      expect(plain, "matches for “pham minh chinh”").toBe(expected.length);
      const view = await panel.evaluate(readPanel);
      expect(view.rows.length).toBeGreaterThan(0);
      const ids = new Set(expected.map((a) => a.id));
      for (const row of view.rows) {
        // each row shown is one of the matching records (same quote, same page)
        const hit = expected.find((a) => shortQuote(a.text) === row.quote && a.pageUrl === row.pageUrl);
        expect(hit, `row "${row.quote}" on ${row.pageUrl}`).toBeDefined();
        expect(ids.has(hit!.id)).toBe(true);
      }
      expect(view.rows.some((r) => r.quote.includes(PERSON)), `a row quoting ${PERSON}`).toBe(true);
      // with diacritics, and in capitals: the same matches
      expect(await search(panel, PERSON)).toBe(plain);
      expect(await search(panel, "PHAM MINH CHINH")).toBe(plain);
      // and a word that is nowhere finds nothing
      expect(await search(panel, "khongcotutrongbai")).toBe(0);
    } finally {
      await panel.close();
    }
  });

  it("the leaders index lists Phạm Minh Chính, seen on both pages, with both pages", async () => {
    const s = await store();
    const panel = await driver.openPanelFor(pageA);
    try {
      await panel.click("#tab-leaders");
      await panel.fill("input.search", "pham minh chinh");
      const list = await panel.waitFor("the leaders index to list the person", (name: string) => {
        const rows = Array.from(document.querySelectorAll<HTMLElement>(".entry-list .vrow[data-index]"));
        const at = rows.findIndex((r) => (r.querySelector(".entry-name")?.firstChild?.textContent ?? "").trim().normalize("NFC") === name);
        return at >= 0 ? { index: Number(rows[at]!.dataset.index), at } : null;
      }, PERSON);
      const entry = (await panel.evaluate(readIndex)).entries[list.at]!;
      expect(entry.name).toBe(PERSON);
      expect(entry.meta).toContain(fill(t("pagesCount"), { n: 2 }));
      // open the entry: the pages it appears on
      await panel.click(`.entry-list .vrow[data-index="${list.index}"] button.entry`);
      const detail = await panel.waitFor("the entry's detail", () => {
        const d = document.querySelector(".entry-detail");
        return d && d.querySelectorAll(".pages-list .page-row").length > 0 ? true : null;
      });
      expect(detail).toBe(true);
      const opened = (await panel.evaluate(readIndex)).detail!;
      expect(opened.name).toBe(PERSON);
      expect(opened.counts).toContain(fill(t("pagesCount"), { n: 2 }));
      expect(opened.pages.map((p) => p.url).sort()).toEqual([urlA, urlB].sort());
      const titleOf = (url: string) => s.pages.find((p) => p.url === url)?.title;
      for (const p of opened.pages) expect(p.title, p.url).toBe(titleOf(p.url));
    } finally {
      await panel.close();
    }
  });

  it("deletes a row with an Undo toast; a delete that stays is not brought back by a reload", async () => {
    const records = annotationsOf(await store(), urlA).sort(byPosition);
    const candidates = records.filter((r) => r.kind === "number" && r.id !== picked.rejected);
    expect(candidates.length, "two number annotations to delete").toBeGreaterThanOrEqual(2);
    const [undone, deleted] = candidates as [StoredAnnotation, StoredAnnotation];
    const panel = await driver.openPanelFor(pageA);
    const rowOf = (id: string) => `.tabpanel-page li[data-row][data-id="${id}"]`;
    try {
      // delete, then Undo
      await panel.click(`${rowOf(undone.id)} button.delete`);
      await panel.waitFor("the row to go and the toast to come", (sel: string) => document.querySelector(sel) === null && document.querySelector(".toast") !== null, rowOf(undone.id));
      let view = await panel.evaluate(readPanel);
      expect(view.toast).toEqual({ message: t("deleted"), undo: t("undo") });
      expect(view.pageCount).toBe(records.length - 1);
      await poll("the record to leave the store", 10_000, async () => !(await store()).annotations.some((a) => a.id === undone.id));
      await panel.click(".toast .btn.primary");
      await panel.waitFor("the row to come back", (sel: string) => document.querySelector(sel) !== null, rowOf(undone.id));
      const back = await poll("the record to come back to the store", 10_000, async () => (await store()).annotations.find((a) => a.id === undone.id));
      expect({ text: back.text, fingerprint: back.fingerprint, pageUrl: back.pageUrl }).toEqual({ text: undone.text, fingerprint: undone.fingerprint, pageUrl: urlA });
      view = await panel.evaluate(readPanel);
      expect(view.pageCount).toBe(records.length);
      expect(view.toast).toBeNull();

      // delete, and let it stand (the toast's close button)
      await panel.click(`${rowOf(deleted.id)} button.delete`);
      await panel.waitFor("the toast", () => document.querySelector(".toast") !== null);
      await panel.click(".toast button.icon-btn");
      await panel.waitFor("the toast to go", () => document.querySelector(".toast") === null);
      expect(await panel.evaluate((sel: string) => document.querySelector(sel) === null, rowOf(deleted.id)), "the deleted row is gone").toBe(true);
    } finally {
      await panel.close();
    }
    const s = await poll("the delete to be stored", 10_000, async () => {
      const snap = await store();
      return !snap.annotations.some((a) => a.id === deleted.id) && snap.deletions.some((d) => d.pageUrl === urlA && d.fingerprint === deleted.fingerprint) ? snap : null;
    });
    expect(annotationsOf(s, urlA)).toHaveLength(records.length - 1);
    // the page is read again: the deleted annotation stays deleted
    const reloaded = await reloadAndStore(pageA, urlA);
    expect(annotationsOf(reloaded, urlA)).toHaveLength(records.length - 1);
    expect(reloaded.annotations.some((a) => a.pageUrl === urlA && a.fingerprint === deleted.fingerprint), "the deleted annotation, back after the reload").toBe(false);
    const again = await driver.openPanelFor(pageA);
    try {
      expect((await again.evaluate(readPanel)).pageCount).toBe(records.length - 1);
    } finally {
      await again.close();
    }
  });

  it("“go to passage” on a row of a page whose tab is closed opens the page, scrolls to the passage and flashes it", async () => {
    // a passage of page B well below the first screen, with a text found once on the page
    // (and few enough search matches for its row to be on the list's first screen)
    const { passages, viewportHeight } = await h.evaluate(pageB!, listPassages, ["vpl-leader", "vpl-directive", "vpl-number"]);
    const snapshot = await store();
    const recordsB = annotationsOf(snapshot, urlB);
    const matches = (text: string) => snapshot.annotations.filter((a) => matchesWords(a.searchWords, queryWords(text))).length;
    const target = passages
      .filter((p) => p.sameText === 1 && p.top > viewportHeight * 1.2 && p.text.length <= 60 && /\p{L}{2}/u.test(p.text))
      .map((p) => ({ p, record: recordsB.filter((r) => squash(r.text) === p.text) }))
      .filter((x) => x.record.length === 1 && matches(x.p.text) <= 3)
      .sort((x, y) => y.p.top - x.p.top)[0];
    expect(target, `a passage below the fold of ${urlB} (viewport ${viewportHeight}px): ${JSON.stringify(passages.map((p) => [p.text, Math.round(p.top)]))}`).toBeDefined();
    const record = target!.record[0]!;
    const fixtureUrlB = pageB!.url();
    await pageB!.close();
    pageB = undefined;
    await poll("page B's tab to close", 10_000, async () => (await driver.tabsAt(fixtureUrlB)).length === 0);

    const panel = await driver.openPanelFor(pageA);
    try {
      await panel.click("#tab-all");
      const total = await search(panel, record.text);
      expect(total).toBeGreaterThan(0);
      const { index } = await panel.waitFor(
        `the row of the passage "${record.text}" on ${urlB} among ${total} matches`,
        (arg: { quote: string; url: string }) => {
          const rows = Array.from(document.querySelectorAll<HTMLElement>(".all-list .vrow[data-row]"));
          const row = rows.find((r) => (r.querySelector(".quote")?.textContent ?? "").replace(/\s+/g, " ").trim() === arg.quote && r.querySelector(".meta")?.getAttribute("title") === arg.url);
          return row ? { index: Number(row.dataset.index) } : null;
        },
        { quote: shortQuote(record.text), url: urlB },
      ).catch(async (error: unknown) => {
        const rows = (await panel.evaluate(readPanel)).rows.map((r) => `${r.index}: "${r.quote}" on ${r.pageUrl}`);
        throw new Error(`${String(error)}; rows shown: ${rows.join(" | ")}`);
      });
      const before = await driver.tabsAt(fixtureUrlB);
      await panel.click(`.all-list .vrow[data-index="${index}"] button.go`);
      pageB = await driver.waitForNewTab(fixtureUrlB, before);
    } finally {
      await panel.close();
    }
    await h.waitForAnnotation(pageB);
    const focus = await poll(`the passage "${record.text}" to be flashed on the opened page`, 15_000, async () => {
      const f = await h.evaluate(pageB!, readFocus);
      return f.texts.length === 1 && f.texts[0] === squash(record.text) ? f : null;
    });
    // it blinks (on, off, on …) and stays on
    const trace = await poll("the flash to end", 10_000, async () => {
      const tr = await h.evaluate(pageB!, readFocusTrace);
      return tr && blinks(tr) >= 2 && tr[tr.length - 1]![1] > 0 ? tr : null;
    }).catch(async (error: unknown) => {
      throw new Error(`${String(error)}; focus highlight sizes [ms, size]: ${JSON.stringify(await h.evaluate(pageB!, readFocusTrace))}`);
    });
    expect(blinks(trace)).toBeGreaterThanOrEqual(2);
    expect(focus.scrollY, "the page scrolled down to the passage").toBeGreaterThan(0);
    expect(focus.rect, "the passage's box").not.toBeNull();
    expect(focus.rect!.top, "passage top in the viewport").toBeGreaterThanOrEqual(0);
    expect(focus.rect!.bottom, "passage bottom in the viewport").toBeLessThanOrEqual(focus.viewport.height);
  });

  it("keyboard: Tab reaches the search box, ↓ moves into the list and along it", async () => {
    const panel = await driver.openPanelFor(pageA);
    try {
      await panel.bringToFront();
      const path: string[] = [];
      for (let i = 0; i < 12; i++) {
        await panel.press("Tab");
        const focused = (await panel.evaluate(readPanel)).focused;
        path.push(focused);
        if (focused === "search") break;
      }
      expect(path[path.length - 1], `focus went ${path.join(" → ")}`).toBe("search");
      expect(path.some((p) => p.startsWith("row")), "no row before the search box").toBe(false);
      const order = (await panel.evaluate(readPanel)).rows.map((r) => r.id!);
      await panel.press("ArrowDown");
      expect((await panel.evaluate(readPanel)).focused).toBe(`row:${order[0]}`);
      await panel.press("ArrowDown");
      expect((await panel.evaluate(readPanel)).focused).toBe(`row:${order[1]}`);
      await panel.press("ArrowUp");
      expect((await panel.evaluate(readPanel)).focused).toBe(`row:${order[0]}`);
    } finally {
      await panel.close();
    }
  });

  it("keyboard: Enter on a row goes to the passage in the page's open tab (activated, scrolled to, flashed)", async () => {
    const records = new Map(annotationsOf(await store(), urlA).map((r) => [r.id, r]));
    const fixtureUrlA = pageA.url();
    const panel = await driver.openPanelFor(pageA);
    try {
      await panel.bringToFront();
      await panel.click("input.search");
      const order = (await panel.evaluate(readPanel)).rows.map((r) => r.id!);
      // the last row: the passage furthest down the page
      const target = records.get(order[order.length - 1]!)!;
      await panel.press("ArrowDown");
      await panel.press("End");
      expect((await panel.evaluate(readPanel)).focused).toBe(`row:${target.id}`);
      const before = await driver.tabsAt(fixtureUrlA);
      await h.evaluate(pageA, installFocusTrace);
      const pressedAt = await h.evaluate(pageA, () => performance.now());
      await panel.press("Enter");
      const outcome = await poll(`the passage "${target.text.slice(0, 60)}" to be flashed on ${urlA}`, 15_000, async () => {
        const f = await h.evaluate(pageA, readFocus);
        if (f.texts.length === 1 && f.texts[0] === squash(target.text)) return { focus: f };
        const tabs = await driver.tabsAt(fixtureUrlA);
        return tabs.length > before.length ? { secondTab: tabs.length } : null;
      });
      if ("secondTab" in outcome) {
        throw new Error(
          `the jump opened a second tab on ${urlA} instead of activating the open one: the background (openAnnotation) looks for the page's tab by tabs.query({}) URLs, ` +
            `which the browser leaves out without the "tabs" permission or a host permission for the site (content script matches are not one)`,
        );
      }
      const { focus } = outcome;
      // the page's own tab is the one in front
      const { tabId } = await h.waitForContentScript(pageA);
      const active = await h.inBackground(async () => {
        const api = (globalThis as any).browser ?? (globalThis as any).chrome; // eslint-disable-line @typescript-eslint/no-explicit-any
        return ((await api.tabs.query({ active: true })) as { id: number }[]).map((x) => x.id);
      });
      expect(active, "the active tab").toEqual([tabId]);
      const trace = await poll("the flash to end", 10_000, async () => {
        const tr = (await h.evaluate(pageA, readFocusTrace))?.filter(([t]) => t >= pressedAt - 20) ?? [];
        return blinks(tr) >= 2 && tr[tr.length - 1]![1] > 0 ? tr : null;
      });
      expect(blinks(trace)).toBeGreaterThanOrEqual(2);
      expect(focus.rect!.top).toBeGreaterThanOrEqual(0);
      expect(focus.rect!.bottom).toBeLessThanOrEqual(focus.viewport.height);
    } finally {
      await panel.close();
    }
  });
});
