import { describe, expect, it } from "vitest";
import {
  countKinds,
  parseBackgroundToContent,
  parseContentToBackground,
  parsePopupToBackground,
  parsePopupToContent,
} from "./messages";

describe("parseContentToBackground", () => {
  const text = "Chiều 16/3, Thủ tướng yêu cầu.";
  const visit = { type: "annotate-page", page: { url: "https://baochinhphu.vn/a.htm", title: "T", articleDate: "2023-03-17" }, text, from: 0 };
  it("accepts a visit and drops extra fields", () => {
    expect(parseContentToBackground({ ...visit, evil: "<script>" })).toEqual(visit);
    // a part of a long page: [from, to) of the text
    expect(parseContentToBackground({ ...visit, from: 2, to: 10, continued: true })).toEqual({ ...visit, from: 2, to: 10, continued: true });
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
    ["a non-string text", { ...visit, text: 42 }],
    ["an array", [visit]],
  ])("rejects %s", (_label, message) => {
    expect(parseContentToBackground(message)).toBeNull();
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
