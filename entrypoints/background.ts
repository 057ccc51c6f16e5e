import { browser } from "wxt/browser";
import {
  parseContentToBackground,
  parsePopupToBackground,
  type BackgroundToContent,
  type ContentToBackground,
  type PopupToBackground,
  type WriteResult,
} from "@/lib/messages";
import { hostKey, originPatterns, parseSiteChoices, SITE_CHOICES_KEY, type SiteChoices } from "@/lib/settings";
import { isGovernmentHost } from "@/lib/sites";

const SITES_SCRIPT_ID = "policy-lens-reader-sites";
const CONTENT_JS = "/content-scripts/content.js";
const CONTENT_CSS = "/content-scripts/content.css";

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw, sender) => {
    // only this extension's own pages and content scripts are heard
    if (sender.id !== browser.runtime.id) {
      console.warn("[policy-lens] ignored a message from another extension", sender.id);
      return undefined;
    }
    if (sender.tab) {
      const message = parseContentToBackground(raw);
      if (!message) return reject(raw);
      return onContentMessage(message, sender.tab.id);
    }
    const message = parsePopupToBackground(raw);
    if (!message) return reject(raw);
    return onPopupMessage(message);
  });

  // registrations made for the reader's own sites survive restarts only where the browser keeps them
  browser.runtime.onStartup.addListener(() => void syncSiteScripts());
  browser.runtime.onInstalled.addListener(() => void syncSiteScripts());
});

function reject(raw: unknown): undefined {
  console.warn("[policy-lens] rejected a malformed message", raw);
  return undefined;
}

async function onContentMessage(message: ContentToBackground, tabId: number | undefined): Promise<WriteResult | undefined> {
  if (message.type === "page-annotated") {
    if (tabId === undefined) return undefined;
    const action = browser.action ?? browser.browserAction;
    const total = message.counts.leader + message.counts.directive + message.counts.number;
    await action.setBadgeText({ tabId, text: total > 0 ? String(Math.min(total, 999)) : "" });
    await action.setBadgeBackgroundColor({ tabId, color: "#b71c1c" });
    return undefined;
  }
  return { ok: false, error: "failed", detail: "the annotation store is not available yet" };
}

async function readChoices(): Promise<SiteChoices> {
  const stored = await browser.storage.local.get(SITE_CHOICES_KEY);
  return parseSiteChoices(stored[SITE_CHOICES_KEY]);
}

async function onPopupMessage(message: PopupToBackground): Promise<WriteResult> {
  const host = hostKey(message.host);
  const choices = await readChoices();
  // a government site switched on again needs no entry: it is on by default
  if (message.choice === "on" && isGovernmentHost(host)) delete choices[host];
  else choices[host] = message.choice;
  await browser.storage.local.set({ [SITE_CHOICES_KEY]: choices });
  await syncSiteScripts(choices);
  if (message.tabId !== undefined) {
    if (message.choice === "on") {
      await browser.scripting
        .insertCSS({ target: { tabId: message.tabId }, files: [CONTENT_CSS] })
        .then(() => browser.scripting.executeScript({ target: { tabId: message.tabId! }, files: [CONTENT_JS] }))
        .catch((error: unknown) => console.warn("[policy-lens] could not start on this tab", error));
    } else {
      const off: BackgroundToContent = { type: "site-disabled" };
      await browser.tabs.sendMessage(message.tabId, off).catch(() => undefined);
    }
  }
  return { ok: true };
}

/** One run-time content script for every non-government site the reader switched on and granted. */
async function syncSiteScripts(known?: SiteChoices): Promise<void> {
  const choices = known ?? (await readChoices());
  const wanted: string[] = [];
  for (const [host, choice] of Object.entries(choices)) {
    if (choice !== "on" || isGovernmentHost(host)) continue;
    const origins = originPatterns(host);
    if (await browser.permissions.contains({ origins })) wanted.push(...origins);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SITES_SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SITES_SCRIPT_ID] });
  if (wanted.length === 0) return;
  await browser.scripting.registerContentScripts([
    { id: SITES_SCRIPT_ID, matches: wanted, js: [CONTENT_JS], css: [CONTENT_CSS], runAt: "document_idle" },
  ]);
}
