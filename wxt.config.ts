import preact from "@preact/preset-vite";
import { defineConfig } from "wxt";
import { governmentMatchPatterns } from "./lib/sites";

// Chrome gets MV3; Firefox keeps WXT's default MV2 build, whose host permissions are granted at
// install time (Firefox MV3 makes them opt-in, which would leave the content script dormant).
export default defineConfig({
  modules: ["@wxt-dev/webextension-polyfill"],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ manifestVersion }) => ({
    name: "__MSG_extName__",
    description: "__MSG_extDescription__",
    default_locale: "en",
    // activeTab: the panel reads the current tab's address to offer switching its site on
    permissions: ["storage", "unlimitedStorage", "scripting", "contextMenus", "activeTab"],
    commands: {
      "note-selection": { suggested_key: { default: "Alt+Shift+S" }, description: "__MSG_noteSelectionCommand__" },
    },
    // other sites only when the reader switches them on from the popup
    // the sites the content script runs on anyway: also lets the background find their tabs by URL
    // (to take the reader to a stored passage in the tab already open)
    host_permissions: governmentMatchPatterns(),
    ...(manifestVersion === 3 ? { optional_host_permissions: ["*://*/*"] } : { optional_permissions: ["*://*/*"] }),
    minimum_chrome_version: "105", // CSS Custom Highlight API
    content_security_policy:
      manifestVersion === 3
        ? { extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'" }
        : "script-src 'self'; object-src 'none'; base-uri 'none'",
    browser_specific_settings: {
      gecko: {
        id: "policy-lens@vn-policy-lens.org",
        strict_min_version: "140.0",
        data_collection_permissions: { required: ["none"] },
      },
    },
  }),
});
