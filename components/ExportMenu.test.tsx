// @vitest-environment happy-dom
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BOM } from "@/lib/export/csv";
import type { ExportFile } from "@/lib/export/types";
import { HOSTILE_TITLE, T0, fillSample, type Sample } from "@/lib/export/test-data";
import { recordVisit } from "@/lib/store/repository";
import { localDay } from "@/lib/store/derive";
import { ARTICLE, ARTICLE_URL, extractArticle } from "@/lib/store/fixtures";
import type { PolicyLensDB } from "@/lib/store/schema";
import { freshDb } from "@/lib/store/testing";
import { ExportMenu, downloadFile, type ExportMenuProps } from "./ExportMenu";

let container: HTMLElement;
let db: PolicyLensDB;
let sample: Sample;
let files: ExportFile[];
const download = (file: ExportFile) => void files.push(file);
const DAY = localDay(T0);

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

async function mount(props: Partial<ExportMenuProps> = {}) {
  await act(() => {
    render(<ExportMenu db={db} language="en" now={() => T0} download={download} {...props} />, container);
  });
}

async function choose(name: "format" | "scope", value: string) {
  const select = container.querySelector<HTMLSelectElement>(`select[name=${name}]`)!;
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

async function exportNow() {
  await act(() => container.querySelector<HTMLButtonElement>("button[type=submit]")!.click());
}

const status = () => container.querySelector('[role="status"]')!.textContent ?? "";

beforeEach(async () => {
  container = document.createElement("div");
  document.body.append(container);
  db = freshDb("export-menu");
  sample = await fillSample(db);
  files = [];
});
afterEach(async () => {
  render(null, container);
  container.remove();
  vi.restoreAllMocks();
  await db.delete();
});

describe("ExportMenu", () => {
  it("offers the scopes its props allow, and the three formats", async () => {
    await mount({ pageUrl: ARTICLE_URL, filter: { starred: true } });
    const options = (name: string) => [...container.querySelectorAll(`select[name=${name}] option`)].map((o) => (o as HTMLOptionElement).value);
    expect(options("format")).toEqual(["md", "csv", "w3c"]);
    expect(options("scope")).toEqual(["page", "filtered", "all"]);
    expect(container.querySelector("h2")!.textContent).toBe("Export");
    await act(() => render(<ExportMenu db={db} language="vi" />, container));
    expect(container.querySelector("select[name=scope]")).toBeNull(); // only "everything": nothing to choose
    expect(container.querySelector("button[type=submit]")!.textContent).toBe("Tải xuống");
  });

  it("downloads the current page as Markdown, named by the day", async () => {
    await mount({ pageUrl: ARTICLE_URL, filter: {} });
    await exportNow();
    await waitFor(() => expect(files).toHaveLength(1));
    const [file] = files;
    expect(file!.name).toBe(`policy-lens-${DAY}.md`);
    expect(file!.type).toBe("text/markdown;charset=utf-8");
    expect(file!.content).toMatch(/^---\ntitle: "Thủ tướng chủ trì cuộc họp về tình hình kinh tế"\nurl: /);
    expect(file!.content).not.toMatch(/<(img|script)/);
    const count = sample.annotations.filter((a) => a.pageUrl === ARTICLE_URL).length;
    await waitFor(() => expect(status()).toBe(`Downloaded policy-lens-${DAY}.md: ${count} annotations from 1 pages.`));
  });

  it("downloads the filtered selection as CSV and everything as W3C JSON", async () => {
    await mount({ pageUrl: ARTICLE_URL, filter: { starred: true, limit: 1 } });
    await choose("format", "csv");
    await choose("scope", "filtered");
    await exportNow();
    await waitFor(() => expect(files).toHaveLength(1));
    expect(files[0]!.name).toBe(`policy-lens-${DAY}.csv`);
    expect(files[0]!.content.startsWith(BOM)).toBe(true);
    expect(files[0]!.content.split("\r\n").length - 2).toBe(sample.annotations.filter((a) => a.starred).length);

    await choose("format", "w3c");
    await choose("scope", "all");
    await exportNow();
    await waitFor(() => expect(files).toHaveLength(2));
    const doc = JSON.parse(files[1]!.content);
    expect(files[1]!.name).toBe(`policy-lens-annotations-${DAY}.json`);
    expect(doc["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(doc.total).toBe(sample.annotations.length + sample.notes.length);
  });

  it("says when nothing matches, and downloads nothing", async () => {
    await mount({ filter: { text: "không có từ này" } });
    await choose("scope", "filtered");
    await exportNow();
    await waitFor(() => expect(status()).toBe("Nothing to export: no annotation matches."));
    expect(files).toEqual([]);
  });

  it("reports a failure as an alert", async () => {
    await mount({ download: () => {
      throw new Error("the browser refused");
    } });
    await exportNow();
    await waitFor(() => expect(container.querySelector('[role="alert"]')!.textContent).toBe("The export failed: the browser refused"));
  });

  it("never renders page text as markup", async () => {
    await recordVisit(db, { url: "https://chinhphu.vn/evil", title: HOSTILE_TITLE, text: ARTICLE }, extractArticle(), T0);
    await mount({ pageUrl: "https://chinhphu.vn/evil" });
    await exportNow();
    await waitFor(() => expect(files).toHaveLength(1));
    expect(container.querySelector("script, img")).toBeNull();
    expect(files[0]!.content).not.toContain("<script");
  });
});

describe("downloadFile", () => {
  it("clicks an <a download> for a Blob URL of the content, then lets it go", async () => {
    vi.useFakeTimers();
    try {
      let blob: Blob | undefined;
      const create = vi.spyOn(URL, "createObjectURL").mockImplementation((b) => {
        blob = b as Blob;
        return "blob:policy-lens/1";
      });
      const revoke = vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});
      const clicked: HTMLAnchorElement[] = [];
      vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push(this);
      });
      downloadFile({ name: "policy-lens-2026-11-22.csv", type: "text/csv;charset=utf-8", content: `${BOM}a,b\r\n` });
      expect(create).toHaveBeenCalledOnce();
      expect(clicked).toHaveLength(1);
      expect(clicked[0]!.getAttribute("download")).toBe("policy-lens-2026-11-22.csv");
      expect(clicked[0]!.getAttribute("href")).toBe("blob:policy-lens/1");
      expect(clicked[0]!.isConnected).toBe(false);
      expect(blob!.type).toBe("text/csv;charset=utf-8");
      expect([...new Uint8Array(await blob!.arrayBuffer())].slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
      expect(revoke).not.toHaveBeenCalled();
      vi.advanceTimersByTime(60_000);
      expect(revoke).toHaveBeenCalledWith("blob:policy-lens/1");
    } finally {
      vi.useRealTimers();
    }
  });
});
