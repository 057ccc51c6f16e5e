import { describe, expect, it } from "vitest";
import { hostKey, originPatterns, parseSiteChoices, shouldAnnotate } from "./settings";

describe("shouldAnnotate", () => {
  it.each([
    ["a government site by default", "baochinhphu.vn", {}, true],
    ["a government subdomain by default", "mofa.gov.vn", {}, true],
    ["another site by default", "kenh14.vn", {}, false],
    ["a government site switched off", "baochinhphu.vn", { "baochinhphu.vn": "off" }, false],
    ["www. counts as the same site", "www.baochinhphu.vn", { "baochinhphu.vn": "off" }, false],
    ["another site switched on", "kenh14.vn", { "kenh14.vn": "on" }, true],
    ["a choice for one site leaves others alone", "vov.vn", { "kenh14.vn": "on" }, true],
  ] as const)("%s", (_label, host, choices, expected) => {
    expect(shouldAnnotate(host, choices)).toBe(expected);
  });
});

describe("parseSiteChoices", () => {
  it("keeps valid choices and drops the rest", () => {
    expect(parseSiteChoices({ "a.vn": "on", "b.vn": "off", "c.vn": "maybe", "<x>": "on" })).toEqual({ "a.vn": "on", "b.vn": "off" });
    expect(parseSiteChoices(null)).toEqual({});
    expect(parseSiteChoices(["a.vn"])).toEqual({});
  });
});

describe("hostKey and originPatterns", () => {
  it("normalises hosts and covers the www. form", () => {
    expect(hostKey("WWW.Kenh14.VN.")).toBe("kenh14.vn");
    expect(originPatterns("www.kenh14.vn")).toEqual(["*://kenh14.vn/*", "*://www.kenh14.vn/*"]);
  });
});
