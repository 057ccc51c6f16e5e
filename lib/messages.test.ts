import { describe, expect, it } from "vitest";
import {
  countKinds,
  isTextMissing,
  isTextReply,
  parseBackgroundToContent,
  parseContentToBackground,
  parsePopupToBackground,
  parsePopupToContent,
} from "./messages";

describe("parseContentToBackground", () => {
  const text = "Chiều 16/3, Thủ tướng yêu cầu.";
  const page = { url: "https://baochinhphu.vn/a.htm", title: "T", articleDate: "2023-03-17" };
  const visit = { type: "annotate-page", page, view: "v-1", at: 0, chunk: text, length: text.length, from: 0 };
  it("accepts a visit and drops extra fields", () => {
    expect(parseContentToBackground({ ...visit, evil: "<script>" })).toEqual(visit);
    // a part of a long page: [from, to) of the text
    expect(parseContentToBackground({ ...visit, from: 2, to: 10, continued: true })).toEqual({ ...visit, from: 2, to: 10, continued: true });
    // the background holds the text up to `at` already (uploaded, or sent with an earlier part)
    const rest = { ...visit, at: 12, chunk: text.slice(12), from: 12 };
    expect(parseContentToBackground(rest)).toEqual(rest);
    const nothingNew = { ...visit, at: text.length, chunk: "", from: 12, to: 20 };
    expect(parseContentToBackground(nothingNew)).toEqual(nothingNew);
  });
  it("accepts a slice of the text ahead of a visit", () => {
    const slice = { type: "page-text", view: "v-1", at: 200, chunk: text };
    expect(parseContentToBackground({ ...slice, page })).toEqual(slice);
  });
  it.each([
    ["null", null],
    ["a string", "annotate-page"],
    ["an unknown type", { ...visit, type: "delete-everything" }],
    ["a page that is not http", { ...visit, page: { url: "javascript:alert(1)", title: "T" } }],
    ["a bad article date", { ...visit, page: { ...visit.page, articleDate: "17/03/2023" } }],
    ["a batch starting beyond the text", { ...visit, from: 999 }],
    ["a batch starting nowhere", { ...visit, from: -1 }],
    ["a fractional start", { ...visit, from: 1.5 }],
    ["a continued flag that is not a boolean", { ...visit, continued: "yes" }],
    ["a part ending before it starts", { ...visit, from: 2, to: 1 }],
    ["a part ending beyond the text", { ...visit, to: 999 }],
    ["a part end that is not a count", { ...visit, to: "3" }],
    ["a non-string chunk", { ...visit, chunk: 42 }],
    ["a chunk that does not end the text", { ...visit, length: text.length + 1 }],
    ["a chunk running past the text", { ...visit, at: 1 }],
    ["no view", { ...visit, view: undefined }],
    ["a view that is not an id", { ...visit, view: "../x" }],
    ["a slice with a negative start", { type: "page-text", view: "v-1", at: -1, chunk: text }],
    ["a slice without a view", { type: "page-text", at: 0, chunk: text }],
    ["a slice past the largest text", { type: "page-text", view: "v-1", at: 50_000_000, chunk: text }],
    ["an array", [visit]],
  ])("rejects %s", (_label, message) => {
    expect(parseContentToBackground(message)).toBeNull();
  });
  it.each([
    [{ ok: true, have: 10 }, true, false],
    [{ ok: false, error: "text-missing", have: 0 }, true, true],
    [{ ok: false, error: "failed", have: 0 }, false, false],
    [{ ok: true, have: -1 }, false, false],
    [{ annotations: [], ids: [], visit: { ok: true, records: [] } }, false, false],
    [undefined, false, false],
  ])("tells a text reply %j (reply %s, missing %s)", (reply, isReply, missing) => {
    expect(isTextReply(reply)).toBe(isReply);
    expect(isTextMissing(reply)).toBe(missing);
  });
  it("accepts a request for the card's UI, and nothing with it", () => {
    expect(parseContentToBackground({ type: "load-card-ui", files: ["/evil.js"] })).toEqual({ type: "load-card-ui" });
  });
  it("checks updates and notes", () => {
    expect(parseContentToBackground({ type: "update-annotation", id: "a-1", patch: { starred: true, extra: 1 } })).toEqual({ type: "update-annotation", id: "a-1", patch: { starred: true } });
    expect(parseContentToBackground({ type: "update-annotation", id: "a-1", patch: {} })).toBeNull();
    expect(parseContentToBackground({ type: "update-annotation", id: "a-1", patch: { status: "deleted" } })).toBeNull();
    expect(parseContentToBackground({ type: "update-annotation", id: "../../x", patch: { starred: true } })).toBeNull();
    const selectors = { quote: { type: "TextQuoteSelector", exact: "16/3", prefix: "Chiều ", suffix: ", Thủ" }, position: { type: "TextPositionSelector", start: 6, end: 10 } };
    const note = { type: "save-note", id: "n-1", page: visit.page, selectors, note: "<b>x</b>" };
    expect(parseContentToBackground(note)).toEqual(note);
    expect(parseContentToBackground({ ...note, selectors: { ...selectors, quote: { ...selectors.quote, exact: "  " } } })).toBeNull();
  });
});

describe("parsePopupToContent", () => {
  it("accepts get-page-annotations only", () => {
    expect(parsePopupToContent({ type: "get-page-annotations" })).toEqual({ type: "get-page-annotations" });
    expect(parsePopupToContent({ type: "page-annotated" })).toBeNull();
    expect(parsePopupToContent(undefined)).toBeNull();
  });
});

describe("countKinds", () => {
  it("counts each kind", () => {
    const a = (kind: "leader" | "number") => ({ kind, start: 0, end: 1, text: "x" }) as never;
    expect(countKinds([a("leader"), a("number"), a("number")])).toEqual({ leader: 1, directive: 0, number: 2 });
  });
});

describe("popup and background messages", () => {
  it("checks popup messages", () => {
    expect(parsePopupToContent({ type: "set-highlights-visible", visible: false })).toEqual({ type: "set-highlights-visible", visible: false });
    expect(parsePopupToContent({ type: "set-highlights-visible", visible: "no" })).toBeNull();
    expect(parsePopupToContent({ type: "focus-annotation", index: 3 })).toEqual({ type: "focus-annotation", index: 3 });
    expect(parsePopupToContent({ type: "focus-annotation", index: -1 })).toBeNull();
    expect(parsePopupToBackground({ type: "set-site", host: "kenh14.vn", choice: "on", tabId: 4 })).toEqual({ type: "set-site", host: "kenh14.vn", choice: "on", tabId: 4 });
    expect(parsePopupToBackground({ type: "set-site", host: "evil.com/<x>", choice: "on" })).toBeNull();
    expect(parsePopupToBackground({ type: "set-site", host: "kenh14.vn", choice: "maybe" })).toBeNull();
    expect(parsePopupToBackground({ type: "open-annotation", id: "abc" })).toEqual({ type: "open-annotation", id: "abc" });
    expect(parsePopupToBackground({ type: "open-annotation", id: "" })).toBeNull();
  });
  it("checks background messages", () => {
    expect(parseBackgroundToContent({ type: "site-disabled" })).toEqual({ type: "site-disabled" });
    expect(parseBackgroundToContent({ type: "note-selection" })).toEqual({ type: "note-selection" });
    expect(parseBackgroundToContent({ type: "focus-selectors", selectors: { quote: {}, position: {} } })).toBeNull();
    expect(parseBackgroundToContent({ type: "other" })).toBeNull();
  });
});
