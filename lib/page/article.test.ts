import fs from "node:fs";
import path from "node:path";
import { isProbablyReaderable, Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { findArticleBody, findArticleSteps, isVietnamese, linkDensity, scanParagraphs } from "./article";

const PARA = "Chiều 16/3, Thủ tướng Chính phủ Phạm Minh Chính yêu cầu các bộ, ngành triển khai Chỉ thị số 15-CT/TW của Ban Bí thư.";

function page(paragraphs: number) {
  const html = `<!doctype html><html lang="vi"><head><title>Tiêu đề</title><meta property="article:published_time" content="2023-03-17T14:08:00+07:00"></head>
  <body><header><nav><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a></nav></header>
  <div class="main"><article class="detail"><h1>Thủ tướng làm việc với các Đại sứ</h1><div class="content">${`<p>${PARA}</p>`.repeat(paragraphs)}</div>
  <div class="related"><ul>${'<li><a href="/r">Phó Thủ tướng Trần Lưu Quang tiếp Đại sứ Nhật Bản ngày 20/5</a></li>'.repeat(8)}</ul></div></article>
  <aside><h3>Đọc nhiều</h3><ul><li><a href="/x">Nghị định 100/2019/NĐ-CP</a></li></ul></aside></div>
  <footer>Địa chỉ: 16 Lê Hồng Phong, Ba Đình, Hà Nội</footer></body></html>`;
  return parseHTML(html).document as unknown as Document;
}

describe("findArticleBody", () => {
  it.each([
    ["a normal article", 12],
    ["a very long article", 1500],
  ])("finds %s with its title and without furniture", (_label, paragraphs) => {
    const body = findArticleBody(page(paragraphs))!;
    expect(body).not.toBeNull();
    const text = body.text.text;
    expect(text).toContain("Thủ tướng làm việc với các Đại sứ");
    expect(text).toContain(PARA);
    expect(text).not.toContain("Trần Lưu Quang");
    expect(text).not.toContain("Nghị định 100");
    expect(text).not.toContain("Lê Hồng Phong");
    expect(body.publishedDate).toBe("2023-03-17");
  });

  it("reads the same article in slices (yielding between them) as in one go, and yields on a long one", () => {
    const whole = findArticleBody(page(400))!;
    let clock = 0;
    const steps = findArticleSteps(page(400), { sliceMs: 5, now: () => (clock += 10) });
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(yields).toBeGreaterThan(3);
    expect(step.value!.text.text).toBe(whole.text.text);
    expect(step.value!.title).toBe(whole.title);
    expect(step.value!.container.localName).toBe(whole.container.localName);
  });

  it("finds nothing on a page without an article", () => {
    const doc = parseHTML(`<html lang="vi"><body><nav><a href="/">Trang chủ</a></nav><ul>${'<li><a href="/a">Tin</a></li>'.repeat(50)}</ul></body></html>`).document;
    expect(findArticleBody(doc as unknown as Document)).toBeNull();
  });
});

describe("linkDensity", () => {
  const el = (html: string) => parseHTML(`<html><body><div id="x">${html}</div></body></html>`).document.getElementById("x") as unknown as Element;
  // Readability's own: link text over all text (textContent)
  const readability = (e: Element) => Array.from(e.getElementsByTagName("a")).reduce((n, a) => n + (a.textContent ?? "").length, 0) / (e.textContent ?? "").length;
  it.each([
    ["no links", "<p>Thủ tướng yêu cầu.</p>"],
    ["a link in prose", `<p>Theo <a href="/n">Nghị quyết 57</a> của Bộ Chính trị.</p>`],
    ["a link list", `<ul>${'<li><a href="/r">Tin liên quan</a></li>'.repeat(5)}</ul><p>Kết.</p>`],
    ["links nested in markup, an empty link, and text after the last", `<p><a href="/a"><b>Đậm</b> và <i>nghiêng</i></a><a href="/e"></a></p><div><span>Sau cùng</span></div>`],
    ["a link as the last node", `<p>Xem thêm <a href="/z">tại đây</a></p>`],
  ])("is Readability's on %s", (_label, html) => {
    const e = el(html);
    expect(linkDensity(e)).toBeCloseTo(readability(e), 10);
  });
  it("reads at most its limit of text: a wrapper of megabytes costs what an article does", () => {
    const e = el(`<p>${"Văn bản. ".repeat(20)}</p>${'<a href="/r">liên kết</a>'.repeat(100)}`);
    expect(linkDensity(e, 50)).toBe(0);
    expect(linkDensity(e)).toBeCloseTo(readability(e), 10);
  });
  it("is 0 for an element without text", () => {
    expect(linkDensity(el("<img>"))).toBe(0);
  });
});

describe("isVietnamese", () => {
  it("follows the declared language, else the letters", () => {
    expect(isVietnamese(parseHTML(`<html lang="en"><body>${PARA}</body></html>`).document as unknown as Document)).toBe(false);
    expect(isVietnamese(parseHTML(`<html><body>${PARA.repeat(5)}</body></html>`).document as unknown as Document)).toBe(true);
    expect(isVietnamese(parseHTML(`<html><body>${"The Prime Minister met ambassadors. ".repeat(20)}</body></html>`).document as unknown as Document)).toBe(false);
  });
});

// The page runs Readability's scoring without its clone (the full library costs the page hundreds
// of innerText reads). Held here to the full library on every fixture page: each paragraph
// Readability keeps is in the article found, and no furniture sample is.
describe("findArticleBody agrees with Readability on the fixture pages", () => {
  const fixtures = path.resolve(import.meta.dirname, "../../tests/fixtures");
  interface Fixture {
    id: string;
    file?: string;
    expect?: string;
    bodySelector?: string | null;
    furnitureSamples?: string[];
  }
  const list = (name: string) => JSON.parse(fs.readFileSync(path.join(fixtures, name), "utf8")) as Fixture[];
  const pages = [...list("pages.json"), ...list("e2e-pages.json")].filter((p) => p.file && p.bodySelector && p.expect !== "none");
  // whitespace aside: Readability drops empty inline elements, so its spaces differ
  const fold = (s: string) => s.replace(/\s+/g, "");

  it.each(pages.map((p) => [p.id, p] as const))("%s", (_id, page) => {
    const html = fs.readFileSync(path.join(fixtures, page.file!), "utf8");
    const ours = findArticleBody(parseHTML(html).document as unknown as Document);
    expect(ours).not.toBeNull();
    const text = fold(ours!.text.text);
    const reference = new Readability<Element>(parseHTML(html).document as unknown as Document, { serializer: (el) => el as Element }).parse();
    // (Readability keeps the odd banner line too: only what it keeps of the real article counts)
    const article = fold(parseHTML(html).document.querySelector(page.bodySelector!)!.textContent ?? "");
    const kept = Array.from(reference!.content!.querySelectorAll("p"))
      .map((p) => fold(p.textContent ?? ""))
      .filter((t) => t.length >= 20 && article.includes(t));
    expect(kept.length).toBeGreaterThan(0);
    for (const paragraph of kept) expect(text).toContain(paragraph);
    for (const sample of page.furnitureSamples ?? []) expect(text).not.toContain(sample);
  });
});

describe("scanParagraphs: Readability's readerable check in the same pass", () => {
  const fixtures = path.resolve(import.meta.dirname, "../../tests/fixtures");
  const files = [...(JSON.parse(fs.readFileSync(path.join(fixtures, "pages.json"), "utf8")) as { file: string }[]), ...(JSON.parse(fs.readFileSync(path.join(fixtures, "e2e-pages.json"), "utf8")) as { file?: string }[])]
    .map((p) => p.file)
    .filter((f): f is string => !!f);
  const long = "Thủ tướng yêu cầu các bộ, ngành triển khai quyết liệt, đồng bộ các giải pháp. ".repeat(3);
  const cases: [string, string][] = [
    ...files.map((f) => [f, fs.readFileSync(path.join(fixtures, f), "utf8")] as [string, string]),
    ["short paragraphs only", `<body>${"<p>Tin ngắn.</p>".repeat(40)}</body>`],
    ["long paragraphs", `<body>${`<p>${long}</p>`.repeat(6)}</body>`],
    ["long paragraphs in list items", `<body><ul>${`<li><p>${long}</p></li>`.repeat(6)}</ul></body>`],
    ["long paragraphs hidden", `<body>${`<p hidden>${long}</p><p style="display: none">${long}</p>`.repeat(4)}</body>`],
    ["long paragraphs in a sidebar", `<body>${`<p class="sidebar-note">${long}</p>`.repeat(6)}</body>`],
    ["a div of text broken by br", `<body><div>${`${long}<br>`.repeat(8)}</div></body>`],
  ];
  it.each(cases)("agrees with isProbablyReaderable on %s", (_label, html) => {
    const doc = () => parseHTML(html.startsWith("<body>") ? `<!doctype html><html lang="vi">${html}</html>` : html).document as unknown as Document;
    expect(scanParagraphs(doc()).readerable).toBe(isProbablyReaderable(doc(), { minContentLength: 140, minScore: 20 }));
  });
});
