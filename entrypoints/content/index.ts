import "./style.css";
import { browser } from "wxt/browser";
import { countKinds, parsePopupToContent, type ContentToBackground, type PageAnnotations } from "@/lib/messages";
import { governmentMatchPatterns } from "@/lib/sites";
import { annotateDocument, clearHighlights, type PageResult } from "./annotate";

export default defineContentScript({
  matches: governmentMatchPatterns(),
  runAt: "document_idle",
  main(ctx) {
    let result: PageResult | null = null;
    try {
      result = annotateDocument(document);
    } catch (error) {
      console.warn("[policy-lens] could not annotate this page", error);
    }
    ctx.onInvalidated(clearHighlights);

    const onMessage = (message: unknown, sender: { id?: string }): Promise<PageAnnotations> | undefined => {
      if (sender.id !== browser.runtime.id || !parsePopupToContent(message)) return undefined;
      return Promise.resolve({
        url: location.href,
        title: result?.title ?? document.title,
        articleDate: result?.articleDate,
        annotations: result?.annotations ?? [],
      });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    if (result) {
      const message: ContentToBackground = {
        type: "page-annotated",
        url: location.href,
        title: result.title.slice(0, 2048),
        counts: countKinds(result.annotations),
      };
      browser.runtime.sendMessage(message).catch(() => {
        // the background may be restarting; the badge is a convenience, the page is annotated
      });
    }
  },
});
