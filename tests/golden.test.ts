// Golden files from the fixture pages: what the shared rules find in each seed article, in a
// form a reviewer can read. A change in the rules shows here as a diff; accept it deliberately
// with `npx vitest run tests/golden.test.ts -u`.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extract, type Annotation } from "../lib/extract";
import { parseHTML } from "linkedom";
import { findArticleBody, isVietnamese } from "../lib/page/article";
import { articleFromHtml } from "../lib/page/html-text";

interface FixturePage {
  id: string;
  file: string;
  expect: "article" | "none";
  articleDate?: string;
  bodySamples?: string[];
  furnitureSamples?: string[];
}

const fixtures = path.join(import.meta.dirname, "fixtures");
const pages = JSON.parse(fs.readFileSync(path.join(fixtures, "pages.json"), "utf8")) as FixturePage[];

function render(a: Annotation): string {
  const { kind, start, end, text, ...rest } = a;
  const attrs = Object.entries(rest)
    .filter(([k]) => k !== "subkind")
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(" ");
  const label = "subkind" in a ? `${kind}/${a.subkind}` : kind;
  return `${label.padEnd(22)} ${String(start).padStart(5)}-${String(end).padEnd(5)} ${JSON.stringify(text.length > 90 ? `${text.slice(0, 87)}...` : text)}${attrs ? `  ${attrs}` : ""}`;
}

describe.each(pages.filter((p) => p.expect === "article"))("seed page $id", (page) => {
  const html = fs.readFileSync(path.join(fixtures, page.file), "utf8");
  const article = articleFromHtml(html);

  it("has its article found, without the furniture", () => {
    expect(article).not.toBeNull();
    expect(article!.publishedDate).toBe(page.articleDate);
    for (const sample of page.furnitureSamples ?? []) expect(article!.text).not.toContain(sample);
  });

  it("matches its golden annotations", async () => {
    const annotations = extract(article!.text, { articleDate: article!.publishedDate });
    for (const a of annotations) expect(article!.text.slice(a.start, a.end)).toBe(a.text);
    await expect(`${annotations.map(render).join("\n")}\n`).toMatchFileSnapshot(path.join(import.meta.dirname, "golden", `${page.id}.txt`));
  });
});

describe("negative pages", () => {
  const load = (id: string) => {
    const page = pages.find((p) => p.id === id)!;
    return parseHTML(fs.readFileSync(path.join(fixtures, page.file), "utf8")).document as unknown as Document;
  };
  it("a government home page holds no single article", () => {
    expect(findArticleBody(load("neg-home"))).toBeNull();
  });
  it("an English page on a government host is not Vietnamese", () => {
    expect(isVietnamese(load("neg-en"))).toBe(false);
  });
  it("a Vietnamese article on a commercial site is an article (the site list keeps it out)", () => {
    const doc = load("neg-kenh14");
    expect(isVietnamese(doc)).toBe(true);
    expect(findArticleBody(doc)).not.toBeNull();
  });
});
