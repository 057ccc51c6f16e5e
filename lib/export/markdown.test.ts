import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ARTICLE, ARTICLE_URL, extractArticle } from "../store/fixtures";
import type { PolicyLensDB } from "../store/schema";
import { freshDb } from "../store/testing";
import { gatherExport } from "./select";
import { bundleToMarkdown, escapeMarkdown, escapeMarkdownLines, markdownDocuments, textFragmentUrl, toMarkdown, yamlString } from "./markdown";
import { HOSTILE_NOTE, HOSTILE_TITLE, NFD_TITLE, NFD_URL, fillSample } from "./test-data";

/** What a CommonMark renderer shows for escaped text: backslash escapes and the three entities undone. */
const rendered = (md: string) =>
  md.replace(/\\([!-/:-@[-`{-~])/g, "$1").replace(/&(lt|gt|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", amp: "&" })[e as "lt" | "gt" | "amp"]);

/** Characters that must never appear unescaped in escaped text. */
const SPECIALS = "\\`*_[]()|~=$%^#";

function expectInert(escaped: string) {
  expect(escaped).not.toMatch(/<[a-z!/?]/i); // no tag, comment or autolink
  for (let i = 0; i < escaped.length; i++) {
    const c = escaped[i]!;
    if (c === "\\") {
      i++; // the escaped character
      continue;
    }
    expect(SPECIALS.includes(c), `unescaped ${c} at ${i} in ${escaped}`).toBe(false);
  }
}

describe("escaping", () => {
  it("makes every Markdown, Obsidian and HTML special character literal", () => {
    const nasty = "a\\b `c` *d* _e_ [f](g) ![h](javascript:alert(1)) |t| ~~s~~ ==hl== $m$ %%c%% ^id #tag <img src=x onerror=alert(1)> &amp; <script>x</script>";
    const escaped = escapeMarkdown(nasty);
    expectInert(escaped);
    expect(rendered(escaped)).toBe(nasty);
    expect(escaped).not.toContain("](javascript:");
    expect(escaped).toContain("&lt;img src\\=x onerror\\=alert\\(1\\)&gt;");
    expect(escaped).toContain("&lt;script&gt;");
  });

  it.each(["- item", "+ item", "* item", "1. item", "12) item", "> quote", "# heading", "---", "=== ", ": def"])("defuses the block marker in %j", (line) => {
    const [escaped] = escapeMarkdownLines(line);
    expect(escaped).toMatch(/^(\\|\d+\\|&gt;)/);
    expect(rendered(escaped!)).toBe(line.trim());
  });

  it("keeps a note's lines, each escaped, and renders back to the same text", () => {
    const lines = escapeMarkdownLines(HOSTILE_NOTE);
    expect(lines).toHaveLength(HOSTILE_NOTE.split("\n").length);
    lines.forEach((l) => expectInert(l));
    expect(lines.map(rendered).join("\n")).toBe(HOSTILE_NOTE);
  });

  it("quotes YAML so nothing breaks out of the front matter", () => {
    const y = yamlString(HOSTILE_TITLE);
    expect(y).not.toMatch(/[\n\r]/);
    expect(y.startsWith('"') && y.endsWith('"')).toBe(true);
    expect(JSON.parse(y)).toBe(HOSTILE_TITLE.replace(/\s+/g, " "));
    expect(yamlString("a\u2028b\u0085c\ufeffd")).toBe('"a b\\u0085c d"');
    expect(yamlString("<script>&")).toBe('"\\u003cscript\\u003e\\u0026"');
    expect(JSON.parse(yamlString("<script>&"))).toBe("<script>&");
  });

  it("builds text fragment links with the special characters encoded", () => {
    expect(textFragmentUrl("https://x.vn/a#old", { exact: "15-CT/TW, năm 2025", prefix: "Theo Chỉ thị số ", suffix: " của Ban" })).toBe(
      "https://x.vn/a#:~:text=Ch%E1%BB%89%20th%E1%BB%8B%20s%E1%BB%91-,15%2DCT%2FTW%2C%20n%C4%83m%202025,-c%E1%BB%A7a%20Ban",
    );
    const long = "Thủ tướng yêu cầu các bộ, ngành khẩn trương hoàn thiện thể chế, tháo gỡ khó khăn";
    const url = textFragmentUrl("https://x.vn/a", { exact: long, prefix: "\n\n", suffix: "" });
    const directive = decodeURIComponent(url.split("#:~:text=")[1]!.split(",")[0]!);
    expect(directive).toBe("Thủ tướng yêu cầu");
    expect(url.split("#:~:text=")[1]!.split(",")).toHaveLength(2); // textStart,textEnd; no prefix across paragraphs
  });
});

describe("toMarkdown (the CLI's shape)", () => {
  it("writes front matter, then one section per kind, in text order, without links when there is no URL", () => {
    const md = toMarkdown({ title: "a.txt", date: "2025-03-12", annotations: extractArticle() });
    expect(md).toMatch(/^---\ntitle: "a\.txt"\ndate: "2025-03-12"\n---\n\n# a\.txt\n/);
    expect(md).toContain("## Leaders\n\n- Thủ tướng Phạm Minh Chính — title: Thủ tướng\n");
    expect(md).toContain("## Documents\n\n- Chỉ thị số 15-CT/TW — Chỉ thị; number: 15-CT/TW; issued by: Ban Bí thư\n");
    expect(md).toContain("## Numbers");
    expect(md).toContain("- hơn 8\\% — percent; value: 8; approximation: more");
    expect(md).not.toContain("](");
    expect(md.endsWith("\n")).toBe(true);
  });

  it("writes Vietnamese headings when asked", () => {
    const md = toMarkdown({ title: "t", annotations: extractArticle() }, { language: "vi" });
    expect(md).toContain("## Lãnh đạo");
    expect(md).toContain("## Số liệu");
  });

  it("escapes a hostile title in the front matter and the heading, and links only to http(s)", () => {
    const md = toMarkdown({ title: HOSTILE_TITLE, url: "javascript:alert(1)", annotations: extractArticle() });
    const front = md.split("\n---\n")[0]!.split("\n");
    expect(front).toEqual(["---", `title: ${yamlString(HOSTILE_TITLE)}`]);
    expect(md).not.toContain("<script");
    expect(md).not.toContain("javascript:alert(1)]");
    expect(md).not.toMatch(/\]\(<?javascript:/);
    expect(md).not.toMatch(/^url:/m);
  });
});

describe("Markdown of stored records", () => {
  let db: PolicyLensDB;
  beforeEach(async () => {
    db = freshDb("md");
    await fillSample(db);
  });
  afterEach(() => db.delete());

  it("one page: the page's front matter, items linking back to their passage, the reader's notes and tags escaped", async () => {
    const bundle = await gatherExport(db, { kind: "page", pageUrl: ARTICLE_URL });
    const md = bundleToMarkdown(bundle);
    expect(md.startsWith(`---\ntitle: "Thủ tướng chủ trì cuộc họp về tình hình kinh tế"\nurl: "${ARTICLE_URL}"\nsite: "baochinhphu.vn"\ndate: "2025-03-12"\n---\n`)).toBe(true);
    expect(md).toContain(`[Open the article](<${ARTICLE_URL}>)`);
    // every item links back to the page at its passage
    const items = md.split("\n").filter((l) => l.startsWith("- ") && !l.startsWith("- Bài"));
    expect(items.length).toBeGreaterThan(5);
    for (const line of items) expect(line).toMatch(new RegExp(`\\[↗\\]\\(<${ARTICLE_URL.replace(/[.?]/g, "\\$&")}#:~:text=[^<>\\s]+>\\)$`));
    // starred, with the hostile note as an inert blockquote and the tags
    expect(md).toContain("- ★ Thủ tướng Phạm Minh Chính — title: Thủ tướng");
    expect(md).toContain("  Tags: lãnh đạo, \\=SUM\\(A1\\)");
    const quoted = md.split("\n").filter((l) => l.startsWith("  > ") || l === "  >");
    expect(quoted.length).toBeGreaterThanOrEqual(HOSTILE_NOTE.split("\n").length);
    for (const l of quoted) expectInert(l.slice(4));
    expect(md).not.toMatch(/<(img|script|b|i)\b/);
    expect(md).not.toMatch(/\]\(javascript:/);
    // the rejected number is left out; the reader's highlight and the page note are there
    expect(md).not.toContain("- năm 2025");
    expect(md).toContain("## Highlights and notes\n\n- tháo gỡ khó khăn");
    expect(md).toContain("## Notes on the page\n\n- Bài quan trọng\n  \\# không phải tiêu đề\n  &lt;i&gt;x&lt;/i&gt;\n  Tags: kinh tế");
  });

  it("keeps NFD Vietnamese as written", async () => {
    const md = bundleToMarkdown(await gatherExport(db, { kind: "page", pageUrl: NFD_URL }));
    expect(md).toContain(`title: "${NFD_TITLE}"`);
    expect(md).toContain("Phạm Minh Chính".normalize("NFD"));
  });

  it("several pages: one file with a section per page, or one document per page", async () => {
    const bundle = await gatherExport(db, { kind: "all" });
    const md = bundleToMarkdown(bundle, { exportedAt: Date.UTC(2026, 10, 22, 12) });
    expect(md.match(/^---$/gm)).toHaveLength(2); // one front matter
    expect(md).toMatch(/^---\ntitle: "Policy Lens export"\ndate: "2026-11-2\d"\npages: 2\n---\n/);
    expect(md).toContain(`## ${escapeMarkdown(NFD_TITLE)}`);
    expect(md).toContain("## Thủ tướng chủ trì cuộc họp về tình hình kinh tế\n\n[Open the article](<");
    expect(md).toContain("### Leaders");
    const docs = markdownDocuments(bundle);
    expect(docs).toHaveLength(2);
    expect(new Set(docs.map((d) => d.name)).size).toBe(2);
    for (const d of docs) {
      expect(d.name).toMatch(/^[^/\\:*?"<>|]+\.md$/);
      expect(d.content.startsWith("---\ntitle: ")).toBe(true);
    }
  });

  it("includes rejected annotations when asked (a filtered export shows what was filtered)", async () => {
    const bundle = await gatherExport(db, { kind: "filtered", query: { status: "rejected" } });
    expect(bundleToMarkdown(bundle)).not.toContain("năm 2025");
    expect(bundleToMarkdown(bundle, { includeRejected: true })).toContain("- năm 2025 — date; value: 2025 (rejected)");
  });

  it("still escapes page text in the extractor's own output (quotes with markup)", () => {
    const text = "Theo <b>Chỉ thị</b> số 15-CT/TW *gấp* | _mật_";
    const md = toMarkdown({ title: "x", annotations: [{ kind: "directive", subkind: "instruction", start: 0, end: text.length, text, speaker: "[a](javascript:x)" }] });
    expect(md).toContain("- Theo &lt;b&gt;Chỉ thị&lt;/b&gt; số 15-CT/TW \\*gấp\\* \\| \\_mật\\_ — speaker: \\[a\\]\\(javascript:x\\)");
    expect(ARTICLE.length).toBeGreaterThan(0);
  });
});
