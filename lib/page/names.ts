// What an element's class and id say about it, as word lists (data, tested against the regular
// expressions they stand for in lib/page/names.test.ts). Plain substring checks: a page pays for
// the first run of every regular expression it uses (compiling it), and these run on every page.

/** Readability's REGEXPS.positive, and the slugs Vietnamese portals use for an article body. */
const ARTICLE_WORDS = [
  "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text", "blog", "story",
  "detail", "noidung", "noi-dung", "chitiet", "chi-tiet", "baiviet", "bai-viet",
];

/** Readability's REGEXPS.negative (its "hid" as a whole word is checked apart), and Vietnamese slugs. */
const NOT_ARTICLE_WORDS = [
  "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media", "meta", "outbrain",
  "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget",
  "lienquan", "lien-quan", "tinkhac", "tin-khac", "docnhieu", "doc-nhieu", "binhluan", "binh-luan",
];

/** Readability-readerable's REGEXPS.unlikelyCandidates and okMaybeItsACandidate. */
const UNLIKELY_WORDS = [
  "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus", "extra", "footer", "gdpr",
  "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor",
  "supplemental", "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote",
];
const MAYBE_CANDIDATE_WORDS = ["and", "article", "body", "column", "content", "main", "shadow"];

/**
 * Whole words (between spaces, underscores or hyphens) real portals give their furniture: related
 * lists, share bars, comments, menus … A hyphen inside a word may be left out ("tinkhac").
 */
const FURNITURE_WORDS = [
  "related", "relate", "other-news", "othernews", "tin-khac", "tinkhac", "tin-lien-quan", "tinlien-quan", "tin-lienquan", "tinlienquan",
  "lien-quan", "lienquan", "share", "sharing", "social", "tag", "tags", "keyword", "keywords", "comment", "comments", "binh-luan",
  "binhluan", "breadcrumb", "breadcrumbs", "menu", "navigation", "pagination", "pager", "banner", "marquee", "advert", "ads",
  "sidebar", "widget", "read-more", "readmore", "doc-them", "docthem", "xem-them", "xemthem", "most-read", "mostread",
  "doc-nhieu", "docnhieu", "toolbar", "follow", "subscribe", "rating", "poll", "cookie",
].map((w) => `-${w}-`);

const hasAny = (names: string, words: readonly string[]) => {
  for (const w of words) if (names.includes(w)) return true;
  return false;
};

/** An element's class and id as one lower-case string ("" when it has neither). */
export function namesOf(el: Element): string {
  const className = el.getAttribute("class");
  const id = el.id;
  return className || id ? `${className ?? ""} ${id}`.toLowerCase() : "";
}

/** Readability's class weight: +25 for article-like names, −25 for furniture-like ones. */
export function classWeight(names: string): number {
  if (names === "") return 0;
  const negative = hasAny(names, NOT_ARTICLE_WORDS) || ` ${names} `.includes(" hid ");
  return (negative ? -25 : 0) + (hasAny(names, ARTICLE_WORDS) ? 25 : 0);
}

/** Readability-readerable's check: named like furniture, and not like an article. */
export function unlikelyCandidate(names: string): boolean {
  return names !== "" && hasAny(names, UNLIKELY_WORDS) && !hasAny(names, MAYBE_CANDIDATE_WORDS);
}

/** Named like furniture, word for word ("box-tin-lien-quan", "share_bar"; not "shared-content"). */
export function furnitureName(names: string): boolean {
  return names !== "" && hasAny(`-${names.replace(/[\s_]/g, "-")}-`, FURNITURE_WORDS);
}
