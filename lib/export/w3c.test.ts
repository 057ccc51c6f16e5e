import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PolicyLensDB } from "../store/schema";
import { freshDb } from "../store/testing";
import { portableAnnotation, portableNote } from "./backup";
import { importData, parseImportFile } from "./import";
import { gatherExport } from "./select";
import { HOSTILE_NOTE, T0, fillSample, snapshot, type Sample } from "./test-data";
import { ANNO_CONTEXT, annotationIri, idOfIri, toW3C, w3cToJson } from "./w3c";

/** Terms of http://www.w3.org/ns/anno.jsonld used here; anything else must be our own prefixed extension. */
const ANNO_TERMS = new Set(["@context", "id", "type", "label", "total", "generated", "generator", "name", "first", "items", "startIndex", "motivation", "created", "modified", "body", "target", "source", "selector", "exact", "prefix", "suffix", "start", "end", "purpose", "value", "format"]);

function keysOutsideVocabulary(v: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => keysOutsideVocabulary(x, out));
  else if (typeof v === "object" && v !== null) {
    for (const [k, x] of Object.entries(v)) {
      if (k.startsWith("policy-lens:")) continue; // extension data: not walked
      if (!ANNO_TERMS.has(k)) out.add(k);
      keysOutsideVocabulary(x, out);
    }
  }
  return out;
}

describe("W3C Web Annotation export", () => {
  let db: PolicyLensDB;
  let sample: Sample;
  beforeEach(async () => {
    db = freshDb("w3c");
    sample = await fillSample(db);
  });
  afterEach(() => db.delete());

  it("is an AnnotationCollection of Annotations with selectors, bodies and times", async () => {
    const bundle = await gatherExport(db, { kind: "all" });
    const doc = JSON.parse(w3cToJson(toW3C(bundle, { exportedAt: T0, id: "00000000-0000-4000-8000-000000000000" })));
    expect(doc["@context"]).toBe(ANNO_CONTEXT);
    expect(doc.type).toBe("AnnotationCollection");
    expect(doc.id).toBe("urn:uuid:00000000-0000-4000-8000-000000000000");
    expect(doc.total).toBe(sample.annotations.length + sample.notes.length);
    expect(doc.first.type).toBe("AnnotationPage");
    expect(keysOutsideVocabulary(doc)).toEqual(new Set());

    const items = doc.first.items as any[];
    const byId = new Map(items.map((i) => [i.id, i]));
    for (const r of sample.annotations) {
      const a = byId.get(`urn:uuid:${r.id}`);
      expect(a, r.id).toBeDefined();
      expect(a.type).toBe("Annotation");
      expect(a.created).toBe(new Date(r.createdAt).toISOString());
      expect(a.modified).toBe(new Date(r.updatedAt).toISOString());
      expect(a.target.source).toBe(r.pageUrl);
      expect(a.target.selector).toEqual([r.selectors.quote, r.selectors.position]);
      expect(a.motivation).toBe(r.note ? "commenting" : r.tags.length > 0 ? "tagging" : r.kind === "note" ? "highlighting" : "classifying");
      const purposes = a.body.map((b: any) => b.purpose);
      expect(purposes.filter((p: string) => p === "tagging")).toHaveLength(r.tags.length);
      expect(a.body.filter((b: any) => b.purpose === "tagging").map((b: any) => b.value)).toEqual(r.tags);
      expect(a.body.find((b: any) => b.purpose === "commenting")?.value ?? "").toBe(r.note);
      expect(a.body.find((b: any) => b.purpose === "classifying").value).toBe(r.subkind ? `${r.kind}/${r.subkind}` : r.kind);
      for (const b of a.body) expect(b.type).toBe("TextualBody");
      expect(a["policy-lens:record"]).toMatchObject({ kind: r.kind, fingerprint: r.fingerprint, status: r.status, starred: r.starred });
    }
    const pageNote = byId.get(`urn:uuid:${sample.notes[0]!.id}`);
    expect(pageNote).toMatchObject({ motivation: "commenting", target: sample.notes[0]!.pageUrl });
    // the note is a plain-text value in JSON: never markup
    expect(items.some((i) => i.body.some((b: any) => b.value === HOSTILE_NOTE && b.format === "text/plain"))).toBe(true);
  });

  it("maps ids to urn:uuid and back; other ids to a urn of its own", () => {
    const id = "0b9c5c3e-8b43-4a43-9c38-7cbb3f5a2f10";
    expect(annotationIri(id)).toBe(`urn:uuid:${id}`);
    expect(idOfIri(annotationIri(id))).toBe(id);
    expect(annotationIri("custom:id-1")).toBe("urn:policy-lens:custom%3Aid-1");
    expect(idOfIri(annotationIri("custom:id-1"))).toBe("custom:id-1");
    expect(idOfIri("https://hypothes.is/a/1")).toBeUndefined();
  });

  it("reads back to the same records, and imports into an empty profile as they were (deletions aside)", async () => {
    const json = w3cToJson(toW3C(await gatherExport(db, { kind: "all" })));
    const parsed = parseImportFile(json);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.kind).toBe("w3c");
    expect(parsed.skipped).toBe(0);
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(parsed.data.annotations)).toEqual(byId(sample.annotations.map(portableAnnotation)));
    expect(byId(parsed.data.notes)).toEqual(byId(sample.notes.map(portableNote)));

    const target = freshDb("w3c-target");
    try {
      const counts = await importData(target, parsed.data);
      expect(counts).toMatchObject({ annotationsAdded: sample.annotations.length, notesAdded: sample.notes.length, pagesAdded: sample.pages.length });
      const after = await snapshot(target);
      expect(after.pages).toEqual(sample.pages);
      expect(after.annotations).toEqual(sample.annotations);
      expect(after.notes).toEqual(sample.notes);
      expect(after.deletions).toEqual([]);
    } finally {
      await target.delete();
    }
  });
});
