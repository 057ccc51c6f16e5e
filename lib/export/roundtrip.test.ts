// The round trip a reader relies on: export everything → import into an empty profile → the same
// data, table by table — at scale (10,000 annotations over 500 pages), with notes full of Markdown
// and HTML special characters, Vietnamese in NFD, stars, statuses, tags, orphans, page notes and
// deletions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { annotationSearchWords, fingerprintOf, localDay, normalizedValue } from "../store/derive";
import type { PolicyLensDB } from "../store/schema";
import { freshDb } from "../store/testing";
import { REVIEW_STATUSES, type AnnotationAttributes, type AnnotationRecord, type DeletionRecord, type NoteRecord, type PageRecord, type StoredKind } from "../store/types";
import { searchWordsOf } from "../text-fold";
import { backupToJson, createBackup } from "./backup";
import { bundleToCsv } from "./csv";
import { importData, parseImportFile } from "./import";
import { bundleToMarkdown } from "./markdown";
import { gatherExport } from "./select";
import { HOSTILE_NOTE, T0, snapshot, type Sample } from "./test-data";
import { toW3C, w3cToJson } from "./w3c";

const PAGES = 500;
const PER_PAGE = 20;

/** mulberry32: the same "random" store on every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEADERS = ["Phạm Minh Chính", "Trần Hồng Hà", "Lê Minh Khái", "Nguyễn Hòa Bình", "Bùi Thanh Sơn"];
const NOTES = [HOSTILE_NOTE, "Theo dõi *tiến độ* | `kế hoạch`", "<b>Quan trọng</b> & [link](javascript:void 0)", "# Không phải tiêu đề\n- cũng không phải danh sách", "=1+1", "", "", ""];
const TAGS = ["kinh tế", "ngoại giao", "=cmd", "Hòa bình".normalize("NFD"), "#tag", "a|b"];

function buildStore(): Sample {
  const random = prng(20261122);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const pages: PageRecord[] = [];
  const annotations: AnnotationRecord[] = [];
  const notes: NoteRecord[] = [];
  const deletions: DeletionRecord[] = [];
  for (let p = 0; p < PAGES; p++) {
    const nfd = p % 2 === 1;
    const form = (s: string) => (nfd ? s.normalize("NFD") : s);
    const url = `https://${p % 3 === 0 ? "baochinhphu.vn" : "mofa.gov.vn"}/bai-${p}-1022${String(p).padStart(5, "0")}.htm${p % 7 === 0 ? "?id=7&page=2" : ""}`;
    const site = new URL(url).hostname;
    const firstSeen = T0 - p * 86_400_000;
    const page: PageRecord = {
      url,
      title: form(`Thủ tướng ${pick(LEADERS)} làm việc <số ${p}> "đặc biệt" #${p}`),
      site,
      ...(p % 4 === 0 ? {} : { articleDate: localDay(firstSeen - 86_400_000) }),
      firstSeen,
      lastSeen: firstSeen + p * 1000,
      visits: 1 + (p % 5),
    };
    pages.push(page);
    const date = page.articleDate ?? localDay(page.firstSeen);
    for (let k = 0; k < PER_PAGE; k++) {
      const kind: StoredKind = (["leader", "directive", "number", "note"] as const)[k % 4]!;
      const leader = pick(LEADERS);
      let subkind: string | undefined;
      let attributes: AnnotationAttributes = {};
      let text: string;
      if (kind === "leader") {
        text = form(`Thủ tướng ${leader}`);
        attributes = { name: form(leader), title: form("Thủ tướng") };
      } else if (kind === "directive") {
        subkind = k % 8 === 1 ? "document" : "instruction";
        text = subkind === "document" ? form(`Nghị định ${k}/2023/NĐ-CP`) : form(`Thủ tướng yêu cầu các bộ, ngành <khẩn trương> ${k}`);
        attributes = subkind === "document" ? { docType: form("Nghị định"), code: form(`${k}/2023/NĐ-CP`), date: "2023-04-17" } : { speaker: form("Thủ tướng"), verb: form("yêu cầu") };
      } else if (kind === "number") {
        subkind = "money";
        text = form(`hơn ${k} nghìn tỷ đồng`);
        attributes = { value: k * 1e12, unit: "VND", approx: "more" };
      } else text = form(`đoạn văn *được chọn* ${k} | _ghi chú_`);
      const start = k * 100;
      const quote = { type: "TextQuoteSelector" as const, exact: text, prefix: form(`Chiều 12/3, tại trụ sở số ${k}, `), suffix: form(" chủ trì cuộc họp") };
      const id = crypto.randomUUID();
      const note = kind === "note" ? pick(NOTES.filter(Boolean)) : form(pick(NOTES));
      const tags = random() < 0.3 ? [...new Set([pick(TAGS), pick(TAGS)])] : [];
      const edited = note !== "" || tags.length > 0 || random() < 0.3;
      const createdAt = firstSeen + k;
      const record: AnnotationRecord = {
        id,
        pageUrl: url,
        site,
        date,
        kind,
        ...(subkind ? { subkind } : {}),
        text,
        attributes,
        normalized: normalizedValue(kind, subkind, attributes, text),
        fingerprint: kind === "note" ? `note:${id}` : fingerprintOf(kind, subkind, quote),
        selectors: { quote, position: { type: "TextPositionSelector", start, end: start + text.length } },
        status: kind === "note" ? "confirmed" : edited ? pick(REVIEW_STATUSES) : "new",
        starred: edited && random() < 0.5 ? 1 : 0,
        note,
        tags,
        createdAt,
        updatedAt: edited ? createdAt + 1 + Math.floor(random() * 1e6) : createdAt,
        searchWords: [],
        orphaned: random() < 0.05 ? 1 : 0,
      };
      record.searchWords = annotationSearchWords(record);
      annotations.push(record);
    }
    if (p % 5 === 0) {
      const text = form(`Ghi chú về bài ${p}: ${pick(NOTES) || "<i>trống</i>"}`);
      const tags = [pick(TAGS)];
      notes.push({ id: crypto.randomUUID(), pageUrl: url, site, text, tags, createdAt: firstSeen + 500, updatedAt: firstSeen + 900, searchWords: searchWordsOf(text, ...tags) });
    }
    if (p % 10 === 0) deletions.push({ pageUrl: url, fingerprint: `number:deleted${p}`, deletedAt: firstSeen + 1000 });
  }
  return { pages, annotations, notes, deletions };
}

const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
function sorted(s: Sample): Sample {
  return {
    pages: [...s.pages].sort(byKey((p) => p.url)),
    annotations: [...s.annotations].sort(byKey((a) => a.id)),
    notes: [...s.notes].sort(byKey((n) => n.id)),
    deletions: [...s.deletions].sort(byKey((d) => `${d.pageUrl}\u0000${d.fingerprint}`)),
  };
}

describe("round trip at scale", () => {
  let source: PolicyLensDB;
  let target: PolicyLensDB;
  let original: Sample;

  beforeAll(async () => {
    source = freshDb("roundtrip-source");
    target = freshDb("roundtrip-target");
    original = buildStore();
    await source.transaction("rw", [source.pages, source.annotations, source.notes, source.deletions], async () => {
      await source.pages.bulkAdd(original.pages);
      await source.annotations.bulkAdd(original.annotations);
      await source.notes.bulkAdd(original.notes);
      await source.deletions.bulkAdd(original.deletions);
    });
  }, 120_000);
  afterAll(async () => {
    await source.delete();
    await target.delete();
  });

  it(
    "backup of 10,000 annotations over 500 pages → import into an empty profile → identical tables",
    async () => {
      expect(original.annotations).toHaveLength(PAGES * PER_PAGE);
      const stored = sorted(await snapshot(source));
      expect(stored).toEqual(sorted(original));

      const text = backupToJson(await createBackup(source, T0));
      const parsed = parseImportFile(text);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const counts = await importData(target, parsed.data);
      expect(counts).toEqual({
        pagesAdded: PAGES,
        pagesUpdated: 0,
        annotationsAdded: PAGES * PER_PAGE,
        annotationsUpdated: 0,
        notesAdded: original.notes.length,
        notesUpdated: 0,
        deletionsAdded: original.deletions.length,
        skipped: 0,
      });
      expect(sorted(await snapshot(target))).toEqual(stored);

      // and once more: nothing is duplicated
      const again = await importData(target, parsed.data);
      expect(again.annotationsAdded + again.notesAdded + again.pagesAdded + again.annotationsUpdated).toBe(0);
      expect(await target.annotations.count()).toBe(PAGES * PER_PAGE);
    },
    120_000,
  );

  it(
    "the other formats cover every record at this scale",
    async () => {
      const bundle = await gatherExport(source, { kind: "all" });
      expect(bundle.annotations).toHaveLength(PAGES * PER_PAGE);
      const csvRows = bundleToCsv(bundle).split("\r\n").length - 1; // CRLF ends rows; notes' own line breaks are LF
      expect(csvRows).toBe(1 + bundle.annotations.length + bundle.notes.length);
      const md = bundleToMarkdown(bundle, { includeRejected: true });
      expect(md.match(/^## /gm)).toHaveLength(PAGES);
      expect(md).not.toMatch(/<(img|script|b|i)\b/);
      const w3c = parseImportFile(w3cToJson(toW3C(bundle)));
      expect(w3c.ok && w3c.data.annotations.length).toBe(PAGES * PER_PAGE);
    },
    120_000,
  );
});
