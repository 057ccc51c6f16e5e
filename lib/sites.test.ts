import { describe, expect, it } from "vitest";
import { GOVERNMENT_DOMAINS, governmentMatchPatterns, isGovernmentHost } from "./sites";

describe("isGovernmentHost", () => {
  it.each([
    ["baochinhphu.vn", true],
    ["www.baochinhphu.vn", true],
    ["en.baochinhphu.vn", true],
    ["chinhphu.vn", true],
    ["mofa.gov.vn", true],
    ["caobang.gov.vn", true],
    ["vnembassy-jp.mofa.gov.vn", true],
    ["BAOQUOCTE.VN", true],
    ["nhandan.vn.", true],
    ["tapchicongsan.org.vn", true],
    ["cand.com.vn", true],
    ["kenh14.vn", false],
    ["dantri.com.vn", false],
    ["notgov.vn", false],
    ["gov.vn.evil.com", false],
    ["fakebaochinhphu.vn", false],
    ["nhandan.com", false],
    ["localhost", false],
  ])("%s → %s", (host, expected) => {
    expect(isGovernmentHost(host)).toBe(expected);
  });
});

describe("GOVERNMENT_DOMAINS", () => {
  it("holds bare lower-case domains without duplicates", () => {
    expect(new Set(GOVERNMENT_DOMAINS).size).toBe(GOVERNMENT_DOMAINS.length);
    for (const d of GOVERNMENT_DOMAINS) expect(d).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });
  it("gives one valid match pattern per domain", () => {
    const patterns = governmentMatchPatterns();
    expect(patterns).toHaveLength(GOVERNMENT_DOMAINS.length);
    for (const p of patterns) expect(p).toMatch(/^\*:\/\/\*\.[a-z0-9.-]+\/\*$/);
  });
});
