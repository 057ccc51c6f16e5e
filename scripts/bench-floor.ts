// The least any annotating content script can cost a page, for `npm run bench`: an MV3 extension
// whose content script does only what annotating cannot do without. After a painted frame (as
// ours waits for one) it reads the page's text with one native innerText read, sends it to its
// background in one message, and registers one highlight on the range the background names. No
// article detection, no text map, no store, no card. Measured the same way as ours (a Chrome
// trace, scripts/bench-trace.ts), it shows what part of our cost any content script pays anyway:
// a world's first run, an extension message and its reply, a highlight.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CONTENT_SCRIPT_PATH } from "./bench-trace";

/** The measure the floor's content script ends with: the same name as ours, so the trace reads both alike. */
const ANNOTATE = "policy-lens:annotate";

const MANIFEST = {
  manifest_version: 3,
  name: "policy-lens bench floor",
  version: "1.0.0",
  background: { service_worker: "background.js" },
  content_scripts: [{ matches: ["<all_urls>"], js: [CONTENT_SCRIPT_PATH], run_at: "document_idle" }],
  host_permissions: ["<all_urls>"],
};

// the background answers with the first word's span, as ours answers with the entities' spans
const BACKGROUND = `chrome.runtime.onMessage.addListener((message, sender, reply) => {
  const m = /\\S+/.exec(typeof message?.text === "string" ? message.text : "");
  reply(m ? { start: m.index, end: m.index + m[0].length } : null);
});
`;

const CONTENT = `(() => {
  const run = async () => {
    const t0 = performance.now();
    const text = document.body.innerText;
    const span = await chrome.runtime.sendMessage({ text });
    // the span's words, in the first text node that holds them (innerText keeps no way back to nodes)
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const word = span ? text.slice(span.start, span.end) : "";
    for (let node = walker.nextNode(); node && word; node = walker.nextNode()) {
      const at = node.data.indexOf(word);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      CSS.highlights.set("bench-floor", new Highlight(range));
      break;
    }
    performance.measure(${JSON.stringify(ANNOTATE)}, { start: t0, end: performance.now() });
  };
  // after a painted frame, as ours starts (100 ms at most, for a tab in the background)
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    setTimeout(run, 0);
  };
  requestAnimationFrame(start);
  setTimeout(start, 100);
})();
`;

/** Writes the floor extension into a temporary folder; `remove` deletes it. */
export function writeFloorExtension(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vpl-bench-floor-"));
  fs.mkdirSync(path.join(dir, path.dirname(CONTENT_SCRIPT_PATH)), { recursive: true });
  fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(MANIFEST, null, 2));
  fs.writeFileSync(path.join(dir, "background.js"), BACKGROUND);
  fs.writeFileSync(path.join(dir, CONTENT_SCRIPT_PATH), CONTENT);
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
