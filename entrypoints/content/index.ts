import "./style.css";
import { browser } from "wxt/browser";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { parseBackgroundToContent, parsePopupToContent, type PageAnnotations } from "@/lib/messages";
import { parseSiteChoices, shouldAnnotate, SITE_CHOICES_KEY } from "@/lib/settings";
import { governmentMatchPatterns } from "@/lib/sites";
import { PageAnnotator } from "./annotator";

/** How long to keep looking for an article that a page renders late (single-page apps). */
const LATE_ARTICLE_WINDOW_MS = 15_000;
/** How long the page must stay unchanged to count as settled. */
const SETTLE_MS = 400;
/** After a navigation, how long the old article on screen is taken for "not drawn yet". */
const SAME_ARTICLE_WINDOW_MS = 3_000;

export default defineContentScript({
  matches: governmentMatchPatterns(),
  runAt: "document_idle",
  async main(ctx) {
    // registered at run time for sites the reader adds, and injected at once when switched on:
    // never twice in one page
    const flag = globalThis as { __policyLensRunning?: boolean };
    if (flag.__policyLensRunning) return;
    flag.__policyLensRunning = true;
    ctx.onInvalidated(() => (flag.__policyLensRunning = false));

    const stored = await browser.storage.local.get(SITE_CHOICES_KEY);
    if (!shouldAnnotate(location.hostname, parseSiteChoices(stored[SITE_CHOICES_KEY]))) return;
    await runOnPage(ctx);
  },
});

async function runOnPage(ctx: ContentScriptContext): Promise<void> {
  let session: AbortController | undefined;
  let annotator: PageAnnotator | undefined;
  /** The reader switched this site off while the page was open: nothing starts again here. */
  let disabled = false;

  /** What the last annotation read, so a navigation waits until the page shows something new. */
  let lastArticle: string | undefined;

  /**
   * Starts on the page's article. After an in-site navigation the address may change before the
   * page draws the new article (routers that push first, Back redrawing on popstate): then the
   * article found is still the old one, and it is looked for again each time the page settles,
   * until it changes or the window closes (a navigation that really shows the same text).
   */
  const begin = async (afterNavigation: boolean) => {
    session?.abort();
    if (disabled) return;
    const current = new AbortController();
    session = current;
    ctx.onInvalidated(() => current.abort());
    annotator = new PageAnnotator({
      doc: document,
      signal: current.signal,
      uiLanguage: () => browser.i18n.getUILanguage(),
      send: (m) => browser.runtime.sendMessage(m),
    });
    const deadline = Date.now() + LATE_ARTICLE_WINDOW_MS;
    const sameTextUntil = Date.now() + SAME_ARTICLE_WINDOW_MS;
    const attempt = async (): Promise<boolean> => {
      const unless = afterNavigation && Date.now() < sameTextUntil ? lastArticle : undefined;
      const started = await safeStart(annotator!, unless);
      if (started) lastArticle = annotator!.articleSignature;
      return started;
    };
    if (!afterNavigation && (await attempt())) return;
    // no (new) article yet: it may still be rendering; look again when the page settles
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(settled, SETTLE_MS);
    });
    const settled = async () => {
      if (current.signal.aborted || annotator?.annotated) return observer.disconnect();
      if ((await attempt()) || Date.now() > deadline + SETTLE_MS) observer.disconnect();
    };
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
    // a navigation that changes nothing more on the page still settles, and is annotated once the
    // wait for a new article is over
    timer = setTimeout(settled, SETTLE_MS);
    const lastTry = afterNavigation ? setTimeout(settled, SAME_ARTICLE_WINDOW_MS + 50) : undefined;
    current.signal.addEventListener("abort", () => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(lastTry);
    });
  };

  // in-site navigation without a reload: start again on the new article
  ctx.addEventListener(window, "wxt:locationchange", () => void begin(true));

  const onMessage = (message: unknown, sender: { id?: string }): Promise<PageAnnotations | { ok: boolean }> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const fromPopup = parsePopupToContent(message);
    if (fromPopup?.type === "get-page-annotations") {
      return Promise.resolve(
        annotator?.pageAnnotations() ?? { url: location.href, title: document.title, visible: true, annotations: [] },
      );
    }
    if (fromPopup?.type === "set-highlights-visible") {
      annotator?.setVisible(fromPopup.visible);
      return Promise.resolve({ ok: true });
    }
    if (fromPopup?.type === "focus-annotation") {
      annotator?.focusIndex(fromPopup.index);
      return Promise.resolve({ ok: true });
    }
    const fromBackground = parseBackgroundToContent(message);
    if (fromBackground?.type === "site-disabled") {
      disabled = true;
      session?.abort();
      annotator = undefined;
      return Promise.resolve({ ok: true });
    }
    if (fromBackground?.type === "note-selection") {
      annotator?.noteSelection();
      return Promise.resolve({ ok: true });
    }
    if (fromBackground?.type === "focus-selectors") {
      return Promise.resolve({ ok: annotator?.focusSelectors(fromBackground.selectors) ?? false });
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  await begin(false);
}

async function safeStart(annotator: PageAnnotator, unlessArticle?: string): Promise<boolean> {
  try {
    return await annotator.start(unlessArticle);
  } catch (error) {
    console.warn("[policy-lens] could not annotate this page", error);
    return false;
  }
}
