import fs from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { classWeight, furnitureName, unlikelyCandidate } from "./names";

// The regular expressions the word lists stand for: Readability's (Readability.js REGEXPS.positive
// and negative, Readability-readerable.js unlikelyCandidates and okMaybeItsACandidate), with the
// Vietnamese slugs, and the furniture words.
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|detail|noi-?dung|chi-?tiet|bai-?viet/i;
const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|lien-?quan|tin-?khac|doc-?nhieu|binh-?luan/i;
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE = /and|article|body|column|content|main|shadow/i;
const FURNITURE =
  /(?:^|[\s_-])(?:related|relate|other-?news|tin-?khac|tin-?lien-?quan|lien-?quan|share|sharing|social|tags?|keywords?|comments?|binh-?luan|breadcrumbs?|menu|navigation|pagination|pager|banner|marquee|advert|ads|sidebar|widget|read-?more|doc-?them|xem-?them|most-?read|doc-?nhieu|toolbar|follow|subscribe|rating|poll|cookie)(?:$|[\s_-])/i;

const weightByRegex = (names: string) => (NEGATIVE.test(names) ? -25 : 0) + (POSITIVE.test(names) ? 25 : 0);

// every class and id on the fixture pages, and names chosen to sit on the edges of the lists
const fixtures = path.resolve(import.meta.dirname, "../../tests/fixtures");
const files = [...(JSON.parse(fs.readFileSync(path.join(fixtures, "pages.json"), "utf8")) as { file: string }[]), ...(JSON.parse(fs.readFileSync(path.join(fixtures, "e2e-pages.json"), "utf8")) as { file?: string }[])]
  .map((p) => p.file)
  .filter((f): f is string => !!f);
const fromPages = new Set<string>();
for (const f of files) {
  const { document } = parseHTML(fs.readFileSync(path.join(fixtures, f), "utf8"));
  for (const el of Array.from(document.querySelectorAll("[class], [id]"))) fromPages.add(`${el.getAttribute("class") ?? ""} ${el.id}`.toLowerCase());
}
const edges = [
  " ", "hid x", "x hid", "a hid b", "hidden-xs", "hide", "Box-Tin-Lien-Quan", "tinlienquan", "tin_khac", "share_bar", "shared-content",
  "shares", "ads", "loads", "tag-list", "tagline", "comments", "commentary", "detail-main", "noidung-chitiet", "bai-viet",
  "read-more", "readmore", "most_read", "social-icons", "menu-top", "menus", "breadcrumb", "sidebar-right", "col-and-row",
  "header-article", "media-body", "meta", "footer-links",
];

describe("class and id words", () => {
  const names = [...fromPages, ...edges.map((e) => e.toLowerCase())];
  it.each(names)("agree with the regular expressions on %j", (n) => {
    expect(classWeight(n.trim() === "" ? "" : n)).toBe(n.trim() === "" ? 0 : weightByRegex(n));
    expect(unlikelyCandidate(n)).toBe(UNLIKELY.test(n) && !MAYBE.test(n));
    // one deliberate difference: an underscore inside a slug reads as its hyphen ("tin_khac")
    expect(furnitureName(n)).toBe(FURNITURE.test(n.replace(/_/g, "-")));
  });
});
