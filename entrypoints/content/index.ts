import "./style.css";
import { browser } from "wxt/browser";
import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { languageOf, translator } from "@/lib/i18n";
import { parseBackgroundToContent, parsePopupToContent, type PageAnnotations } from "@/lib/messages";
import { parseSiteChoices, shouldAnnotate, SITE_CHOICES_KEY } from "@/lib/settings";
import { governmentMatchPatterns } from "@/lib/sites";
import { PageAnnotator } from "./annotator";

/** How long to keep looking for an article that a page renders late (single-page apps). */
const LATE_ARTICLE_WINDOW_MS = 15_000;

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
  const t = translator(languageOf(browser.i18n.getUILanguage()));
  let session: AbortController | undefined;
  let annotator: PageAnnotator | undefined;

  const begin = async () => {
    session?.abort();
    const current = new AbortController();
    session = current;
    ctx.onInvalidated(() => current.abort());
    annotator = new PageAnnotator({ doc: document, signal: current.signal, t, send: (m) => browser.runtime.sendMessage(m) });
    if (await safeStart(annotator)) return;
    // no article yet: it may still be rendering; look again when the page settles
    const deadline = Date.now() + LATE_ARTICLE_WINDOW_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        if (current.signal.aborted || annotator?.annotated) return observer.disconnect();
        if (Date.now() > deadline || (await safeStart(annotator!))) observer.disconnect();
      }, 500);
    });
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
    current.signal.addEventListener("abort", () => {
      observer.disconnect();
      clearTimeout(timer);
    });
  };

  // in-site navigation without a reload: start again on the new article
  ctx.addEventListener(window, "wxt:locationchange", () => void begin());

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

  await begin();
}

async function safeStart(annotator: PageAnnotator): Promise<boolean> {
  try {
    return await annotator.start();
  } catch (error) {
    console.warn("[policy-lens] could not annotate this page", error);
    return false;
  }
}
