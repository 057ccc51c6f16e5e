import { render } from "preact";
import { browser } from "wxt/browser";
import { Popup } from "@/components/Popup";
import type { PageAnnotations, PopupToContent } from "@/lib/messages";
import "./style.css";

/** The tab to show: the active one, or `?tab=ID` when the panel is opened in a tab of its own. */
async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get("tab");
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function loadPage(): Promise<PageAnnotations | null> {
  const tabId = await targetTabId();
  if (tabId === undefined) return null;
  const request: PopupToContent = { type: "get-page-annotations" };
  try {
    const page = (await browser.tabs.sendMessage(tabId, request)) as PageAnnotations | undefined;
    return page && page.annotations.length > 0 ? page : null;
  } catch {
    return null; // no content script on this page
  }
}

render(<Popup loadPage={loadPage} />, document.getElementById("app")!);
