import { browser } from "wxt/browser";
import { parseContentToBackground } from "@/lib/messages";

export default defineBackground(() => {
  const action = browser.action ?? browser.browserAction;
  browser.runtime.onMessage.addListener((raw, sender) => {
    if (sender.id !== browser.runtime.id) {
      console.warn("[policy-lens] ignored a message from another extension", sender.id);
      return undefined;
    }
    const message = parseContentToBackground(raw);
    if (!message) {
      console.warn("[policy-lens] rejected a malformed message", raw);
      return undefined;
    }
    const tabId = sender.tab?.id;
    if (tabId === undefined) return undefined;
    const total = message.counts.leader + message.counts.directive + message.counts.number;
    void action.setBadgeText({ tabId, text: total > 0 ? String(Math.min(total, 999)) : "" });
    void action.setBadgeBackgroundColor({ tabId, color: "#b71c1c" });
    return undefined;
  });
});
