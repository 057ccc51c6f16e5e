import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PolicyLensDB } from "../store/schema";
import { freshDb } from "../store/testing";
import { BOM, bundleToCsv, neutralise, quoteField, toCsv } from "./csv";
import { gatherExport } from "./select";
import { HOSTILE_NOTE, NFD_TITLE, fillSample } from "./test-data";

/** A strict RFC 4180 reader (CRLF row ends, "" inside quoted fields), to read the output back. */
function parseCsv(text: string, delimiter = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error("unterminated quoted field");
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      const end = text.slice(i).search(new RegExp(`[${delimiter}\\r\\n"]`));
      const stop = end < 0 ? text.length : i + end;
      field = text.slice(i, stop);
      i = stop;
      if (text[i] === '"') throw new Error(`bare quote at ${i}`);
    }
    row.push(field);
    if (text[i] === delimiter) i++;
    else if (text.startsWith("\r\n", i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) throw new Error(`expected a delimiter or CRLF at ${i}, found ${JSON.stringify(text[i])}`);
  }
  if (row.length > 0) throw new Error("last row without CRLF");
  return rows;
}

describe("CSV cells", () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["a=1", "a=1"],
    [" =1", " =1"],
    ["Thủ tướng", "Thủ tướng"],
  ])("neutralises %j", (input, expected) => {
    expect(neutralise(input)).toBe(expected);
  });

  it("writes numbers as numbers, neutralised like text", () => {
    expect(neutralise(14000000)).toBe("14000000");
    expect(neutralise(-2)).toBe("'-2");
    expect(neutralise(undefined)).toBe("");
  });

  it("quotes per RFC 4180", () => {
    expect(quoteField("a,b")).toBe('"a,b"');
    expect(quoteField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteField("two\nlines")).toBe('"two\nlines"');
    expect(quoteField("cr\r")).toBe('"cr\r"');
    expect(quoteField("a;b", ";")).toBe('"a;b"');
    expect(quoteField("plain")).toBe("plain");
  });

  it("starts with a BOM and ends every row with CRLF", () => {
    const csv = toCsv([["a", "b"], ["=1", "x,y"]]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(csv.slice(1)).toBe('a,b\r\n\'=1,"x,y"\r\n');
  });
});

describe("CSV of stored records", () => {
  let db: PolicyLensDB;
  beforeEach(async () => {
    db = freshDb("csv");
    await fillSample(db);
  });
  afterEach(() => db.delete());

  it("one row per annotation and page note, every cell read back as written (neutralised)", async () => {
    const bundle = await gatherExport(db, { kind: "all" });
    const csv = bundleToCsv(bundle);
    expect(csv.startsWith(BOM)).toBe(true);
    const rows = parseCsv(csv.slice(1));
    const [header, ...body] = rows;
    expect(header).toEqual([
      "Page title",
      "URL",
      "Site",
      "Article date",
      "Kind",
      "Subkind",
      "Text",
      "Normalised value",
      "Unit",
      "Approximation",
      "Name",
      "Title",
      "Refers to",
      "Document type",
      "Number / symbol",
      "Issued by",
      "Date of issue",
      "Speaker",
      "Verb",
      "Status",
      "Starred",
      "Not found on the page",
      "Note",
      "Tags",
      "Created",
      "Updated",
      "Id",
    ]);
    expect(body).toHaveLength(bundle.annotations.length + bundle.notes.length);
    for (const row of body) expect(row).toHaveLength(header!.length);
    const col = (name: string) => header!.indexOf(name);

    // no cell can start a formula
    for (const row of body) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    const leader = body.find((r) => r[col("Note")] === HOSTILE_NOTE)!;
    expect(leader).toBeDefined(); // the hostile note survives intact (it starts with "<", not a formula)
    expect(leader[col("Starred")]).toBe("1");
    expect(leader[col("Status")]).toBe("confirmed");
    expect(leader[col("Tags")]).toBe("lãnh đạo; =SUM(A1)");
    expect(leader[col("Name")]).toBe("Phạm Minh Chính");
    expect(leader[col("Article date")]).toBe("2025-03-12");
    expect(leader[col("Created")]).toBe("2026-11-22T09:00:00.000Z");

    const percent = body.find((r) => r[col("Subkind")] === "percent" && r[col("Starred")] === "1")!;
    expect(percent[col("Note")]).toBe("'+1 -2 @SUM(A1) \tTab \rCR");
    expect(percent[col("Normalised value")]).toBe("8");
    expect(percent[col("Approximation")]).toBe("more");

    const instruction = body.find((r) => r[col("Subkind")] === "instruction")!;
    expect(instruction[col("Text")]).toBe("Thủ tướng yêu cầu các bộ, ngành khẩn trương hoàn thiện thể chế");

    const pageNote = body.find((r) => r[col("Kind")] === "page-note")!;
    expect(pageNote[col("Note")]).toBe("Bài quan trọng\n# không phải tiêu đề\n<i>x</i>");

    // NFD Vietnamese is written as it is stored
    expect(body.some((r) => r[col("Page title")] === NFD_TITLE)).toBe(true);
    // pages are grouped: every page's rows are contiguous
    const urls = body.map((r) => r[col("URL")]);
    expect(new Set(urls).size).toBe(urls.filter((u, i) => u !== urls[i - 1]).length);
  });

  it("writes Vietnamese headers and another delimiter when asked", async () => {
    const csv = bundleToCsv(await gatherExport(db, { kind: "all" }), { language: "vi", delimiter: ";" });
    const rows = parseCsv(csv.slice(1), ";");
    expect(rows[0]![0]).toBe("Tiêu đề bài viết");
    expect(rows[0]![6]).toBe("Nội dung");
    expect(rows.slice(1).every((r) => r.length === rows[0]!.length)).toBe(true);
  });

  it("an empty selection is a header row only", () => {
    const rows = parseCsv(bundleToCsv({ pages: [], annotations: [], notes: [] }).slice(1));
    expect(rows).toHaveLength(1);
  });
});
