import { describe, expect, it } from "vitest";
import { countKinds, parseContentToBackground, parsePopupToContent } from "./messages";

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
