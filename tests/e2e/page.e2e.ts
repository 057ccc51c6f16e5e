// The page side of the extension in real browsers (Chromium MV3, Firefox ESR MV2), on the e2e
// fixture pages of tests/fixtures/e2e-pages.json: the card on hover and keyboard focus, the
// per-site switch, content that arrives late, in-site navigation, a 5,000-entity page, a page of
// 5 MB of text, pages that
// fight the extension with CSS or script, malformed markup and frames. Run after `npm run build`:
//   npx vitest run --config vitest.e2e.config.ts tests/e2e/page.e2e.ts
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageAnnotations } from "../../lib/messages";
import { canonicalUrl } from "../../lib/store/url";
import { ALL_HIGHLIGHTS, articleProblems, clip, inspect, untilNoProblems, waitForAnnotated } from "./support/article-checks";
import { BROWSERS, extensionDirFor, launch, poll, type Harness, type TestPage } from "./support/browsers";
import { CARD_HOST, cardHostState, highlightHealth, highlightTexts, locateHighlight, measureCounts, readCard, type CardView } from "./support/card-checks";
import { HIGHLIGHT_NAMES } from "./support/page-checks";
import { e2ePage, listHosts, startServer, type E2EPage, type FixtureServer } from "./support/server";
import { duplicates, readStore, spanOf } from "./support/store-checks";

const MEASURES = ["policy-lens:detect", "policy-lens:annotate", "policy-lens:update"] as const;

const article = e2ePage("article");
const late = e2ePage("late");
const spa = e2ePage("spa");
const entities = e2ePage("entities");
const live = e2ePage("live");
const decomposed = e2ePage("nfd");
const huge = e2ePage("huge");
const aggressive = e2ePage("aggressive-css");
const hostile = e2ePage("hostile-script");
const malformed = e2ePage("malformed");
const frames = e2ePage("frames");

/** Our highlight names registered in the page (vpl-*). */
const registeredOurs = () => {
  const registry = (globalThis.CSS as unknown as { highlights?: Map<string, unknown> } | undefined)?.highlights;
  return Array.from(registry?.keys() ?? []).filter((n) => n.startsWith("vpl-"));
};

describe.each(BROWSERS)("%s", (browserName) => {
  let server: FixtureServer;
  let h: Harness;
  const url = (p: E2EPage, pathname = p.path) => server.urlFor(p.host, pathname);

  beforeAll(async () => {
    server = await startServer();
    h = await launch(browserName, { extensionDir: extensionDirFor(browserName), hosts: listHosts(), port: server.port });
  });

  afterAll(async () => {
    await h?.close();
    await server?.close();
  });

  /** Opens a page and waits until the content script has annotated it; returns its answer. */
  async function openAnnotated(p: E2EPage, pathname = p.path): Promise<{ page: TestPage; answer: PageAnnotations; tabId: number }> {
    const page = await h.openPage(url(p, pathname));
    const { page: answer, tabId } = await h.waitForAnnotation(page);
    return { page, answer, tabId };
  }

  /**
   * On a page with the generated pages' frame probe: the page painted at least twice while the
   * `policy-lens:annotate` measure ran, with no gap over 200 ms between its animation frames.
   */
  async function expectPaintingWhileAnnotated(page: TestPage, during: string): Promise<void> {
    const probe = await h.evaluate(page, () => {
      const p = (window as unknown as { __vplProbe: { frames: number[] } }).__vplProbe;
      const [m] = performance.getEntriesByName("policy-lens:annotate", "measure");
      const phases = ["policy-lens:detect", "policy-lens:draw"].map((n) => {
        const [e] = performance.getEntriesByName(n, "measure");
        return `${n.replace("policy-lens:", "")} ${e ? Math.round(e.duration) : "?"} ms`;
      });
      return { frames: p.frames, start: m?.startTime ?? null, end: m ? m.startTime + m.duration : null, phases };
    });
    expect(probe.start, "the annotate measure").not.toBeNull();
    // the gaps between frames that overlap the content script's work
    const gaps: { at: number; gap: number }[] = [];
    for (let i = 1; i < probe.frames.length; i++) {
      const [a, b] = [probe.frames[i - 1]!, probe.frames[i]!];
      if (b >= probe.start! && a <= probe.end!) gaps.push({ at: Math.round(a - probe.start!), gap: Math.round(b - a) });
    }
    const took = Math.round(probe.end! - probe.start!);
    expect(gaps.length, `animation frames during the ${took} ms of annotation`).toBeGreaterThan(1);
    const worst = gaps.reduce((w, g) => (g.gap > w.gap ? g : w));
    expect(worst.gap, `longest frame gap ${during} (${took} ms: ${probe.phases.join(", ")}; ${gaps.length} frames; the gap starts at +${worst.at} ms)`).toBeLessThanOrEqual(200);
  }

  /** The card as the content script's world sees it, once `ready(card)` holds. */
  function cardWhen(page: TestPage, what: string, ready: (card: CardView) => boolean, timeoutMs = 10_000): Promise<CardView> {
    return poll(what, timeoutMs, async () => {
      const card = await h.inShadowRoot(page, CARD_HOST, readCard);
      return ready(card) ? card : null;
    });
  }

  /** Points at the highlight whose text is `text` and waits for the card to open on it. */
  async function hover(page: TestPage, text: string, names: readonly string[] = HIGHLIGHT_NAMES, world: "main" | "isolated" = "main"): Promise<CardView> {
    await page.bringToFront();
    const hit = world === "main" ? await h.evaluate(page, locateHighlight, { text, names }) : await h.evaluateIsolated(page, locateHighlight, { text, names });
    expect(hit, `a highlight reading "${text}"`).not.toBeNull();
    await h.mouseMove(page, 2, 2);
    await h.mouseMove(page, hit!.x, hit!.y);
    return await cardWhen(page, `the card to open on "${text}"`, (c) => c.open && c.quote.startsWith(clip(text, 200).replace(/…$/, "")));
  }

  describe("the highlight card", () => {
    let page: TestPage;
    let answer: PageAnnotations;

    beforeAll(async () => {
      ({ page, answer } = await openAnnotated(article));
    });
    afterAll(async () => {
      await page?.close();
    });

    it("annotates the page (fixture check)", async () => {
      expect(articleProblems(await inspect(h, page, article), answer)).toEqual([]);
    });

    it("opens on hover over a highlight, shows that annotation, and closes when the pointer leaves", async () => {
      const target = String(article.cardTarget);
      const card = await hover(page, target, ["vpl-leader"]);
      expect(card.kind).toBe("leader");
      expect(card.readable, "the card's (closed) shadow root could be read").toBe(true);
      expect(card.classes).toContain("kind-leader");
      expect(card.quote).toBe(target);
      expect(card.buttons.filter((b) => b.text !== "×").length, `the card's actions: add note, star, reject (${card.buttons.map((b) => b.text).join(" | ")})`).toBe(3);
      expect(card.hostStyle).toMatchObject({ display: "block", visibility: "visible", position: "fixed" });
      expect(card.onTop, `nothing covers the card (at its centre: ${card.atCentre}; card ${JSON.stringify(card.cardRect)}, host ${JSON.stringify(card.hostRect)})`).toBe(true);
      // the pointer leaves for the page header: the card closes after its delay
      await h.mouseMove(page, 3, 3);
      await poll("the card to close", 5_000, async () => !(await h.evaluate(page, cardHostState)).open);
    });

    it("opens on keyboard focus (Alt+Shift+ArrowDown/ArrowUp), takes focus, and Escape closes it", async () => {
      await page.bringToFront();
      const first = answer.annotations[0]!;
      const second = answer.annotations[1]!;
      await h.press(page, "Alt+Shift+ArrowDown");
      let card = await cardWhen(page, "the card on the first highlight", (c) => c.open && c.kind === first.kind);
      expect(await h.evaluate(page, highlightTexts, ["vpl-focus"])).toEqual({ "vpl-focus": [first.text] });
      expect(first.text.replace(/\s+/g, " ").trim().startsWith(card.quote.replace(/…$/, "")), `the card quotes the focused annotation ("${card.quote}")`).toBe(true);
      expect(card.buttons.some((b) => b.focused), "keyboard focus is on a card button").toBe(true);
      expect((await h.evaluate(page, cardHostState)).focusedHost, "document.activeElement is the card's host").toBe(true);

      await h.press(page, "Alt+Shift+ArrowDown");
      await poll("the focus to move to the second highlight", 5_000, async () => {
        const t = await h.evaluate(page, highlightTexts, ["vpl-focus"]);
        return t["vpl-focus"]?.length === 1 && t["vpl-focus"][0] === second.text;
      });
      card = await cardWhen(page, "the card on the second highlight", (c) => c.open && c.kind === second.kind);
      await h.press(page, "Alt+Shift+ArrowUp");
      await poll("the focus to move back to the first highlight", 5_000, async () => {
        const t = await h.evaluate(page, highlightTexts, ["vpl-focus"]);
        return t["vpl-focus"]?.length === 1 && t["vpl-focus"][0] === first.text;
      });

      await h.press(page, "Escape");
      await poll("Escape to close the card", 5_000, async () => !(await h.evaluate(page, cardHostState)).open);
      expect(await h.evaluate(page, highlightTexts, ["vpl-focus"])).toEqual({ "vpl-focus": [] });
    });

    it("hides and shows the highlights with Alt+Shift+H", async () => {
      await page.bringToFront();
      await h.press(page, "Alt+Shift+H");
      await poll("the highlights to be hidden", 5_000, async () => (await h.evaluate(page, registeredOurs)).length === 0);
      await h.press(page, "Alt+Shift+H");
      await poll("the highlights to be shown again", 5_000, async () => (await h.evaluate(page, registeredOurs)).length === ALL_HIGHLIGHTS.length);
      expect(articleProblems(await inspect(h, page, article), answer)).toEqual([]);
    });
  });

  describe("the per-site switch", () => {
    let page: TestPage;
    let tabId: number;
    const siteChoices = async () =>
      (await h.inBackground(async () => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const api: any = (globalThis as any).browser ?? (globalThis as any).chrome;
        return (await api.storage.local.get("siteChoices")).siteChoices ?? {};
      })) as Record<string, string>;

    beforeAll(async () => {
      ({ page, tabId } = await openAnnotated(article));
    });
    afterAll(async () => {
      await page?.close();
      // whatever happened above, the site is on again for the tests that follow
      await h?.sendFromExtensionPage({ type: "set-site", host: article.host, choice: "on" }).catch(() => undefined);
    });

    it("switching the site off takes the highlights off the open page and keeps them off after a reload", async () => {
      const reply = await h.sendFromExtensionPage({ type: "set-site", host: article.host, choice: "off", tabId });
      expect(reply, "the background's answer to set-site off").toEqual({ ok: true });
      expect(await siteChoices()).toEqual({ [article.host]: "off" });
      await poll("the highlights to leave the page", 5_000, async () => (await h.evaluate(page, registeredOurs)).length === 0);
      expect((await h.evaluate(page, cardHostState)).present, "no card host left in the page").toBe(false);
      // an in-site navigation afterwards must not bring the extension back
      const before = await h.evaluate(page, measureCounts, MEASURES);
      await h.evaluate(page, () => history.pushState(null, "", `${location.pathname}?trang=2`));
      const answer = (await h.contentScriptOf(page))?.page;
      expect(answer?.annotations ?? [], "annotations listed after switching off").toEqual([]);
      expect(await h.evaluate(page, measureCounts, MEASURES), "no new annotation run after an in-site navigation").toEqual(before);
      expect(await h.evaluate(page, registeredOurs)).toEqual([]);

      await page.goto(url(article));
      // the content script still starts (it is declared for government hosts; the page counts its
      // start announcement), reads the stored choice and stops
      await poll("the content script to start after the reload", 10_000, () => h.evaluate(page, () => document.documentElement.getAttribute("data-extension-starts") === "1"));
      for (let i = 0; i < 3; i++) await h.inBackground(async () => ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local.get("siteChoices")); // its own read of the choice has come back by now
      expect(await h.contentScriptOf(page), "the content script answers nobody once it has stopped").toBeNull();
      expect(await h.evaluate(page, registeredOurs)).toEqual([]);
      expect(await h.evaluate(page, measureCounts, MEASURES)).toEqual({ "policy-lens:detect": 0, "policy-lens:annotate": 0, "policy-lens:update": 0 });
    });

    it("switching it on again annotates the open page at once (the background injects the content script)", async () => {
      const reply = await h.sendFromExtensionPage({ type: "set-site", host: article.host, choice: "on", tabId });
      expect(await siteChoices(), "a government site switched on needs no entry").toEqual({});
      expect(reply, "the background's answer to set-site on with the page's tab").toEqual({ ok: true });
      const { page: answer } = await h.waitForAnnotation(page, 10_000);
      expect(articleProblems(await inspect(h, page, article), answer)).toEqual([]);
    });

    it("annotates the site again after a reload once it is switched on", async () => {
      expect(await siteChoices()).toEqual({});
      await page.reload();
      const again = (await h.waitForAnnotation(page)).page;
      expect(articleProblems(await inspect(h, page, article), again)).toEqual([]);
    });
  });

  describe("content that arrives late", () => {
    let page: TestPage;
    const lateTimer = late.lateTimerSamples as string[];
    const lateScroll = late.lateScrollSamples as string[];
    const nextArticle = late.nextArticleSamples as string[];

    beforeAll(async () => {
      ({ page } = await openAnnotated(late));
    });
    afterAll(async () => {
      await page?.close();
    });

    const current = async () => (await h.waitForContentScript(page)).page;

    it("annotates paragraphs added after a delay, then on scroll, each batch once", async () => {
      await page.bringToFront();
      await poll("the page to add its delayed paragraphs", 10_000, () => h.evaluate(page, () => document.body.getAttribute("data-late-timer") === "done"));
      await untilNoProblems("the delayed paragraphs highlighted", 10_000, async () => articleProblems(await inspect(h, page, late, "main", lateTimer), await current()));

      await h.evaluate(page, () => window.scrollTo(0, document.documentElement.scrollHeight));
      await poll("the page to add paragraphs on scroll", 10_000, () => h.evaluate(page, () => document.body.getAttribute("data-late-scroll") === "done"));
      await untilNoProblems("the paragraphs added on scroll highlighted", 10_000, async () =>
        articleProblems(await inspect(h, page, late, "main", [...lateTimer, ...lateScroll]), await current()),
      );
      const measures = await h.evaluate(page, measureCounts, MEASURES);
      expect(measures["policy-lens:annotate"], "one full annotation").toBe(1);
      expect(measures["policy-lens:update"], "one update per batch of late paragraphs (2 batches)").toBeGreaterThanOrEqual(1);
      expect(measures["policy-lens:update"]).toBeLessThanOrEqual(2);
      const health = await h.evaluate(page, highlightHealth, HIGHLIGHT_NAMES);
      expect(health.duplicated, "spans highlighted twice").toEqual([]);
      expect(health.stale).toEqual([]);
    });

    it("leaves the next article (infinite scroll, outside this article) alone and settles: no loop", async () => {
      await h.evaluate(page, () => window.scrollTo(0, document.documentElement.scrollHeight));
      await poll("the next article to load below", 10_000, async () => {
        await h.evaluate(page, () => window.scrollTo(0, document.documentElement.scrollHeight));
        return h.evaluate(page, () => document.body.getAttribute("data-next-article") === "done");
      });
      // a loop would keep re-reading the article: watch the measures and the page for a while
      const before = await h.evaluate(page, measureCounts, MEASURES);
      const annotationsBefore = (await current()).annotations.length;
      await new Promise((r) => setTimeout(r, 1_500)); // quiet period: 6 times the content script's mutation debounce
      expect(await h.evaluate(page, measureCounts, MEASURES), "annotation runs during a quiet period").toEqual(before);
      expect((await current()).annotations.length).toBe(annotationsBefore);
      const report = await inspect(h, page, { ...late, furnitureSamples: [...(late.furnitureSamples ?? []), ...nextArticle] }, "main", [...lateTimer, ...lateScroll]);
      expect(articleProblems(report, await current())).toEqual([]);
    });

    it("stores every annotation of the page exactly once", async () => {
      const answer = await current();
      const pageUrl = canonicalUrl(page.url());
      const expected = answer.annotations.map((a) => spanOf(a)).sort();
      const stored = await poll("the store to hold the page's annotations", 15_000, async () => {
        const snapshot = await h.inBackground(readStore, { pageUrl });
        return snapshot.annotations.length >= expected.length ? snapshot : null;
      });
      const spans = stored.annotations.map((r) => spanOf({ kind: r.kind, ...r.selectors.position }));
      expect(duplicates(spans), "spans stored twice").toEqual([]);
      expect(duplicates(stored.annotations.map((r) => r.fingerprint))).toEqual([]);
      expect(spans.sort()).toEqual(expected);
      expect(stored.annotations.filter((r) => r.orphaned).map((r) => r.text), "orphaned records").toEqual([]);
    });

    it("counts one visit for one page view, however many batches the page arrived in", async () => {
      const snapshot = await h.inBackground(readStore, { pageUrl: canonicalUrl(page.url()) });
      expect(snapshot.pages.map((p) => p.visits), "pages.visits after one load (late batches are sent as record-visit too)").toEqual([1]);
    });
  });

  describe("in-site navigation (a client-side router)", () => {
    const first = spa.bodySamples ?? [];
    const second = spa.secondSamples as string[];
    const firstUrl = () => url(spa);
    const secondUrl = () => url(spa, String(spa.secondPath));

    /** The page shows the article at `expectedUrl` with `samples`, annotated from scratch. */
    async function expectShowing(page: TestPage, expectedUrl: string, samples: readonly string[], others: readonly string[]) {
      await untilNoProblems(`the article at ${expectedUrl} annotated`, 5_000, async () => {
        const found = await h.contentScriptOf(page);
        if (!found) return ["no content script answer"];
        if (found.page.url !== expectedUrl) return [`the content script reports ${found.page.url}`];
        const problems = articleProblems(await inspect(h, page, { ...spa, bodySamples: samples, furnitureSamples: [...(spa.furnitureSamples ?? []), ...others] }), found.page);
        const health = await h.evaluate(page, highlightHealth, HIGHLIGHT_NAMES);
        problems.push(...health.stale, ...health.duplicated.map((d) => `duplicated ${d}`));
        const listed = found.page.annotations.map((a) => a.text).filter((t) => others.some((o) => t.includes(o)));
        if (listed.length) problems.push(`the other article's annotations still listed: ${listed.join(" | ")}`);
        return problems;
      });
    }

    /**
     * The store holds, under `pageUrl`, this article's annotations (its samples among them), each
     * once, and nothing of the other article.
     */
    async function expectStored(pageUrl: string, samples: readonly string[], others: readonly string[]) {
      await untilNoProblems(`the store to hold the annotations of ${pageUrl}`, 4_000, async () => {
        const snapshot = await h.inBackground(readStore, { pageUrl: canonicalUrl(pageUrl) });
        const records = snapshot.annotations.filter((r) => r.kind !== "note");
        const problems = duplicates(records.map((r) => `${spanOf({ kind: r.kind, ...r.selectors.position })} ${r.text}`)).map((d) => `stored twice: ${d}`);
        for (const r of records) if (others.some((o) => r.text.includes(o))) problems.push(`stored under this URL, but the other article's: ${r.kind} "${clip(r.text)}"`);
        for (const sample of samples) if (!records.some((r) => r.text.includes(sample))) problems.push(`not stored: "${sample}"`);
        // the article did not change: nothing of it may be taken for gone
        for (const r of records) if (r.orphaned && !others.some((o) => r.text.includes(o))) problems.push(`flagged orphaned: ${r.kind} "${clip(r.text)}"`);
        return problems;
      });
    }

    for (const order of ["swap-first", "push-first"] as const) {
      describe(`the router ${order === "swap-first" ? "swaps the article, then pushes its URL" : "pushes the URL, then fetches and swaps the article"}`, () => {
        let page: TestPage;
        beforeAll(async () => {
          ({ page } = await openAnnotated(spa));
          await expectShowing(page, firstUrl(), first, second);
        });
        afterAll(async () => {
          await page?.close();
        });

        it("re-annotates the new article, and only it", async () => {
          await h.evaluate(page, (o: string) => (window as unknown as { spa: { go(n: number, order: string): Promise<void> } }).spa.go(2, o), order);
          await poll("the router to push the second URL", 10_000, async () => page.url() === secondUrl());
          await expectShowing(page, secondUrl(), second, first);
        });

        it("stores the new article's annotations under its URL, and nothing of the old one", async () => {
          await expectStored(secondUrl(), second, first);
        });

        if (order === "swap-first") {
          it("re-annotates the first article on Back (popstate)", async () => {
            await h.evaluate(page, () => history.back());
            await poll("Back to reach the first URL", 10_000, async () => page.url() === firstUrl());
            await expectShowing(page, firstUrl(), first, second);
          });

          it("stores nothing of the second article under the first URL after Back", async () => {
            await expectStored(firstUrl(), first, second);
          });
        }
      });
    }
  });

  describe("a page with 5,000 entities", () => {
    let page: TestPage;
    let answer: PageAnnotations;
    const minimum = entities.minimumCounts as Record<string, number>;

    beforeAll(async () => {
      page = await h.openPage(url(entities));
      answer = (await h.waitForAnnotation(page, 60_000)).page;
    }, 120_000);
    afterAll(async () => {
      await page?.close();
    });

    it("highlights every entity, as many as the content script lists", async () => {
      const health = await h.evaluate(page, highlightHealth, HIGHLIGHT_NAMES);
      const counts = { leader: 0, directive: 0, number: 0 } as Record<string, number>;
      for (const a of answer.annotations) counts[a.kind]!++;
      expect(health.sizes).toEqual({ "vpl-leader": counts.leader, "vpl-directive": counts.directive, "vpl-number": counts.number });
      expect(answer.annotations.length, "annotations in all").toBeGreaterThanOrEqual(minimum.total!);
      expect(counts.leader).toBeGreaterThanOrEqual(minimum.leader!);
      expect(counts.directive).toBeGreaterThanOrEqual(minimum.directive!);
      expect(counts.number).toBeGreaterThanOrEqual(minimum.number!);
      expect(health.duplicated).toEqual([]);
      expect(health.stale).toEqual([]);
    });

    it("keeps the page painting while it annotates: no gap over 200 ms between animation frames", async () => {
      await expectPaintingWhileAnnotated(page, "during annotation");
    });
  });

  describe("a page with 5 MB of text", () => {
    let page: TestPage;
    const minimum = huge.minimumCounts as Record<string, number>;
    /** The article's last document code: the entity paragraphs number their documents in order. */
    const lastCode = () =>
      h.evaluate(page, () => {
        const paragraphs = Array.from(document.querySelectorAll("article .body p")).filter((p) => p.textContent!.startsWith("Ngày "));
        return / (\d+\/[A-ZĐ]+-[A-ZĐ]+);/.exec(paragraphs.at(-1)!.textContent!)![1]!;
      });
    /** Stored annotations of the page, counted in the extension's IndexedDB (reading 40,000 records would take long). */
    const storedCount = (pageUrl: string) =>
      h.inBackground(
        (arg: { pageUrl: string }) =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open("policy-lens");
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const count = open.result.transaction("annotations").objectStore("annotations").index("pageUrl").count(IDBKeyRange.only(arg.pageUrl));
              count.onsuccess = () => resolve(count.result);
              count.onerror = () => reject(count.error);
            };
          }),
        { pageUrl },
      );
    /** Waits until the content script lists the article's last document, i.e. every part is drawn. */
    const allParts = async (code: string) =>
      poll(`the last part of the page (${code}) to be annotated`, 240_000, async () => {
        const answer = (await h.waitForContentScript(page)).page;
        return answer.annotations.some((a) => a.text.includes(code)) ? answer : null;
      });

    beforeAll(async () => {
      page = await h.openPage(url(huge));
      await h.waitForAnnotation(page, 120_000);
    }, 180_000);
    afterAll(async () => {
      await page?.close();
    });

    it("draws its first highlights while the page keeps painting: no gap over 200 ms between frames", async () => {
      await expectPaintingWhileAnnotated(page, "while the first part was read and drawn");
    });

    it("annotates the whole article in parts, registers only the highlights around the reader, and stores each annotation once", async () => {
      const code = await lastCode();
      const answer = await allParts(code);
      const counts = { leader: 0, directive: 0, number: 0 } as Record<string, number>;
      for (const a of answer.annotations) counts[a.kind]!++;
      expect(answer.annotations.length, "annotations in all").toBeGreaterThanOrEqual(minimum.total!);
      for (const kind of ["leader", "directive", "number"]) expect(counts[kind], kind).toBeGreaterThanOrEqual(minimum[kind]!);

      // tens of thousands of ranges would make every frame after a DOM change slow: a window of them
      const registered = async () => {
        const health = await h.evaluate(page, highlightHealth, HIGHLIGHT_NAMES);
        expect(health.duplicated).toEqual([]);
        expect(health.stale).toEqual([]);
        return Object.values(health.sizes).reduce((a, b) => a + b, 0);
      };
      const atTop = await registered();
      expect(atTop, "highlights registered at the top of the page").toBeGreaterThan(0);
      expect(atTop).toBeLessThanOrEqual(3_000);
      // the reader scrolls to the end: the last paragraph's document is highlighted there
      await page.bringToFront();
      await h.evaluate(page, () => window.scrollTo(0, document.documentElement.scrollHeight));
      await poll(`the last document (${code}) highlighted after scrolling to the end`, 10_000, async () => {
        const texts = await h.evaluate(page, highlightTexts, HIGHLIGHT_NAMES);
        return Object.values(texts).flat().some((t) => t.includes(code));
      });
      expect(await registered()).toBeLessThanOrEqual(3_000);

      const pageUrl = canonicalUrl(page.url());
      await poll("the store to hold every annotation of the page", 60_000, async () => (await storedCount(pageUrl)) >= answer.annotations.length);
      expect(await storedCount(pageUrl), "stored annotations").toBe(answer.annotations.length);
      // read again, in the same parts: nothing stored twice
      await page.reload();
      await h.waitForAnnotation(page, 120_000);
      const again = await allParts(code);
      expect(again.annotations.length).toBe(answer.annotations.length);
      expect(await storedCount(pageUrl), "stored annotations after a reload").toBe(answer.annotations.length);
    }, 600_000);
  });

  describe("a page that never stops changing", () => {
    let page: TestPage;
    const LATE = "Chiều 20/11, Phó Chủ tịch UBND tỉnh Nguyễn Hồng Thanh yêu cầu hoàn thành giải ngân 95% vốn đầu tư công theo Kế hoạch số 4521/KH-UBND.";

    beforeAll(async () => {
      ({ page } = await openAnnotated(live));
    }, 120_000);
    afterAll(async () => {
      await page?.close();
    });

    const current = async () => (await h.waitForContentScript(page)).page;

    it("reads a paragraph added while a counter in the article ticks faster than its debounce, and never the ticking", async () => {
      await page.bringToFront();
      const before = (await current()).annotations.length;
      const ticksBefore = await h.evaluate(page, () => (window as unknown as { __vplTicks: () => number }).__vplTicks());
      await h.evaluate(page, (text) => {
        const p = document.createElement("p");
        p.textContent = text;
        document.querySelector("article .body")!.append(p);
      }, LATE);
      const after = await poll("the added paragraph to be annotated", 15_000, async () => {
        const answer = await current();
        return answer.annotations.some((a) => a.text.includes("Nguyễn Hồng Thanh")) ? answer : null;
      });
      const added = after.annotations.length - before;
      expect(added, "the new paragraph's entities").toBeGreaterThanOrEqual(3);
      // watch the ticking page for a while: nothing more is read, drawn or stored
      const measures = await h.evaluate(page, measureCounts, MEASURES);
      const health = await h.evaluate(page, highlightHealth, HIGHLIGHT_NAMES);
      await new Promise((r) => setTimeout(r, 3_000));
      const ticks = await h.evaluate(page, () => (window as unknown as { __vplTicks: () => number }).__vplTicks());
      expect(ticks - ticksBefore, "the counter kept ticking meanwhile").toBeGreaterThan(20);
      expect(await h.evaluate(page, measureCounts, MEASURES), "annotation runs while only the counter changed").toEqual(measures);
      expect(await h.evaluate(page, highlightHealth, HIGHLIGHT_NAMES)).toEqual(health);
      expect((await current()).annotations.length).toBe(before + added);
      // the value on screen when the article was first read may be kept, no value it ticked to since
      const isCounter = (t: string) => /^\d{1,3}(\.\d{3})+$/.test(t);
      expect((await current()).annotations.filter((a) => isCounter(a.text)).length, "values the counter ticked through").toBeLessThanOrEqual(1);
      const pageUrl = canonicalUrl(page.url());
      const stored = await poll("the store to hold the page's annotations", 15_000, async () => {
        const snapshot = await h.inBackground(readStore, { pageUrl });
        return snapshot.annotations.length >= before + added ? snapshot : null;
      });
      expect(stored.annotations.filter((r) => isCounter(r.text)).length, "counter values stored").toBeLessThanOrEqual(1);
      expect(duplicates(stored.annotations.map((r) => r.fingerprint)), "records stored twice").toEqual([]);
      await new Promise((r) => setTimeout(r, 1_500));
      expect((await h.inBackground(readStore, { pageUrl })).annotations.length, "records stored while the counter ticks on").toBe(stored.annotations.length);
    });
  });

  describe("a page in decomposed Unicode (NFD)", () => {
    let page: TestPage;
    let answer: PageAnnotations;
    const minimum = decomposed.minimumCounts as Record<string, number>;

    beforeAll(async () => {
      ({ page, answer } = await openAnnotated(decomposed));
    }, 120_000);
    afterAll(async () => {
      await page?.close();
    });

    it("highlights all three kinds on the decomposed text itself, once each", async () => {
      const counts = { leader: 0, directive: 0, number: 0 } as Record<string, number>;
      for (const a of answer.annotations) counts[a.kind]!++;
      expect(counts.leader).toBeGreaterThanOrEqual(minimum.leader!);
      expect(counts.directive).toBeGreaterThanOrEqual(minimum.directive!);
      expect(counts.number).toBeGreaterThanOrEqual(minimum.number!);
      const health = await h.evaluate(page, highlightHealth, HIGHLIGHT_NAMES);
      expect(health.sizes).toEqual({ "vpl-leader": counts.leader, "vpl-directive": counts.directive, "vpl-number": counts.number });
      expect(health.duplicated).toEqual([]);
      expect(health.stale).toEqual([]);
      // what is lit is the page's own decomposed text, whole words: "Phó Chủ tịch UBND tỉnh …"
      const leaders = (await h.evaluate(page, highlightTexts, ["vpl-leader"]))["vpl-leader"]!;
      expect(leaders.length).toBe(counts.leader);
      for (const text of leaders) expect(text).toBe(text.normalize("NFD"));
      expect(leaders.some((t) => t.normalize("NFC").startsWith("Phó Chủ tịch UBND tỉnh "))).toBe(true);
    });
  });

  describe("a page whose CSS fights everything", () => {
    let page: TestPage;
    let answer: PageAnnotations;

    beforeAll(async () => {
      ({ page, answer } = await openAnnotated(aggressive));
    });
    afterAll(async () => {
      await page?.close();
    });

    it("is annotated as usual", async () => {
      expect(articleProblems(await inspect(h, page, aggressive), answer)).toEqual([]);
    });

    it("shows a working card anyway: drawn, on top, clickable", async () => {
      const card = await hover(page, "Thủ tướng Chính phủ Phạm Minh Chính", ["vpl-leader"]);
      expect(card.hostStyle).toMatchObject({ display: "block", visibility: "visible", opacity: "1", position: "fixed" });
      expect(card.cardRect!.width, "card width").toBeGreaterThanOrEqual(200);
      expect(card.cardRect!.height, "card height").toBeGreaterThanOrEqual(60);
      expect(card.onTop, "the card is what the page shows at its centre").toBe(true);
      const star = card.buttons.find((b) => b.pressed !== null && !/reject|bỏ|loại/i.test(b.text)) ?? card.buttons[1]!;
      await h.click(page, star.rect.x + star.rect.width / 2, star.rect.y + star.rect.height / 2);
      const after = await cardWhen(page, "the star to be saved", (c) => c.message !== "" && c.buttons.some((b) => b.pressed === "true"));
      expect(after.open).toBe(true);
      await h.press(page, "Escape");
      await poll("Escape to close the card", 5_000, async () => !(await h.evaluate(page, cardHostState)).open);
      await h.press(page, "Alt+Shift+ArrowDown");
      const focused = await cardWhen(page, "the card on keyboard focus", (c) => c.open);
      expect(focused.onTop).toBe(true);
      expect(focused.buttons.some((b) => b.focused)).toBe(true);
    });
  });

  describe("a page whose scripts break the built-ins", () => {
    let page: TestPage;

    beforeAll(async () => {
      page = await h.openPage(url(hostile));
      await waitForAnnotated(h, page, "isolated");
    });
    afterAll(async () => {
      await page?.close();
    });

    it("has its hostile script running (fixture check)", async () => {
      const state = await h.evaluateIsolated(page, () => document.documentElement.getAttribute("data-hostile"));
      expect(state).toBe("active");
    });

    it("is annotated as usual, and the content script answers", async () => {
      const { page: answer } = await h.waitForContentScript(page);
      expect(articleProblems(await inspect(h, page, hostile, "isolated"), answer)).toEqual([]);
    });

    it("still shows the card on hover and on keyboard focus", async () => {
      const card = await hover(page, "Phó Thủ tướng Chính phủ Hồ Đức Phớc", ["vpl-leader"], "isolated");
      expect(card.onTop).toBe(true);
      await h.press(page, "Escape");
      await poll("Escape to close the card", 5_000, async () => !(await h.inShadowRoot(page, CARD_HOST, readCard)).open);
      await h.press(page, "Alt+Shift+ArrowDown");
      const focused = await cardWhen(page, "the card on keyboard focus", (c) => c.open && c.buttons.some((b) => b.focused));
      expect(focused.readable).toBe(true);
    });
  });

  describe("malformed markup", () => {
    it("is annotated inside the article only", async () => {
      const { page, answer } = await openAnnotated(malformed);
      try {
        expect(articleProblems(await inspect(h, page, malformed), answer)).toEqual([]);
        expect((await h.evaluate(page, highlightHealth, HIGHLIGHT_NAMES)).duplicated).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });

  describe("frames", () => {
    let page: TestPage;
    let answer: PageAnnotations;
    type FrameAnswer = { name: string; ping: number; runs: number; highlights: number; cards: number };
    const ask = async () => {
      await h.evaluate(page, () => (window as unknown as { pingFrames(): void }).pingFrames());
      return await h.evaluate(page, () => (window as unknown as { __frames: { answers: Record<string, FrameAnswer>; pings: number } }).__frames);
    };

    beforeAll(async () => {
      ({ page, answer } = await openAnnotated(frames));
    });
    afterAll(async () => {
      await page?.close();
    });

    it("annotates the top page's article only", async () => {
      expect(articleProblems(await inspect(h, page, frames), answer)).toEqual([]);
      const texts = answer.annotations.map((a) => a.text).join(" | ");
      expect(texts).not.toMatch(/Thongsavanh|Nông Thanh Tùng|1\.450 tỷ đồng/);
    });

    it("leaves the framed articles alone (same site and another site), and the page and its frames keep talking", async () => {
      const names = Object.keys(frames.frames as Record<string, unknown>).sort();
      const first = await poll("both frames to answer the page", 15_000, async () => {
        const state = await ask();
        return names.every((n) => state.answers[n]) ? state : null;
      });
      for (const n of names) {
        expect(first.answers[n], `frame ${n}`).toMatchObject({ highlights: 0, cards: 0 });
      }
      const sameOrigin = await h.evaluate(page, () => {
        const frame = document.querySelector<HTMLIFrameElement>("#khung-cung-nguon");
        const win = frame?.contentWindow as (Window & { CSS: { highlights: { size: number } } }) | null;
        return { size: win?.CSS.highlights.size ?? -1, cards: win?.document.querySelectorAll("policy-lens-card").length ?? -1, loaded: win?.document.readyState };
      });
      expect(sameOrigin).toEqual({ size: 0, cards: 0, loaded: "complete" });
      // the frames' own scripts keep running, and answer later pings too
      const later = await poll("the frames to answer a later ping", 10_000, async () => {
        const state = await ask();
        return names.every((n) => state.answers[n]!.ping > first.answers[n]!.ping && state.answers[n]!.runs > first.answers[n]!.runs) ? state : null;
      });
      expect(Object.keys(later.answers).sort()).toEqual(names);
      const status = await h.evaluate(page, () => document.getElementById("trang-thai-khung")?.textContent ?? "");
      expect(status).toContain("cung-nguon");
    });
  });
});
