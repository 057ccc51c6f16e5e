// The review panel's entry: finds the tab it is about (the active one, or `?tab=ID` when the panel
// is opened in a tab of its own), and gives ReviewApp the store (this extension page reads the
// Dexie database directly) and the browser calls it needs.
import { render } from "preact";
import { ExportMenu } from "@/components/ExportMenu";
import { browser } from "wxt/browser";
import { ReviewApp, type PanelHost } from "@/components/ReviewApp";
import { storeFor } from "@/components/panel-data";
import { languageOf } from "@/lib/i18n";
import type { PageAnnotations, PopupToBackground, PopupToContent, WriteResult } from "@/lib/messages";
import { parseSiteChoices, SITE_CHOICES_KEY } from "@/lib/settings";
import { getDatabase } from "@/lib/store/schema";
import "./style.css";

const tabParam = new URLSearchParams(location.search).get("tab");
/** Opened as the toolbar popup (not in a tab of its own): it closes after a jump to a passage. */
const asPopup = tabParam === null;

async function targetTab(): Promise<PanelHost["tab"]> {
  if (tabParam !== null && /^\d+$/.test(tabParam)) {
    const id = Number(tabParam);
    const tab = await browser.tabs.get(id).catch(() => undefined);
    return { id, ...(tab?.url ? { url: tab.url } : {}), ...(tab?.title ? { title: tab.title } : {}) };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  return { id: tab.id, ...(tab.url ? { url: tab.url } : {}), ...(tab.title ? { title: tab.title } : {}) };
}

function toContent(tabId: number, message: PopupToContent): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message);
}

async function toBackground(message: PopupToBackground): Promise<void> {
  const result = (await browser.runtime.sendMessage(message)) as WriteResult | undefined;
  if (result && result.ok === false) throw new Error(result.detail ?? result.error);
}

const closeIfPopup = () => {
  if (asPopup) window.close();
};

async function main() {
  const lang = languageOf(browser.i18n.getUILanguage());
  document.documentElement.lang = lang;
  const tab = await targetTab().catch(() => null);
  const host: PanelHost = {
    tab,
    async getPageAnnotations() {
      if (!tab) return null;
      try {
        return ((await toContent(tab.id, { type: "get-page-annotations" })) as PageAnnotations | undefined) ?? null;
      } catch {
        return null; // no content script on this page
      }
    },
    async setHighlightsVisible(visible) {
      if (tab) await toContent(tab.id, { type: "set-highlights-visible", visible });
    },
    async focusLive(index) {
      if (!tab) return;
      await toContent(tab.id, { type: "focus-annotation", index });
      closeIfPopup();
    },
    async openAnnotation(id) {
      await toBackground({ type: "open-annotation", id });
      closeIfPopup();
    },
    async readSiteChoices() {
      const stored = await browser.storage.local.get(SITE_CHOICES_KEY);
      return parseSiteChoices(stored[SITE_CHOICES_KEY]);
    },
    watchSiteChoices(listener) {
      const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === "local" && SITE_CHOICES_KEY in changes) listener(parseSiteChoices(changes[SITE_CHOICES_KEY]?.newValue));
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
    },
    requestOrigins(origins) {
      return browser.permissions.request({ origins });
    },
    setSite(hostName, choice) {
      return toBackground({ type: "set-site", host: hostName, choice, ...(tab ? { tabId: tab.id } : {}) });
    },
  };
  const db = getDatabase();
  render(
    <ReviewApp
      store={storeFor(db)}
      host={host}
      lang={lang}
      renderExport={({ pageUrl, query }) => (
        <ExportMenu db={db} {...(pageUrl ? { pageUrl } : {})} filter={query} language={lang} heading={false} />
      )}
    />,
    document.getElementById("app")!,
  );
}

void main();
