// @vitest-environment happy-dom
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backupToJson, createBackup } from "@/lib/export/backup";
import { T0, fillSample, snapshot, type Sample } from "@/lib/export/test-data";
import type { ExportFile } from "@/lib/export/types";
import { localDay } from "@/lib/store/derive";
import { CURRENT_VERSION, type PolicyLensDB } from "@/lib/store/schema";
import { freshDb } from "@/lib/store/testing";
import { GOVERNMENT_DOMAINS } from "@/lib/sites";
import { Options, type OptionsProps } from "./Options";

let container: HTMLElement;
let source: PolicyLensDB;
let target: PolicyLensDB;
let sample: Sample;
let backupText: string;
let files: ExportFile[];

async function waitFor(check: () => void, timeout = 5000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() - start > timeout) throw error;
    }
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
  }
}

async function mount(db: PolicyLensDB, props: Partial<OptionsProps> = {}) {
  await act(() => {
    render(<Options db={db} language="en" now={() => T0} download={(f) => void files.push(f)} {...props} />, container);
  });
}

async function pick(file: File) {
  const input = container.querySelector<HTMLInputElement>("input[type=file]")!;
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

const importStatus = () => container.querySelector(".import-status")!.textContent ?? "";
const alertText = () => container.querySelector('[role="alert"]')?.textContent ?? "";
const button = (label: string) => [...container.querySelectorAll("button")].find((b) => b.textContent === label);

beforeEach(async () => {
  container = document.createElement("div");
  document.body.append(container);
  source = freshDb("options-source");
  target = freshDb("options-target");
  sample = await fillSample(source);
  backupText = backupToJson(await createBackup(source, T0));
  files = [];
});
afterEach(async () => {
  render(null, container);
  container.remove();
  await source.delete();
  await target.delete();
});

describe("Options", () => {
  it("has the sections Sites (the list), Export and Backup and import", async () => {
    await mount(source);
    expect([...container.querySelectorAll("h2")].map((h) => h.textContent)).toEqual(["Sites", "Export", "Backup and import"]);
    expect([...container.querySelectorAll("li code")].map((c) => c.textContent)).toEqual([...GOVERNMENT_DOMAINS]);
    await act(() => render(<Options db={source} language="vi" />, container));
    expect([...container.querySelectorAll("h2")].map((h) => h.textContent)).toEqual(["Các trang", "Xuất dữ liệu", "Sao lưu và nhập dữ liệu"]);
  });

  it("downloads a full backup with the schema version", async () => {
    await mount(source);
    await act(() => button("Download a full backup")!.click());
    await waitFor(() => expect(files).toHaveLength(1));
    expect(files[0]!.name).toBe(`policy-lens-backup-${localDay(T0)}.json`);
    const backup = JSON.parse(files[0]!.content);
    expect(backup).toMatchObject({ format: "policy-lens-backup", schemaVersion: CURRENT_VERSION });
    expect(backup.annotations).toHaveLength(sample.annotations.length);
    expect(backup.deletions).toHaveLength(1);
  });

  it("checks a file, shows what it holds, imports it on confirmation, and reports the counts", async () => {
    await mount(target);
    await pick(new File([backupText], "policy-lens-backup.json", { type: "application/json" }));
    await waitFor(() => expect(importStatus()).toBe(`policy-lens-backup.json: 2 pages, ${sample.annotations.length} annotations, 1 page notes. Nothing has been changed yet.`));
    expect(await target.annotations.count()).toBe(0); // nothing written before the reader confirms
    await act(() => button("Import")!.click());
    await waitFor(() => expect(importStatus()).toBe(`Imported: 2 new pages, ${sample.annotations.length} new annotations, 0 updated, 1 new page notes; 0 already up to date.`));
    const after = await snapshot(target);
    expect(after.annotations).toHaveLength(sample.annotations.length);

    // the same file again: nothing new
    await pick(new File([backupText], "policy-lens-backup.json"));
    await waitFor(() => expect(button("Import")).toBeDefined());
    await act(() => button("Import")!.click());
    await waitFor(() => expect(importStatus()).toMatch(/^Imported: 0 new pages, 0 new annotations, 0 updated, 0 new page notes/));
    expect(await snapshot(target)).toEqual(after);
  });

  it("cancelling leaves everything as it was", async () => {
    await mount(target);
    await pick(new File([backupText], "b.json"));
    await waitFor(() => expect(button("Cancel")).toBeDefined());
    await act(() => button("Cancel")!.click());
    expect(importStatus()).toBe("");
    expect(await target.pages.count()).toBe(0);
  });

  it.each([
    ["truncated", (t: string) => t.slice(0, 500), /^This file cannot be imported, nothing was changed: The file is truncated: it ends at position 500/],
    ["from a newer version", (t: string) => t.replace(`"schemaVersion":${CURRENT_VERSION}`, `"schemaVersion":${CURRENT_VERSION + 1}`), /made by a newer version of Policy Lens/],
    ["of another format", () => '{"format":"something-else"}', /Unknown file format "something-else"/],
    ["hostile", (t: string) => t.replace('"pages":[\n{', '"pages":[\n{"__proto__":{"polluted":1},'), /forbidden field "__proto__"/],
    ["not JSON", () => "<html><body>not a backup</body></html>", /not valid JSON at position 0/],
  ])("a %s file gets an alert naming the problem, and changes nothing", async (_, make, message) => {
    await mount(target);
    await pick(new File([make(backupText)], "<img src=x onerror=alert(1)>.json"));
    await waitFor(() => expect(alertText()).toMatch(message));
    expect(button("Import")).toBeUndefined();
    expect(await snapshot(target)).toEqual({ pages: [], annotations: [], notes: [], deletions: [] });
    expect(container.querySelector("img, script")).toBeNull();
  });

  it("refuses a file too large before reading it", async () => {
    await mount(target, { maxImportBytes: 100 });
    await pick(new File(["x".repeat(2000)], "big.json"));
    await waitFor(() => expect(alertText()).toMatch(/too large/));
  });
});

describe("Options: W3C files from other tools", () => {
  it("imports the annotations it can keep and says how many it leaves out", async () => {
    const w3c = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "AnnotationPage",
      items: [
        { id: "https://hypothes.is/a/1", type: "Annotation", body: { type: "TextualBody", value: "ghi chú" }, target: { source: "https://chinhphu.vn/tin", selector: { type: "TextQuoteSelector", exact: "Thủ tướng" } } },
        { type: "Annotation", target: { source: "urn:x-pdf:abc", selector: { type: "TextQuoteSelector", exact: "x" } } },
      ],
    };
    await mount(target);
    await pick(new File([JSON.stringify(w3c)], "hypothesis.json"));
    await waitFor(() => expect(container.querySelector(".import-skipped")?.textContent).toMatch(/^1 annotations in the file will be left out/));
    await act(() => button("Import")!.click());
    await waitFor(() => expect(importStatus()).toMatch(/^Imported: 1 new pages, 1 new annotations/));
    expect((await target.annotations.toArray())[0]).toMatchObject({ kind: "note", text: "Thủ tướng", note: "ghi chú", pageUrl: "https://chinhphu.vn/tin" });
  });
});
