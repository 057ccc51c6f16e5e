// Test data for the export tests: a store filled the way the extension fills it (visits, the
// reader's highlights, notes, stars, statuses, deletions), with hostile and NFD text.
import { ARTICLE, ARTICLE_TITLE, ARTICLE_URL, extractArticle, relocate } from "../store/fixtures";
import { addPageNote, deleteAnnotation, recordVisit, saveNote, updateAnnotation } from "../store/repository";
import type { PolicyLensDB } from "../store/schema";
import type { AnnotationRecord, DeletionRecord, NoteRecord, PageRecord } from "../store/types";

export const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
export const NFD_URL = "https://chinhphu.vn/bai-viet-nfd-102250313.htm";
export const NFD_TITLE = "Thủ tướng chủ trì họp Chính phủ thường kỳ".normalize("NFD");
export const NFD_TEXT = ARTICLE.normalize("NFD");

/** What a hostile page or a careless paste may put in a note: markup of every kind, and formulas. */
export const HOSTILE_NOTE = [
  "<img src=x onerror=alert(1)>",
  "[x](javascript:alert(1)) ![i](javascript:alert(2)) <https://evil.example>",
  "*bold* _it_ # heading #tag | a | b | `code` ```fence```",
  "==hl== %%hidden%% $x$ ^block [[wiki]] ~~s~~ <script>alert(1)</script> &amp; &lt;",
  "- list",
  "1. ordered",
  "> quote",
  "---",
  '=HYPERLINK("http://evil.example","x")',
  "Ghi chú tiếng Việt: Thủ tướng nhấn mạnh".normalize("NFD"),
].join("\n");

export const HOSTILE_TITLE = 'Evil "title" <script>alert(1)</script>\n---\nurl: javascript:alert(1) #tag';

export interface Sample {
  pages: PageRecord[];
  annotations: AnnotationRecord[];
  notes: NoteRecord[];
  deletions: DeletionRecord[];
}

/** Two pages (one NFC, one NFD) with extracted annotations, the reader's edits, a highlight, page notes and a deletion. */
export async function fillSample(db: PolicyLensDB): Promise<Sample> {
  const first = await recordVisit(db, { url: ARTICLE_URL, title: ARTICLE_TITLE, articleDate: "2025-03-12", text: ARTICLE }, extractArticle(), T0);
  const [leader, instruction, directive, year, percent] = first.annotations;
  await updateAnnotation(db, leader!.id, { starred: true, status: "confirmed", note: HOSTILE_NOTE, tags: ["lãnh đạo", "=SUM(A1)"] }, T0 + 1000);
  await updateAnnotation(db, instruction!.id, { note: "Chỉ đạo *quan trọng*", tags: ["chỉ đạo"] }, T0 + 2000);
  await updateAnnotation(db, year!.id, { status: "rejected" }, T0 + 3000);
  await updateAnnotation(db, percent!.id, { note: "+1 -2 @SUM(A1) \tTab \rCR", starred: true }, T0 + 4000);
  void directive;
  const quoteAt = ARTICLE.indexOf("tháo gỡ khó khăn");
  await saveNote(
    db,
    {
      pageUrl: ARTICLE_URL,
      quote: { exact: "tháo gỡ khó khăn", prefix: ARTICLE.slice(quoteAt - 20, quoteAt), suffix: ARTICLE.slice(quoteAt + 16, quoteAt + 36) },
      position: { start: quoteAt, end: quoteAt + 16 },
      note: "Xem lại | `cột` <b>đậm</b>",
      tags: ["doanh nghiệp"],
    },
    T0 + 5000,
  );
  await addPageNote(db, { pageUrl: ARTICLE_URL, text: "Bài quan trọng\n# không phải tiêu đề\n<i>x</i>", tags: ["kinh tế"] }, T0 + 6000);

  const nfd = await recordVisit(db, { url: NFD_URL, title: NFD_TITLE, text: NFD_TEXT }, relocate(extractArticle(), NFD_TEXT, "NFD"), T0 + 7000);
  await updateAnnotation(db, nfd.annotations[0]!.id, { note: "Ghi chú NFD: Phạm Minh Chính".normalize("NFD"), tags: ["NFD"] }, T0 + 8000);
  await deleteAnnotation(db, nfd.annotations[1]!.id, T0 + 9000);
  return snapshot(db);
}

/** Every table, in primary-key order. */
export async function snapshot(db: PolicyLensDB): Promise<Sample> {
  const [pages, annotations, notes, deletions] = await Promise.all([db.pages.toArray(), db.annotations.toArray(), db.notes.toArray(), db.deletions.toArray()]);
  return { pages, annotations, notes, deletions };
}
