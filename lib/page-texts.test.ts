import { describe, expect, it } from "vitest";
import { frameKey, PageTexts } from "./page-texts";

const tab1 = frameKey(1, 0);

describe("PageTexts", () => {
  it.each([
    // [label, puts, the last reply, the text held then]
    ["a text in one piece", [[0, "abc"]], { ok: true, have: 3 }, "abc"],
    ["slices in order", [[0, "ab"], [2, "cd"], [4, "e"]], { ok: true, have: 5 }, "abcde"],
    ["a slice sent again (its reply was lost)", [[0, "ab"], [2, "cd"], [2, "cd"]], { ok: true, have: 4 }, "abcd"],
    ["nothing new: the text is as held", [[0, "abcd"], [4, ""]], { ok: true, have: 4 }, "abcd"],
    ["a gap", [[0, "ab"], [5, "xy"]], { ok: false, error: "text-missing", have: 2 }, "ab"],
    ["a gap from the start (the background restarted)", [[3, "xy"]], { ok: false, error: "text-missing", have: 0 }, undefined],
  ] as const)("%s", (_label, puts, reply, held) => {
    const texts = new PageTexts();
    let last;
    for (const [at, chunk] of puts) last = texts.put(tab1, "v", at, chunk);
    expect(last).toEqual(reply);
    const text = texts.textOf(tab1, { view: "v", at: held?.length ?? 0, chunk: "" });
    expect(text).toEqual(held ?? "");
  });

  it("holds one view per frame: a new view (a navigation) starts from nothing", () => {
    const texts = new PageTexts();
    texts.put(tab1, "old", 0, "old text");
    expect(texts.put(tab1, "new", 8, "more")).toEqual({ ok: false, error: "text-missing", have: 0 });
    expect(texts.put(tab1, "new", 0, "new")).toEqual({ ok: true, have: 3 });
    expect(texts.heldChars).toBe(3);
    // the old view's late slice finds the new view's text: nothing of it is kept
    expect(texts.put(tab1, "old", 8, "more")).toEqual({ ok: false, error: "text-missing", have: 0 });
  });

  it("keeps frames and tabs apart, and forgets a closed tab", () => {
    const texts = new PageTexts();
    texts.put(frameKey(1, 0), "v", 0, "top");
    texts.put(frameKey(1, 7), "v", 0, "frame");
    texts.put(frameKey(11, 0), "v", 0, "other tab");
    texts.forgetTab(1);
    expect(texts.textOf(frameKey(1, 0), { view: "v", at: 3, chunk: "" })).toEqual({ ok: false, error: "text-missing", have: 0 });
    expect(texts.textOf(frameKey(11, 0), { view: "v", at: 9, chunk: "" })).toBe("other tab");
  });

  it("drops the least recently used texts past its limit, never the one being written", () => {
    const texts = new PageTexts(10);
    texts.put(frameKey(1, 0), "v", 0, "aaaa");
    texts.put(frameKey(2, 0), "v", 0, "bbbb");
    texts.textOf(frameKey(1, 0), { view: "v", at: 4, chunk: "" }); // tab 1 used: tab 2 is older now
    texts.put(frameKey(3, 0), "v", 0, "cccc");
    expect(texts.put(frameKey(2, 0), "v", 4, "")).toEqual({ ok: false, error: "text-missing", have: 0 });
    expect(texts.heldChars).toBeLessThanOrEqual(10);
    // a text over the limit on its own is still held: the page waits on it
    const big = new PageTexts(4);
    expect(big.put(tab1, "v", 0, "0123456789")).toEqual({ ok: true, have: 10 });
  });
});
