import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { findArticleBody, isVietnamese } from "./article";

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
    ["a normal article (Readability)", 12],
    ["a very long article (the one-pass path)", 1500],
  ])("finds %s with its title and without furniture", (_label, paragraphs) => {
    const body = findArticleBody(page(paragraphs))!;
    expect(body).not.toBeNull();
    const text = body.textNodes.map((n) => n.data).join(" ");
    expect(text).toContain("Thủ tướng làm việc với các Đại sứ");
    expect(text).toContain(PARA);
    expect(text).not.toContain("Trần Lưu Quang");
    expect(text).not.toContain("Nghị định 100");
    expect(text).not.toContain("Lê Hồng Phong");
    expect(body.publishedDate).toBe("2023-03-17");
  });

  it("finds nothing on a page without an article", () => {
    const doc = parseHTML(`<html lang="vi"><body><nav><a href="/">Trang chủ</a></nav><ul>${'<li><a href="/a">Tin</a></li>'.repeat(50)}</ul></body></html>`).document;
    expect(findArticleBody(doc as unknown as Document)).toBeNull();
  });
});

describe("isVietnamese", () => {
  it("follows the declared language, else the letters", () => {
    expect(isVietnamese(parseHTML(`<html lang="en"><body>${PARA}</body></html>`).document as unknown as Document)).toBe(false);
    expect(isVietnamese(parseHTML(`<html><body>${PARA.repeat(5)}</body></html>`).document as unknown as Document)).toBe(true);
    expect(isVietnamese(parseHTML(`<html><body>${"The Prime Minister met ambassadors. ".repeat(20)}</body></html>`).document as unknown as Document)).toBe(false);
  });
});
