import { describe, expect, it } from "vitest";
import type { ContentToBackground } from "../messages";
import { frameKey, PageTexts } from "../page-texts";
import { sliceEnd, TextUpload } from "./text-upload";

/** A background as entrypoints/background has it: a PageTexts, and an annotate-page that answers with the whole text. */
function fakeBackground() {
  const frame = frameKey(4, 0);
  const bg = {
    texts: new PageTexts(),
    sent: [] as ContentToBackground[],
    /** Called before each message is handled: a test stops the "service worker" there. */
    before: (_m: ContentToBackground, _i: number) => {},
    async send(m: ContentToBackground): Promise<unknown> {
      bg.before(m, bg.sent.length);
      bg.sent.push(m);
      if (m.type === "page-text") return bg.texts.put(frame, m.view, m.at, m.chunk);
      if (m.type !== "annotate-page") throw new Error(m.type);
      const text = bg.texts.textOf(frame, m);
      return typeof text === "string" ? { text, from: m.from } : text;
    },
  };
  return bg;
}

const annotate = (from: number) => (at: number, chunk: string): ContentToBackground => ({
  type: "annotate-page",
  page: { url: "https://baochinhphu.vn/a.htm", title: "T" },
  view: "v",
  at,
  chunk,
  length: at + chunk.length,
  from,
});
const charsSent = (sent: ContentToBackground[]) => sent.reduce((n, m) => n + ("chunk" in m ? m.chunk.length : 0), 0);

describe("sliceEnd", () => {
  it.each([
    ["a plain cut", "abcdef", 0, 4, 4],
    ["the end of the text", "abcdef", 4, 4, 6],
    ["a cut inside a surrogate pair moves before it", "abc😀def", 0, 4, 3],
    ["a cut after the pair stays", "abc😀def", 0, 5, 5],
    ["a pair at the slice's start: the slice takes it whole", "😀abc", 0, 1, 2],
    ["a slice always moves on", "abc", 1, 0, 2],
  ])("%s", (_label, text, at, max, end) => {
    expect(sliceEnd(text, at, max)).toBe(end);
  });
});

describe("TextUpload", () => {
  it("sends a short text with its message, in one message", async () => {
    const bg = fakeBackground();
    const upload = new TextUpload("v", bg.send, 10);
    expect(await upload.sendWithText("Thủ tướng", annotate(0))).toEqual({ text: "Thủ tướng", from: 0 });
    expect(bg.sent).toHaveLength(1);
  });

  it("sends a long text once: slices ahead of the first message, nothing again with later ones", async () => {
    const bg = fakeBackground();
    const upload = new TextUpload("v", bg.send, 10);
    const text = "0123456789".repeat(4) + "abc";
    expect(await upload.sendWithText(text, annotate(0))).toEqual({ text, from: 0 });
    expect(bg.sent.map((m) => m.type)).toEqual(["page-text", "page-text", "page-text", "page-text", "annotate-page"]);
    expect(await upload.sendWithText(text, annotate(20))).toEqual({ text, from: 20 });
    expect(charsSent(bg.sent)).toBe(text.length);
    // late content appended: only the new text goes
    const longer = `${text}\n\nmore`;
    expect(await upload.sendWithText(longer, annotate(text.length + 2))).toEqual({ text: longer, from: text.length + 2 });
    expect(charsSent(bg.sent)).toBe(longer.length);
  });

  it("never cuts a surrogate pair between two messages (a lone half would not survive serialisation)", async () => {
    const bg = fakeBackground();
    const text = "123456789😀".repeat(5);
    await new TextUpload("v", bg.send, 10).sendWithText(text, annotate(0));
    for (const m of bg.sent) if ("chunk" in m) expect(m.chunk).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });

  it("sends the text again when the background lost it (a stopped service worker), and only then", async () => {
    const bg = fakeBackground();
    const upload = new TextUpload("v", bg.send, 10);
    const text = "0123456789".repeat(3);
    await upload.sendWithText(text, annotate(0));
    const before = bg.sent.length;
    bg.before = (_m, i) => {
      if (i === before) bg.texts = new PageTexts(); // stopped before the next part's message
    };
    expect(await upload.sendWithText(text, annotate(10))).toEqual({ text, from: 10 });
    expect(bg.sent.slice(before).map((m) => m.type)).toEqual(["annotate-page", "page-text", "page-text", "annotate-page"]);
    expect(charsSent(bg.sent)).toBe(2 * text.length);
  });

  it("goes on from where the background stands when it lost the text mid-upload", async () => {
    const bg = fakeBackground();
    bg.before = (_m, i) => {
      if (i === 2) bg.texts = new PageTexts();
    };
    const text = "0123456789".repeat(4);
    expect(await new TextUpload("v", bg.send, 10).sendWithText(text, annotate(0))).toEqual({ text, from: 0 });
  });

  it("gives up, with an error, on a background that keeps losing the text", async () => {
    const bg = fakeBackground();
    bg.before = () => {
      bg.texts = new PageTexts();
    };
    await expect(new TextUpload("v", bg.send, 10).sendWithText("0123456789".repeat(3), annotate(0))).rejects.toThrow(/keeps losing/);
    expect(bg.sent.length).toBeLessThan(20);
  });

  it("fails clearly on a reply that is not about the text", async () => {
    const upload = new TextUpload("v", async () => undefined, 10);
    await expect(upload.sendWithText("0123456789".repeat(3), annotate(0))).rejects.toThrow(/did not take/);
  });
});
