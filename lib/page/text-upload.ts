// The page's side of sending its text once (the background's is lib/page-texts.ts): what the
// background holds of this page view's text is tracked here, a long text goes ahead in page-text
// slices, each message carries only the text the background lacks, and a background that lost it
// (a stopped service worker) gets it again from where it says it holds.
import { isTextMissing, isTextReply, type ContentToBackground } from "../messages";

/**
 * At most this much text per message. Chromium serialises an extension message on the sending
 * thread, at 15–45 ms per million Vietnamese characters: this keeps a message to a few ms.
 */
export const UPLOAD_CHARS = 200_000;
/** How often the background may lose the text during one request before the page gives up. */
const MAX_LOSSES = 3;

/**
 * Where a slice of about `max` characters from `at` ends: never between the halves of a surrogate
 * pair (a lone half would come out of serialisation as U+FFFD), always past `at`.
 */
export function sliceEnd(text: string, at: number, max: number): number {
  const end = Math.min(text.length, at + Math.max(1, max));
  if (end >= text.length) return end;
  const c = text.charCodeAt(end - 1);
  if (c < 0xd800 || c > 0xdbff) return end;
  return end - 1 > at ? end - 1 : end + 1;
}

export class TextUpload {
  /** Characters of the text, from the start, that the background is known to hold. */
  private have = 0;

  constructor(
    /** This page view's text, for the background: made up by the page, new for each view. */
    readonly view: string,
    private readonly send: (message: ContentToBackground) => Promise<unknown>,
    private readonly chunkChars = UPLOAD_CHARS,
  ) {}

  /**
   * Sends the message `make(at, chunk)` builds for `text` (which only ever grows by appending):
   * first what it lacks beyond one message's worth in page-text slices, then the message with the
   * rest (`chunk`, from `at`). Answered "text missing", it sends the text again from where the
   * background says it holds; returns the message's reply.
   */
  async sendWithText(text: string, make: (at: number, chunk: string) => ContentToBackground): Promise<unknown> {
    for (let losses = 0; ; losses++) {
      while (text.length - this.have > this.chunkChars) {
        const end = sliceEnd(text, this.have, this.chunkChars);
        const reply = await this.send({ type: "page-text", view: this.view, at: this.have, chunk: text.slice(this.have, end) });
        if (!isTextReply(reply)) throw new Error("the background did not take the page text");
        if (!reply.ok && losses++ >= MAX_LOSSES) throw new Error("the background keeps losing the page text");
        this.have = Math.min(reply.have, text.length);
      }
      const reply = await this.send(make(this.have, text.slice(this.have)));
      if (!isTextMissing(reply)) {
        this.have = text.length;
        return reply;
      }
      if (losses >= MAX_LOSSES) throw new Error("the background keeps losing the page text");
      this.have = Math.min(reply.have, text.length);
    }
  }
}
