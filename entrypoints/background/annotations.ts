// The background's side of the page: store what content scripts send, show the count on the
// toolbar button, and take the reader to a stored passage.
import { browser } from "wxt/browser";
import type { Selectors } from "@/lib/anchor/selectors";
import type { AnnotateReply, BackgroundToContent, ContentToBackground, TextReply, WriteResult } from "@/lib/messages";
import { frameKey, PageTexts } from "@/lib/page-texts";
import { CARD_UI_FILE } from "@/entrypoints/content/card-ui";
import { canonicalUrl, type PolicyLensDB } from "@/lib/store";
import { annotatePage, saveNoteFromPage, updateFromPage } from "@/lib/store-service";

/** What each page view has sent of its text (memory only: a stopped service worker has lost it, and says so). */
const pageTexts = new PageTexts();

/** A closed tab's texts go. */
export function forgetTab(tabId: number): void {
  pageTexts.forgetTab(tabId);
}

/** In the background's own performance panel: the rules and the store, off the page's thread. */
const BACKGROUND_MEASURE = "policy-lens:background";

export async function handleContentMessage(db: PolicyLensDB, message: ContentToBackground, tabId: number, frameId = 0): Promise<AnnotateReply | TextReply | WriteResult> {
  switch (message.type) {
    case "load-card-ui":
      try {
        await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CARD_UI_FILE] });
        return { ok: true };
      } catch (error) {
        return { ok: false, error: "failed", detail: String(error) };
      }
    case "page-text":
      return pageTexts.put(frameKey(tabId, frameId), message.view, message.at, message.chunk);
    case "annotate-page": {
      const t0 = performance.now();
      const text = pageTexts.textOf(frameKey(tabId, frameId), message);
      if (typeof text !== "string") return text;
      const { page, from, to, continued } = message;
      const reply = await annotatePage(db, { page, text, from, to, continued }, Date.now(), (family, error) =>
        console.warn(`[policy-lens] the ${family} rules failed on ${page.url}`, error),
      );
      performance.measure(BACKGROUND_MEASURE, { start: t0, end: performance.now(), detail: { url: page.url, chars: (to ?? text.length) - from } });
      await setBadge(tabId, reply.annotations.length);
      return reply;
    }
    case "update-annotation":
      return updateFromPage(db, message);
    case "save-note":
      return saveNoteFromPage(db, message);
  }
}

async function setBadge(tabId: number, count: number): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  try {
    await action.setBadgeText({ tabId, text: count > 0 ? String(Math.min(count, 999)) : "" });
    await action.setBadgeBackgroundColor({ tabId, color: "#b71c1c" });
  } catch {
    // the tab may have closed meanwhile
  }
}

// A jump asked for before its page was open waits here until the page's content script has
// annotated it. Kept in session storage: a service worker stopped meanwhile still knows.
const PENDING_KEY = "pendingFocus";
const sessionArea = () => browser.storage.session ?? browser.storage.local;

async function setPendingFocus(tabId: number, selectors: Selectors): Promise<void> {
  const stored = (await sessionArea().get(PENDING_KEY))[PENDING_KEY] as Record<string, Selectors> | undefined;
  await sessionArea().set({ [PENDING_KEY]: { ...stored, [String(tabId)]: selectors } });
}

export async function pendingFocusFor(tabId: number): Promise<Selectors | undefined> {
  const stored = (await sessionArea().get(PENDING_KEY))[PENDING_KEY] as Record<string, Selectors> | undefined;
  const selectors = stored?.[String(tabId)];
  if (!selectors) return undefined;
  delete stored![String(tabId)];
  await sessionArea().set({ [PENDING_KEY]: stored });
  return selectors;
}

/** Activates the tab showing the annotation's page, or opens the page, then scrolls to it and flashes it. */
export async function openAnnotation(db: PolicyLensDB, id: string): Promise<WriteResult> {
  const record = await db.annotations.get(id);
  if (!record) return { ok: false, error: "failed", detail: "no such annotation" };
  const tabs = await browser.tabs.query({});
  const open = tabs.find((t) => t.url && safeCanonical(t.url) === record.pageUrl);
  const focus: BackgroundToContent = { type: "focus-selectors", selectors: record.selectors };
  if (open?.id !== undefined) {
    await browser.tabs.update(open.id, { active: true });
    if (open.windowId !== undefined) await browser.windows.update(open.windowId, { focused: true }).catch(() => undefined);
    const delivered = await browser.tabs.sendMessage(open.id, focus).then(
      () => true,
      () => false,
    );
    if (!delivered) await setPendingFocus(open.id, record.selectors);
    return { ok: true };
  }
  const created = await browser.tabs.create({ url: record.pageUrl, active: true });
  if (created.id !== undefined) await setPendingFocus(created.id, record.selectors);
  return { ok: true };
}

function safeCanonical(url: string): string | undefined {
  try {
    return canonicalUrl(url);
  } catch {
    return undefined;
  }
}
