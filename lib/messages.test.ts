import { describe, expect, it } from "vitest";
import {
  countKinds,
  parseAnnotation,
  parseBackgroundToContent,
  parseContentToBackground,
  parsePopupToBackground,
  parsePopupToContent,
} from "./messages";

describe("parseContentToBackground", () => {
  const good = { type: "page-annotated", url: "https://baochinhphu.vn/a.htm", title: "T", counts: { leader: 1, directive: 0, number: 3 } };
  it("accepts the expected shape and drops extra fields", () => {
    expect(parseContentToBackground({ ...good, evil: "<script>" })).toEqual(good);
  });
  it.each([
    ["null", null],
    ["a string", "page-annotated"],
    ["an unknown type", { ...good, type: "delete-everything" }],
    ["a negative count", { ...good, counts: { leader: -1, directive: 0, number: 0 } }],
    ["a fractional count", { ...good, counts: { leader: 0.5, directive: 0, number: 0 } }],
    ["a missing count", { ...good, counts: { leader: 1, directive: 0 } }],
    ["a non-string url", { ...good, url: 42 }],
    ["a huge title", { ...good, title: "x".repeat(10_000) }],
    ["an array", [good]],
  ])("rejects %s", (_label, message) => {
    expect(parseContentToBackground(message)).toBeNull();
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

describe("parseAnnotation", () => {
  const leader = { kind: "leader", start: 0, end: 9, text: "Thủ tướng", name: "", title: "Thủ tướng", refersTo: "Phạm Minh Chính" };
  const number = { kind: "number", subkind: "money", start: 0, end: 8, text: "1 tỷ USD", value: 1e9, unit: "USD", approx: "about" };
  const doc = { kind: "directive", subkind: "document", start: 0, end: 8, text: "Chỉ thị 15", docType: "Chỉ thị", code: "15" };
  it.each([
    ["a leader", leader],
    ["a number", number],
    ["a document", doc],
    ["an instruction", { kind: "directive", subkind: "instruction", start: 0, end: 3, text: "abc", speaker: "Thủ tướng", verb: "yêu cầu" }],
  ])("accepts %s", (_l, a) => {
    expect(parseAnnotation({ ...a, extra: "<img onerror=alert(1)>" })).toEqual(a);
  });
  it.each([
    ["an unknown kind", { ...leader, kind: "person" }],
    ["end before start", { ...leader, start: 5, end: 2 }],
    ["a non-string name", { ...leader, name: 3 }],
    ["an unknown number subkind", { ...number, subkind: "weight" }],
    ["an infinite value", { ...number, value: Infinity }],
    ["an unknown approx", { ...number, approx: "roughly" }],
    ["a document without type", { ...doc, docType: undefined }],
    ["huge text", { ...leader, text: "x".repeat(50_000) }],
  ])("rejects %s", (_l, a) => {
    expect(parseAnnotation(a)).toBeNull();
  });
});

describe("annotation-action, popup and background messages", () => {
  const annotation = { kind: "number", subkind: "percent", start: 0, end: 4, text: "6,5%", value: 6.5 };
  it("accepts a card action with a valid annotation only", () => {
    expect(parseContentToBackground({ type: "annotation-action", action: "star", pageUrl: "https://a.gov.vn/x", annotation })).toMatchObject({ action: "star" });
    expect(parseContentToBackground({ type: "annotation-action", action: "delete-all", pageUrl: "https://a.gov.vn/x", annotation })).toBeNull();
    expect(parseContentToBackground({ type: "annotation-action", action: "note", pageUrl: "https://a.gov.vn/x", annotation: { kind: "x" } })).toBeNull();
  });
  it("checks popup messages", () => {
    expect(parsePopupToContent({ type: "set-highlights-visible", visible: false })).toEqual({ type: "set-highlights-visible", visible: false });
    expect(parsePopupToContent({ type: "set-highlights-visible", visible: "no" })).toBeNull();
    expect(parsePopupToContent({ type: "focus-annotation", index: 3 })).toEqual({ type: "focus-annotation", index: 3 });
    expect(parsePopupToContent({ type: "focus-annotation", index: -1 })).toBeNull();
    expect(parsePopupToBackground({ type: "set-site", host: "kenh14.vn", choice: "on", tabId: 4 })).toEqual({ type: "set-site", host: "kenh14.vn", choice: "on", tabId: 4 });
    expect(parsePopupToBackground({ type: "set-site", host: "evil.com/<x>", choice: "on" })).toBeNull();
    expect(parsePopupToBackground({ type: "set-site", host: "kenh14.vn", choice: "maybe" })).toBeNull();
    expect(parseBackgroundToContent({ type: "site-disabled" })).toEqual({ type: "site-disabled" });
    expect(parseBackgroundToContent({ type: "other" })).toBeNull();
  });
});
