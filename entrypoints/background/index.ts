import { browser } from "wxt/browser";
import { forgetTab, handleContentMessage, openAnnotation, pendingFocusFor } from "./annotations";
import { applySiteChoice, syncSiteScripts } from "./sites";
import { isTextMissing, parseBackgroundToContent, parseContentToBackground, parsePopupToBackground, type BackgroundToContent } from "@/lib/messages";
import { getDatabase } from "@/lib/store";

const NOTE_MENU_ID = "policy-lens-note-selection";

export default defineBackground(() => {
  const db = () => getDatabase();

  browser.runtime.onMessage.addListener((raw, sender) => {
    // only this extension's own pages and content scripts are heard
    if (sender.id !== browser.runtime.id) {
      console.warn("[policy-lens] ignored a message from another extension", sender.id);
      return undefined;
    }
    // a content script speaks from a web page in a tab; the extension's own pages speak from its
    // origin, also when one is open in a tab (the review panel as popup.html?tab=ID)
    const fromOwnPage = typeof sender.url === "string" && sender.url.startsWith(browser.runtime.getURL("/"));
    if (sender.tab?.id !== undefined && !fromOwnPage) {
      const message = parseContentToBackground(raw);
      if (!message) return rejectMessage(raw);
      const tabId = sender.tab.id;
      return handleContentMessage(db(), message, tabId, sender.frameId ?? 0).then(async (reply) => {
        if (message.type === "annotate-page" && !isTextMissing(reply)) await flushPendingFocus(tabId);
        return reply;
      });
    }
    const message = parsePopupToBackground(raw);
    if (!message) return rejectMessage(raw);
    if (message.type === "set-site") return applySiteChoice(message);
    return openAnnotation(db(), message.id);
  });

  browser.tabs.onRemoved.addListener((tabId) => forgetTab(tabId));

  // the reader's own note on selected text: context menu and keyboard shortcut
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: NOTE_MENU_ID, title: browser.i18n.getMessage("noteSelection"), contexts: ["selection"] });
    void syncSiteScripts();
  });
  browser.runtime.onStartup.addListener(() => void syncSiteScripts());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === NOTE_MENU_ID && tab?.id !== undefined) void askForNote(tab.id);
  });
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== "note-selection") return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await askForNote(tab.id);
  });
});

function rejectMessage(raw: unknown): undefined {
  console.warn("[policy-lens] rejected a malformed message", raw);
  return undefined;
}

async function askForNote(tabId: number): Promise<void> {
  const message: BackgroundToContent = { type: "note-selection" };
  await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
}

/** A jump asked for before the page was open: done once its content script has annotated it. */
async function flushPendingFocus(tabId: number): Promise<void> {
  const selectors = await pendingFocusFor(tabId);
  if (!selectors) return;
  const message = parseBackgroundToContent({ type: "focus-selectors", selectors });
  if (message) await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
}
