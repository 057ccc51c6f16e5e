// Reading import files: what is accepted, and a clear message for everything that is not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CURRENT_VERSION, type PolicyLensDB } from "../store/schema";
import { freshDb } from "../store/testing";
import { backupToJson, createBackup, type Backup } from "./backup";
import { findJsonError, parseImportFile } from "./import";
import { T0, fillSample } from "./test-data";

let db: PolicyLensDB;
let backup: Backup;
let text: string;

beforeAll(async () => {
  db = freshDb("import");
  await fillSample(db);
  backup = await createBackup(db, T0 + 60_000);
  text = backupToJson(backup);
});
afterAll(() => db.delete());

/** The backup with one change made by `edit` to a deep copy. */
function edited(edit: (b: Record<string, any>) => void): string {
  const copy = JSON.parse(text) as Record<string, any>;
  edit(copy);
  return JSON.stringify(copy);
}

function expectError(input: string, code: string, ...fragments: (string | RegExp)[]) {
  const r = parseImportFile(input, T0);
  expect(r.ok, JSON.stringify(r).slice(0, 300)).toBe(false);
  if (r.ok) return;
  expect(r.code).toBe(code);
  for (const f of fragments) expect(r.error).toMatch(f);
}

describe("parseImportFile: a good backup", () => {
  it("is read back as it was written, with its schema version", () => {
    const r = parseImportFile(text, T0);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.kind).toBe("backup");
    expect(r.schemaVersion).toBe(CURRENT_VERSION);
    expect(r.data).toEqual({ pages: backup.pages, annotations: backup.annotations, notes: backup.notes, deletions: backup.deletions });
    expect(r.data.deletions).toHaveLength(1);
  });

  it("accepts a byte order mark, and a version 1 backup (no deletions, no orphaned flag)", () => {
    expect(parseImportFile(`\ufeff${text}`).ok).toBe(true);
    const v1 = edited((b) => {
      b.schemaVersion = 1;
      delete b.deletions;
      for (const a of b.annotations) delete a.orphaned;
    });
    const r = parseImportFile(v1);
    expect(r.ok && r.data.annotations.every((a) => a.orphaned === 0) && r.data.deletions.length === 0).toBe(true);
  });
});

describe("parseImportFile: files that are refused, with a message naming the problem", () => {
  it("an empty file", () => expectError("  \n", "empty", /empty/));

  it("a truncated file says so, and where", () => {
    const cut = text.slice(0, Math.floor(text.length / 2));
    expectError(cut, "truncated", /truncated/, new RegExp(`position ${cut.length}`));
    expectError('{"format":"policy-lens-backup","pages":[{"url":"https://x.vn/a","title":"Th', "truncated", /in the middle of a text value/);
    expectError('{"format":"policy-lens-backup","schemaVersion":2', "truncated", /in the middle of an object/);
    expectError("[tru", "truncated");
  });

  it("invalid JSON says where (position, line, column) and what was expected", () => {
    expectError('{"format": "policy-lens-backup",\n "x": 1,}', "not-json", /not valid JSON at position 41 \(line 2, column 9\)/, /field name/);
    expectError("hello", "not-json", /position 0/);
    expectError("{} {}", "not-json", /position 3/, /end of the file/);
    expect(findJsonError('{"a":[1,2,{"b":null}],"c":"\\u00e9"}')).toBeUndefined();
    expect(findJsonError('{"a":"line\nbreak"}')).toMatchObject({ at: 10, truncated: false });
  });

  it("JSON of another kind", () => {
    expectError('{"format":"evernote-export","notes":[]}', "unknown-format", /Unknown file format "evernote-export"/);
    expectError('{"hello":"world"}', "unknown-format", /neither a Policy Lens backup nor W3C/);
    expectError("42", "unknown-format");
  });

  it("a backup from a newer version", () => {
    expectError(edited((b) => (b.schemaVersion = CURRENT_VERSION + 1)), "newer-version", /newer version of Policy Lens/, new RegExp(`data version ${CURRENT_VERSION + 1}`), /Update the extension/);
  });

  it("prototype pollution keys anywhere", () => {
    const polluted = text.replace('"annotations":[\n{', '"annotations":[\n{"__proto__":{"isAdmin":true},');
    expectError(polluted, "forbidden-key", /"__proto__"/, /annotations\[0\]/);
    expectError(edited((b) => (b.pages[0].constructor = { prototype: {} })), "forbidden-key", /"constructor"/);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it("hostile nesting and sizes", () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const r = parseImportFile(deep);
    expect(r.ok).toBe(false);
    expectError(`{"format":"policy-lens-backup","schemaVersion":2,"exportedAt":"2026-11-22T00:00:00Z","pages":[],"annotations":[],"notes":[],"deletions":[${"0,".repeat(500_000)}0]}`, "too-many", /deletions has 500001 entries/);
  });

  it.each([
    ["a javascript: page address", (b: any) => (b.pages[0].url = "javascript:alert(1)"), /pages\[0\]\.url must be an http or https address/],
    ["a data: address on an annotation", (b: any) => (b.annotations[0].pageUrl = "data:text/html,<script>alert(1)</script>"), /annotations\[0\]\.pageUrl must be an http or https address/],
    ["a file: address", (b: any) => (b.notes[0].pageUrl = "file:///etc/passwd"), /notes\[0\]\.pageUrl must be an http or https address/],
    ["not an address", (b: any) => (b.pages[1].url = "not a url"), /pages\[1\]\.url is not a web address/],
    ["an unknown status", (b: any) => (b.annotations[2].status = "approved"), /annotations\[2\]\.status must be one of new, confirmed, rejected/],
    ["an unknown kind", (b: any) => (b.annotations[0].kind = "person"), /annotations\[0\]\.kind must be one of leader, directive, number, note/],
    ["a star that is not 0 or 1", (b: any) => (b.annotations[0].starred = true), /annotations\[0\]\.starred must be a whole number/],
    ["a date that does not exist", (b: any) => (b.annotations[0].date = "2025-02-30"), /annotations\[0\]\.date must be a date written yyyy-mm-dd/],
    ["a bad export time", (b: any) => (b.exportedAt = "yesterday"), /exportedAt must be an ISO 8601 date/],
    ["a time out of range", (b: any) => (b.annotations[0].createdAt = -5), /createdAt must be between/],
    ["text too long", (b: any) => (b.annotations[0].note = "x".repeat(20_001)), /annotations\[0\]\.note is too long \(20001 characters; at most 20000\)/],
    ["an empty quote", (b: any) => (b.annotations[0].selectors.quote.exact = ""), /selectors\.quote\.exact must not be empty/],
    ["a position ending before it starts", (b: any) => (b.annotations[0].selectors.position = { type: "TextPositionSelector", start: 10, end: 2 }), /position\.end must be between 10/],
    ["a selector of another type", (b: any) => (b.annotations[0].selectors.quote.type = "CssSelector"), /quote\.type must be one of TextQuoteSelector/],
    ["too many tags", (b: any) => (b.annotations[0].tags = Array.from({ length: 51 }, (_, i) => `t${i}`)), /annotations\[0\]\.tags has 51 entries/, "too-many"],
    ["a tag that is not text", (b: any) => (b.annotations[0].tags = [1]), /annotations\[0\]\.tags\[0\] must be text/],
    ["an id with odd characters", (b: any) => (b.annotations[0].id = "<script>"), /annotations\[0\]\.id is not a valid id/],
    ["an unknown field", (b: any) => (b.annotations[0].html = "<b>"), /annotations\[0\] has an unknown field "html"/],
    ["an unknown attribute", (b: any) => (b.annotations[0].attributes.onclick = "x"), /attributes has an unknown field "onclick"/],
    ["an unknown top-level field", (b: any) => (b.extra = 1), /has an unknown field "extra"/],
    ["records that are not a list", (b: any) => (b.annotations = {}), /annotations must be a list/],
    ["a duplicate id", (b: any) => (b.annotations[1].id = b.annotations[0].id), /annotations\[1\]\.id repeats the annotation id/],
    ["a duplicate annotation of a page", (b: any) => (b.annotations[1] = { ...b.annotations[0], id: "other-id" }), /repeats an annotation of the same page/],
    ["an annotation of a page not in the file", (b: any) => (b.pages = b.pages.filter((p: any) => p.url !== b.annotations[0].pageUrl)), /names a page that is not in the file/],
    ["a missing format version", (b: any) => delete b.schemaVersion, /schemaVersion must be a whole number/],
  ] as [string, (b: any) => unknown, RegExp, string?][])("%s", (_, edit, message, code = "invalid") => {
    expectError(edited(edit), code, message);
  });
});

describe("parseImportFile: W3C Web Annotation data from another tool", () => {
  const hypothesisLike = {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    type: "AnnotationPage",
    items: [
      {
        id: "https://hypothes.is/a/abc123",
        type: "Annotation",
        motivation: "commenting",
        created: "2025-03-13T08:00:00Z",
        modified: "2025-03-14T08:00:00+07:00",
        body: [
          { type: "TextualBody", value: "Cần theo dõi <b>tiến độ</b>", format: "text/html" },
          { type: "TextualBody", purpose: "tagging", value: "kinh tế" },
        ],
        target: { source: "https://baochinhphu.vn/bai-viet.htm?utm_source=zalo#top", selector: { type: "TextQuoteSelector", exact: "tăng trưởng GDP" } },
      },
      { type: "Annotation", body: { type: "TextualBody", value: "Ghi chú cả bài" }, target: "https://chinhphu.vn/tin" },
      { type: "Annotation", target: { source: "urn:x-pdf:123", selector: { type: "TextQuoteSelector", exact: "x" } } },
      { type: "Annotation", target: { source: "https://chinhphu.vn/tin" } },
    ],
  };

  it("keeps a TextQuoteSelector-only annotation as the reader's highlight, and a whole-page one as a page note", () => {
    const r = parseImportFile(JSON.stringify(hypothesisLike), T0);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.kind).toBe("w3c");
    expect(r.skipped).toBe(2); // the PDF, and the annotation with nothing in it
    const [a] = r.data.annotations;
    expect(a).toMatchObject({
      pageUrl: "https://baochinhphu.vn/bai-viet.htm",
      site: "baochinhphu.vn",
      kind: "note",
      text: "tăng trưởng GDP",
      note: "Cần theo dõi <b>tiến độ</b>",
      tags: ["kinh tế"],
      status: "confirmed",
      starred: 0,
      createdAt: Date.parse("2025-03-13T08:00:00Z"),
      updatedAt: Date.parse("2025-03-14T01:00:00Z"),
      selectors: { quote: { type: "TextQuoteSelector", exact: "tăng trưởng GDP", prefix: "", suffix: "" }, position: { type: "TextPositionSelector", start: 0, end: 15 } },
    });
    expect(a!.fingerprint).toBe(`note:${a!.id}`);
    expect(a!.date).toBe("2025-03-13");
    expect(r.data.notes).toEqual([expect.objectContaining({ pageUrl: "https://chinhphu.vn/tin", text: "Ghi chú cả bài", tags: [] })]);
    expect(r.data.pages.map((p) => p.url).sort()).toEqual(["https://baochinhphu.vn/bai-viet.htm", "https://chinhphu.vn/tin"]);
    // the same file read twice gives the same ids (importing it again adds nothing)
    const again = parseImportFile(JSON.stringify(hypothesisLike), T0 + 1);
    expect(again.ok && again.data.annotations[0]!.id).toBe(a!.id);
  });

  it("reads a single annotation, a plain list, and a collection", () => {
    const one = hypothesisLike.items[0]!;
    expect(parseImportFile(JSON.stringify(one)).ok).toBe(true);
    expect(parseImportFile(JSON.stringify([one])).ok).toBe(true);
    const collection = { "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationCollection", first: { type: "AnnotationPage", items: [one] } };
    const r = parseImportFile(JSON.stringify(collection));
    expect(r.ok && r.data.annotations).toHaveLength(1);
    expectError(JSON.stringify({ ...collection, first: "https://example.org/page1" }), "invalid", /not in the file/);
  });

  it("refuses malformed W3C data with the item's place", () => {
    const bad = structuredClone(hypothesisLike);
    (bad.items[0]!.target as { selector: object }).selector = [{ type: "TextQuoteSelector", exact: 42 }];
    expectError(JSON.stringify(bad), "invalid", /the page\.items\[0\]\.target\.selector\[0\]\.exact must be text/);
    const badDate = structuredClone(hypothesisLike);
    badDate.items[0]!.created = "13/03/2025";
    expectError(JSON.stringify(badDate), "invalid", /items\[0\]\.created must be an ISO 8601 date/);
    expectError(JSON.stringify({ type: "AnnotationPage", items: [{ type: "Note" }] }), "invalid", /items\[0\]\.type must be Annotation/);
    expectError(JSON.stringify({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", "policy-lens:record": {}, target: { source: "javascript:alert(1)", selector: [] } }), "invalid", /http or https/);
  });
});
