// The article text of each page view, held by the background, so that a page sends its text once:
// a long page uploads it in slices (no message is big enough to hold the page's thread), later
// parts and late content send only what is new. The background keeps it in memory only; a service
// worker that was stopped has lost it and says what it holds, and the page sends the rest again.

import type { TextMissing, TextReply } from "./messages";

interface Held {
  view: string;
  text: string;
}

/** Page texts by frame (tab and frame id): one page view each, the least recently used dropped past `maxChars`. */
export class PageTexts {
  // a Map iterates in insertion order: re-inserting on use keeps the least recently used first
  private readonly byFrame = new Map<string, Held>();
  private chars = 0;

  constructor(private readonly maxChars = 16_000_000) {}

  /**
   * Writes `chunk` at `at` of the view's text; the text then ends where the chunk does. A chunk
   * past the end of what is held (a gap: the background restarted, or the frame moved on to
   * another view) is refused with the length held, for the page to send from there.
   */
  put(frame: string, view: string, at: number, chunk: string): TextReply {
    const held = this.byFrame.get(frame);
    const known = held?.view === view ? held.text : "";
    if (at > known.length) return { ok: false, error: "text-missing", have: known.length };
    const text = at === known.length ? known + chunk : known.slice(0, at) + chunk;
    this.drop(frame);
    this.byFrame.set(frame, { view, text });
    this.chars += text.length;
    // the text just written is never the one dropped: the page is waiting on it
    for (const key of [...this.byFrame.keys()]) {
      if (this.chars <= this.maxChars || key === frame) break;
      this.drop(key);
    }
    return { ok: true, have: text.length };
  }

  /**
   * An annotate-page's whole text: its chunk written at `at`, the rest held from before. Missing
   * when the chunk leaves a gap (what the background held was lost).
   */
  textOf(frame: string, message: { view: string; at: number; chunk: string }): string | TextMissing {
    const put = this.put(frame, message.view, message.at, message.chunk);
    return put.ok ? this.byFrame.get(frame)!.text : put;
  }

  /** A closed tab's texts. */
  forgetTab(tabId: number): void {
    for (const key of [...this.byFrame.keys()]) if (key.startsWith(`${tabId}:`)) this.drop(key);
  }

  get heldChars(): number {
    return this.chars;
  }

  private drop(frame: string): void {
    const held = this.byFrame.get(frame);
    if (!held) return;
    this.chars -= held.text.length;
    this.byFrame.delete(frame);
  }
}

export const frameKey = (tabId: number, frameId: number) => `${tabId}:${frameId}`;
