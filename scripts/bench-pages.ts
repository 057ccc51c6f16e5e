// Pages and records for scripts/bench-browser.ts (npm run bench, browser part):
//   - a synthetic long article (~1 MB of article text) on a government host, built from the seed
//     article fixtures and served by the e2e fixture server from a temporary fixtures folder;
//   - 10,000 annotation records across 500 pages, made by the store's own recordVisit (over
//     fake-indexeddb, in Node), ready to be written into the extension's IndexedDB as they are.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { startServer, type FixturePage, type FixtureServer } from "../tests/e2e/support/server";
import type { Annotation } from "../lib/extract/types";
import { annotationSearchWords } from "../lib/store/derive";
import { recordVisit } from "../lib/store/repository";
import { doc, freshDb, instruction, leader, number } from "../lib/store/testing";
import type { AnnotationRecord, PageRecord } from "../lib/store/types";

// ————————————————————————————————————————————— the long article

export interface LongArticle {
  host: string;
  path: string;
  html: string;
  /** UTF-8 bytes of the article's paragraph text (what the reader reads; the target is 1 MiB). */
  textBytes: number;
  /** The seed article whose page is the template. */
  template: string;
}

const LONG_ARTICLE_PATH = "/bench-bai-viet-rat-dai-1mb-102230317149999999.htm";

/**
 * A seed-like article repeated to `targetBytes` of article text: the first seed article's page
 * (its furniture, title and metadata kept) with its body container filled by the paragraphs of
 * every seed article, again and again, under section headings.
 */
export function buildLongArticle(fixturesDir: string, seeds: readonly FixturePage[], targetBytes = 1024 * 1024): LongArticle {
  const articles = seeds.filter((p) => p.expect === "article" && p.bodySelector);
  const template = articles[0];
  if (!template?.bodySelector) throw new Error("no seed article with a bodySelector in the fixtures manifest");

  const paragraphs: { html: string; bytes: number }[] = [];
  for (const seed of articles) {
    const { document } = parseHTML(fs.readFileSync(path.join(fixturesDir, seed.file), "utf8"));
    const body = document.querySelector(seed.bodySelector!);
    for (const p of Array.from(body?.querySelectorAll("p") ?? []) as Element[]) {
      const text = (p.textContent ?? "").trim();
      if (text.length < 80) continue; // bylines, captions: keep the running text
      paragraphs.push({ html: `<p>${p.innerHTML.trim()}</p>`, bytes: Buffer.byteLength(text) });
    }
  }
  if (paragraphs.length === 0) throw new Error("the seed articles have no paragraphs to repeat");

  const parts: string[] = [];
  let bytes = 0;
  for (let section = 1; bytes < targetBytes; section++) {
    const heading = `Phần ${section}`;
    parts.push(`<h3>${heading}</h3>`);
    bytes += Buffer.byteLength(heading);
    for (const p of paragraphs) {
      parts.push(p.html);
      bytes += p.bytes;
      if (bytes >= targetBytes) break;
    }
  }

  const { document } = parseHTML(fs.readFileSync(path.join(fixturesDir, template.file), "utf8"));
  const container = document.querySelector(template.bodySelector);
  if (!container) throw new Error(`${template.file}: ${template.bodySelector} not found`);
  // the paragraphs go where the template's own running text is (its first <p>'s parent)
  const target = (container.querySelector("p")?.parentElement ?? container) as Element;
  target.innerHTML = parts.join("\n");
  return { host: template.host, path: LONG_ARTICLE_PATH, html: document.toString(), textBytes: bytes, template: template.id };
}

/** A host the extension never runs on (not a government site): the same page there has no annotator. */
export const PLAIN_HOST = "bench-copy.example";

export interface BenchPages {
  server: FixtureServer;
  /** The long article on its government host. */
  url: string;
  /** The same HTML on PLAIN_HOST, where the content script does not run. */
  plainUrl: string;
  article: LongArticle;
  close(): Promise<void>;
}

/** Writes the long article into a temporary fixtures folder and serves it (removed by close()). */
export async function serveLongArticle(fixturesDir: string, seeds: readonly FixturePage[]): Promise<BenchPages> {
  const article = buildLongArticle(fixturesDir, seeds);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vpl-bench-pages-"));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  process.once("exit", remove);
  try {
    const file = path.join("sites", article.host, article.path);
    for (const host of [article.host, PLAIN_HOST]) {
      const target = path.join(dir, "sites", host, article.path);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, article.html);
    }
    const manifest: FixturePage[] = [{ id: "bench-1mb", host: article.host, path: article.path, file, expect: "article" }];
    fs.writeFileSync(path.join(dir, "pages.json"), JSON.stringify(manifest, null, 2));
    const server = await startServer({ fixturesDir: dir });
    return {
      server,
      url: server.urlFor(article.host, article.path),
      plainUrl: server.urlFor(PLAIN_HOST, article.path),
      article,
      close: async () => {
        await server.close();
        remove();
        process.removeListener("exit", remove);
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}

// ————————————————————————————————————————————— the review panel's records

const SITES = ["baochinhphu.vn", "chinhphu.vn", "mofa.gov.vn", "quochoi.vn", "nhandan.vn"];
const LEADERS = [
  ["Phạm Minh Chính", "Thủ tướng"],
  ["Trần Hồng Hà", "Phó Thủ tướng"],
  ["Lương Cường", "Chủ tịch nước"],
  ["Trần Thanh Mẫn", "Chủ tịch Quốc hội"],
  ["Bùi Thanh Sơn", "Bộ trưởng Ngoại giao"],
  ["Nguyễn Văn Hoà", "Bí thư Tỉnh ủy"],
  ["Lê Thị Hòa", "Chủ tịch UBND tỉnh"],
] as const;
const VERBS = ["yêu cầu", "chỉ đạo", "đề nghị"] as const;

const urlOf = (p: number) => `https://${SITES[p % SITES.length]}/tin-tuc/bai-viet-${p}-1022403${String(p).padStart(5, "0")}.htm`;
const dateOf = (p: number) => `2024-${String((p % 12) + 1).padStart(2, "0")}-${String((p % 28) + 1).padStart(2, "0")}`;

/** One page's text and its 20 annotations: 7 leaders, 1 instruction, 4 documents, 8 numbers. */
function makePage(p: number): { text: string; annotations: Annotation[] } {
  const sentences: string[] = [];
  const annotations: Annotation[] = [];
  const add = (sentence: string, make: (text: string) => Annotation) => {
    sentences.push(sentence);
    annotations.push(make(sentences.join(" ")));
  };
  const seen = (quote: string) => annotations.filter((a) => a.text === quote).length;
  for (let i = 0; i < 7; i++) {
    const [name, title] = LEADERS[(p + i) % LEADERS.length]!;
    const quote = `${title} ${name}`;
    const n = seen(quote);
    add(`Đoạn ${i + 1}: ${quote} phát biểu tại hội nghị về phát triển kinh tế - xã hội.`, (t) => leader(t, quote, { name, title }, n));
  }
  const [, speaker] = LEADERS[p % LEADERS.length]!;
  const verb = VERBS[p % VERBS.length]!;
  const order = `${speaker} ${verb} các bộ, ngành khẩn trương hoàn thiện thể chế`;
  add(`${order}, tháo gỡ khó khăn cho doanh nghiệp.`, (t) => instruction(t, order, { speaker, verb }));
  for (let i = 0; i < 4; i++) {
    const code = `${(p * 4 + i) % 97 + 1}/2024/NĐ-CP`;
    const quote = `Nghị định ${code}`;
    const n = seen(quote);
    add(`Theo ${quote} của Chính phủ.`, (t) => doc(t, quote, { docType: "Nghị định", code, issuer: "Chính phủ" }, n));
  }
  for (let i = 0; i < 8; i++) {
    const value = p * 10 + i + 1;
    const quote = i % 2 === 0 ? `${value} tỷ đồng` : `${(value % 90) + 1}%`;
    const n = seen(quote);
    add(
      `Mục ${i + 1}: ${i % 2 === 0 ? "tổng vốn" : "tỷ lệ giải ngân"} đạt ${quote}.`,
      (t) => (i % 2 === 0 ? number(t, quote, { subkind: "money", value: value * 1e9, unit: "đồng" }, n) : number(t, quote, { subkind: "percent", value: (value % 90) + 1 }, n)),
    );
  }
  return { text: sentences.join(" "), annotations };
}

export interface SeedRecords {
  pages: PageRecord[];
  annotations: AnnotationRecord[];
}

/**
 * `pageCount` pages of 20 annotations each (10,000 across 500 by default), as the store writes
 * them: recordVisit over fake-indexeddb, then read back. A few are starred, confirmed or noted, as
 * a reader's would be, with edit times spread so the newest-edited order is not the insert order.
 */
export async function seedRecords(pageCount = 500): Promise<SeedRecords> {
  const db = freshDb("bench");
  try {
    const base = Date.UTC(2024, 0, 1);
    for (let p = 0; p < pageCount; p++) {
      const { text, annotations } = makePage(p);
      await recordVisit(db, { url: urlOf(p), title: `Tin ${p}: Chính phủ họp về phát triển kinh tế`, articleDate: dateOf(p), text }, annotations, base + p * 3_600_000);
    }
    const annotations = await db.annotations.toArray();
    annotations.forEach((r, i) => {
      if (i % 17 === 0) r.starred = 1;
      if (i % 5 === 0) r.status = "confirmed";
      if (i % 41 === 0) {
        r.note = "Cần theo dõi tiến độ";
        r.searchWords = annotationSearchWords(r);
      }
      if (i % 7 === 0) r.updatedAt = r.createdAt + ((i * 7919) % 1000) * 60_000;
    });
    return { pages: await db.pages.toArray(), annotations };
  } finally {
    db.close();
    await db.delete().catch(() => undefined);
  }
}
