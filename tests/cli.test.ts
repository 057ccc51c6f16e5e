// The extract CLI as a user runs it: files and folders in, JSON or Markdown out, clear errors.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
let dir: string;

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ["scripts/run-ts.mjs", "scripts/extract.ts", ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ARTICLE = "Chiều 16/3, Thủ tướng Chính phủ Phạm Minh Chính yêu cầu các bộ triển khai Chỉ thị số 15-CT/TW của Ban Bí thư.";

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "extract-cli-"));
  fs.writeFileSync(path.join(dir, "a.txt"), ARTICLE);
  fs.writeFileSync(path.join(dir, "b.txt"), ARTICLE.normalize("NFD"));
  fs.writeFileSync(path.join(dir, "skip.json"), "{}");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("extract CLI", () => {
  it("prints one object with offsets into the input for one file", () => {
    const r = run(path.join(dir, "a.txt"));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.file).toBe(path.join(dir, "a.txt"));
    expect(Array.isArray(out.annotations)).toBe(true);
    for (const a of out.annotations) expect(ARTICLE.slice(a.start, a.end)).toBe(a.text);
  });

  it("reads a folder's .txt files in order and keeps offsets into decomposed input", () => {
    const r = run(dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { file: string; annotations: { start: number; end: number; text: string }[] }[];
    expect(out.map((o) => path.basename(o.file))).toEqual(["a.txt", "b.txt"]);
    const nfd = ARTICLE.normalize("NFD");
    for (const a of out[1]!.annotations) expect(nfd.slice(a.start, a.end)).toBe(a.text);
    expect(out[1]!.annotations.length).toBe(out[0]!.annotations.length);
  });

  it("names a file it cannot read, goes on with the others, and exits non-zero", () => {
    fs.writeFileSync(path.join(dir, "c.txt"), Buffer.from([0, 1, 2, 3, 0xff]));
    try {
      const r = run(path.join(dir, "missing.txt"), path.join(dir, "c.txt"), path.join(dir, "a.txt"));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("missing.txt");
      expect(r.stderr).toContain("c.txt");
      const out = JSON.parse(r.stdout);
      expect(out.map((o: { file: string }) => path.basename(o.file))).toEqual(["a.txt"]);
    } finally {
      fs.rmSync(path.join(dir, "c.txt"));
    }
  });

  it("says what is wrong with its arguments", () => {
    expect(run().code).toBe(2);
    const bad = run("--format", "xml", path.join(dir, "a.txt"));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown format "xml"/);
  });

  it("writes Markdown with --format md", () => {
    const r = run("--format", "md", path.join(dir, "a.txt"));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^---\ntitle: "a\.txt"\n/);
  });

  it("extracts the article text of an HTML page and says so when a page has none", () => {
    const html = `<!doctype html><html lang="vi"><head><title>T</title></head><body><nav><a href="/">Trang chủ</a></nav>
      <article><h1>Tiêu đề</h1>${`<p>${ARTICLE} Đây là đoạn văn dài của bài viết để đủ độ dài cho trình đọc.</p>`.repeat(6)}</article>
      <footer>Địa chỉ: 16 Lê Hồng Phong, Hà Nội</footer></body></html>`;
    fs.writeFileSync(path.join(dir, "page.html"), html);
    fs.writeFileSync(path.join(dir, "empty.html"), "<html><body><p>x</p></body></html>");
    try {
      const r = run("--with-text", path.join(dir, "page.html"), path.join(dir, "empty.html"));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/empty\.html: no article text/);
      const [page] = JSON.parse(r.stdout);
      expect(page.articleText).toContain("Thủ tướng Chính phủ Phạm Minh Chính");
      expect(page.articleText).not.toContain("Trang chủ");
      expect(page.articleText).not.toContain("Lê Hồng Phong");
      for (const a of page.annotations) expect(page.articleText.slice(a.start, a.end)).toBe(a.text);
    } finally {
      fs.rmSync(path.join(dir, "page.html"));
      fs.rmSync(path.join(dir, "empty.html"));
    }
  });
});
