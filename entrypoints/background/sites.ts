// Where the content script runs beyond the government sites: hosts the reader switched on,
// registered at run time once the reader granted the permission.
import { browser } from "wxt/browser";
import type { BackgroundToContent, PopupToBackground, WriteResult } from "@/lib/messages";
import { hostKey, originPatterns, parseSiteChoices, SITE_CHOICES_KEY, type SiteChoices } from "@/lib/settings";
import { isGovernmentHost } from "@/lib/sites";

const SITES_SCRIPT_ID = "policy-lens-reader-sites";
const CONTENT_JS = "/content-scripts/content.js";
const CONTENT_CSS = "/content-scripts/content.css";

async function readChoices(): Promise<SiteChoices> {
  const stored = await browser.storage.local.get(SITE_CHOICES_KEY);
  return parseSiteChoices(stored[SITE_CHOICES_KEY]);
}

export async function applySiteChoice(message: Extract<PopupToBackground, { type: "set-site" }>): Promise<WriteResult> {
  const host = hostKey(message.host);
  const choices = await readChoices();
  // a government site switched on again needs no entry: it is on by default
  if (message.choice === "on" && isGovernmentHost(host)) delete choices[host];
  else choices[host] = message.choice;
  await browser.storage.local.set({ [SITE_CHOICES_KEY]: choices });
  await syncSiteScripts(choices);
  if (message.tabId === undefined) return { ok: true };
  if (message.choice === "on") {
    try {
      await browser.scripting.insertCSS({ target: { tabId: message.tabId }, files: [CONTENT_CSS] });
      await browser.scripting.executeScript({ target: { tabId: message.tabId }, files: [CONTENT_JS] });
    } catch (error) {
      return { ok: false, error: "failed", detail: `could not start on this tab: ${String(error)}` };
    }
  } else {
    const off: BackgroundToContent = { type: "site-disabled" };
    await browser.tabs.sendMessage(message.tabId, off).catch(() => undefined);
  }
  return { ok: true };
}

/** One run-time content script for every non-government site the reader switched on and granted. */
export async function syncSiteScripts(known?: SiteChoices): Promise<void> {
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
