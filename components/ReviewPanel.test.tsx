// @vitest-environment happy-dom
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CATALOGS, translator, type Language } from "@/lib/i18n";
import type { AnnotationRecord } from "@/lib/store/types";
import type { PanelItem } from "./panel-data";
import { ReviewPanel, type PanelActions, type ReviewPanelProps } from "./ReviewPanel";

let root: HTMLDivElement | undefined;
afterEach(() => {
  const el = root;
  root = undefined;
  vi.useRealTimers();
  if (!el) return;
  act(() => render(null, el));
  el.remove();
});

const item = (id: string, over: Partial<PanelItem> = {}): PanelItem => ({
  id,
  kind: "leader",
  text: `Thủ tướng Phạm Minh Chính ${id}`,
  attributes: { name: "Phạm Minh Chính", title: "Thủ tướng" },
  status: "new",
  starred: false,
  note: "",
  tags: [],
  orphaned: false,
  pageUrl: "https://baochinhphu.vn/a.htm",
  site: "baochinhphu.vn",
  date: "2025-03-12",
  searchWords: [],
  ...over,
});

function fakeActions() {
  return {
    star: vi.fn<PanelActions["star"]>(),
    status: vi.fn<PanelActions["status"]>(),
    saveNote: vi.fn<PanelActions["saveNote"]>(),
    remove: vi.fn<PanelActions["remove"]>(async (x) => ({ id: x.id }) as AnnotationRecord),
    undo: vi.fn<PanelActions["undo"]>(),
    open: vi.fn<PanelActions["open"]>(),
    openMention: vi.fn<PanelActions["openMention"]>(),
    openNumber: vi.fn<PanelActions["openNumber"]>(),
  } satisfies PanelActions;
}

type TestProps = ReviewPanelProps & { actions: ReturnType<typeof fakeActions>; onTabChange: ReturnType<typeof vi.fn> };
function props(over: Partial<ReviewPanelProps> = {}, lang: Language = "en"): TestProps {
  const items = [item("a"), item("b", { kind: "number", subkind: "percent", attributes: { value: 8 }, text: "hơn 8%" }), item("c", { orphaned: true })];
  return {
    t: translator(lang),
    lang,
    tab: "page",
    onTabChange: vi.fn(),
    filters: {},
    onFiltersChange: vi.fn(),
    sites: ["baochinhphu.vn"],
    page: { loading: false, available: true, title: "Thủ tướng chủ trì", url: "https://baochinhphu.vn/a.htm", items, total: items.length, live: false },
    all: { loading: false, total: 3, items, onRange: vi.fn() },
    site: { host: "baochinhphu.vn", enabled: true, onToggle: vi.fn() },
    highlights: { visible: true, onToggle: vi.fn() },
    actions: fakeActions(),
    listHeight: 400,
    ...over,
  } as TestProps;
}

function mount(p: ReviewPanelProps): HTMLDivElement {
  const el = document.createElement("div");
  root = el;
  document.body.appendChild(el);
  act(() => render(<ReviewPanel {...p} />, el));
  return el;
}
const flush = () => act(async () => {});
const key = (target: Element, k: string, init: KeyboardEventInit = {}) =>
  act(() => {
    target.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, ...init }));
  });

describe("ReviewPanel", () => {
  it("groups this page by kind, with the orphaned ones in their own group", () => {
    const el = mount(props());
    const sections = [...el.querySelectorAll("section")];
    expect(sections.map((s) => s.querySelector("h2")!.textContent)).toEqual(["Leaders 1", "Numbers 1", "Not found on the page any more 1"]);
    expect(sections[0]!.className).toBe("kind kind-leader");
    expect(sections[2]!.querySelector(".badge-orphaned")!.textContent).toBe("not on the page");
    expect(el.querySelector(".page-title")!.textContent).toBe("Thủ tướng chủ trì");
    expect(el.querySelector(".status")).toBeNull();
  });

  it("says so when nothing is annotated on the page, and when the filters leave nothing", () => {
    let el = mount(props({ page: { loading: false, available: true, items: [], total: 0, live: false } }));
    expect(el.querySelector('.status[role="status"]')!.textContent).toBe("Nothing is annotated on this page.");
    act(() => render(null, el));
    el = mount(props({ page: { loading: false, available: true, items: [], total: 4, live: false }, filters: { kind: "note" } }));
    expect(el.querySelector(".empty")!.textContent).toBe("No annotation matches the filters.");
  });

  it("deletes with an undo toast: Undo restores with the token", async () => {
    const p = props();
    const el = mount(p);
    const del = el.querySelector<HTMLButtonElement>('section.kind-leader button[aria-label="Delete"]')!;
    act(() => del.click());
    await flush();
    expect(p.actions.remove).toHaveBeenCalledWith(expect.objectContaining({ id: "a" }));
    const toast = el.querySelector(".toast")!;
    expect(toast.textContent).toContain("Annotation deleted.");
    expect(el.querySelector(".toast-region")!.getAttribute("aria-live")).toBe("polite");
    const undo = [...toast.querySelectorAll("button")].find((b) => b.textContent === "Undo")!;
    act(() => undo.click());
    expect(p.actions.undo).toHaveBeenCalledWith({ id: "a" });
    expect(el.querySelector(".toast")).toBeNull();
  });

  it("lets the undo go after about 8 seconds", async () => {
    vi.useFakeTimers();
    const p = props();
    const el = mount(p);
    act(() => el.querySelector<HTMLButtonElement>('button[aria-label="Delete"]')!.click());
    await flush();
    expect(el.querySelector(".toast")).not.toBeNull();
    act(() => {
      vi.advanceTimersByTime(7_900);
    });
    expect(el.querySelector(".toast")).not.toBeNull();
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(el.querySelector(".toast")).toBeNull();
    expect(p.actions.undo).not.toHaveBeenCalled();
  });

  it("undoes with Ctrl+Z while the toast shows", async () => {
    const p = props();
    const el = mount(p);
    act(() => el.querySelector<HTMLButtonElement>('button[aria-label="Delete"]')!.click());
    await flush();
    key(el.querySelector("main")!, "z", { ctrlKey: true });
    expect(p.actions.undo).toHaveBeenCalledTimes(1);
  });

  it("edits the note and tags in a dialog; Escape closes it and gives focus back", () => {
    const p = props();
    const el = mount(p);
    const edit = el.querySelector<HTMLButtonElement>('section.kind-leader button[aria-label="Note and tags"]')!;
    edit.focus();
    act(() => edit.click());
    const dialog = el.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    expect(document.getElementById(dialog.getAttribute("aria-labelledby")!)!.textContent).toBe("Note and tags");
    const area = dialog.querySelector("textarea")!;
    expect(document.activeElement).toBe(area);
    key(area, "Escape");
    expect(el.querySelector('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(edit);
    expect(p.actions.saveNote).not.toHaveBeenCalled();

    act(() => edit.click());
    const d2 = el.querySelector('[role="dialog"]')!;
    const note = d2.querySelector("textarea")!;
    const tags = d2.querySelector<HTMLInputElement>('input[type="text"]')!;
    act(() => {
      note.value = "Chỉ đạo quan trọng";
      note.dispatchEvent(new Event("input", { bubbles: true }));
      tags.value = "kinh tế, GDP";
      tags.dispatchEvent(new Event("input", { bubbles: true }));
    });
    act(() => [...d2.querySelectorAll("button")].find((b) => b.textContent === "Save")!.click());
    expect(p.actions.saveNote).toHaveBeenCalledWith(expect.objectContaining({ id: "a" }), "Chỉ đạo quan trọng", ["kinh tế", "GDP"]);
  });

  it("moves between this page's rows with the arrow keys; Enter goes to the passage", () => {
    const p = props();
    const el = mount(p);
    const rows = [...el.querySelectorAll<HTMLElement>("li[data-row]")];
    expect(rows.map((r) => r.tabIndex)).toEqual([0, -1, -1]);
    rows[0]!.focus();
    key(rows[0]!, "ArrowDown");
    expect(document.activeElement).toBe(rows[1]);
    key(rows[1]!, "End");
    expect(document.activeElement).toBe(rows[2]);
    key(rows[2]!, "Enter");
    expect(p.actions.open).toHaveBeenCalledWith(expect.objectContaining({ id: "c" }));
  });

  it("has tabs with arrow-key navigation", () => {
    const p = props();
    const el = mount(p);
    const tabs = [...el.querySelectorAll<HTMLElement>('[role="tab"]')];
    expect(tabs.map((x) => x.textContent)).toEqual(["This page3", "All pages", "Leaders", "Documents", "Numbers"]);
    expect(tabs[0]!.getAttribute("aria-selected")).toBe("true");
    expect(el.querySelector('[role="tabpanel"]')!.getAttribute("aria-labelledby")).toBe("tab-page");
    key(tabs[0]!, "ArrowRight");
    expect(p.onTabChange).toHaveBeenCalledWith("all");
    key(tabs[0]!, "ArrowLeft");
    expect(p.onTabChange).toHaveBeenLastCalledWith("numbers");
  });

  it("lists all pages in a windowed list, asking for the rows in view", () => {
    const items = Array.from({ length: 100 }, (_, i) => item(`r${i}`, { pageTitle: `Page ${i}` }));
    const onRange = vi.fn();
    const el = mount(props({ tab: "all", all: { loading: false, total: 10_000, items, onRange } }));
    expect(el.querySelector(".list-count")!.textContent).toBe("10,000 annotations");
    const rows = el.querySelectorAll('[role="listitem"]');
    expect(rows.length).toBeLessThan(20);
    expect(rows[0]!.querySelector(".meta")!.textContent).toContain("Page 0");
    expect(onRange).toHaveBeenCalled();
  });

  it.each(["en", "vi"] as const)("names every control in %s", (lang) => {
    const el = mount(props({}, lang));
    const c = CATALOGS[lang];
    const tabs = [...el.querySelectorAll('[role="tab"]')].map((x) => x.firstChild!.textContent);
    expect(tabs).toEqual([c.tabThisPage, c.tabAll, c.tabLeaders, c.tabDocuments, c.tabNumbers]);
    expect(el.querySelector('[role="tablist"]')!.getAttribute("aria-label")).toBe(c.panelSections);
    expect(el.querySelector('input[type="search"]')!.getAttribute("aria-label")).toBe(c.search);
    expect(el.querySelector('input[type="search"]')!.getAttribute("placeholder")).toBe(c.searchPlaceholder);
    const labels = new Set([...el.querySelectorAll("button[aria-label]")].map((b) => b.getAttribute("aria-label")));
    for (const k of ["star", "confirm", "reject", "noteAndTags", "goToPassage", "delete"] as const) expect(labels).toContain(c[k]);
    expect(el.textContent).toContain(c.siteSwitch);
    expect(el.textContent).toContain(c.highlightsVisible);
    expect(el.textContent).toContain(c.groupLeaders);
    // every button and form control has a name
    for (const b of el.querySelectorAll("button")) expect((b.getAttribute("aria-label") ?? b.textContent ?? "").trim()).not.toBe("");
    for (const s of el.querySelectorAll("select")) expect(s.getAttribute("aria-label")).toBeTruthy();
  });

  it("shows the leaders index and opens a mention from an entry's pages", () => {
    const p = props({
      tab: "leaders",
      leaders: [
        {
          key: "pham minh chinh",
          name: "Phạm Minh Chính",
          titles: [{ title: "Thủ tướng", count: 3 }],
          mentions: 3,
          starred: 0,
          pages: [{ url: "https://baochinhphu.vn/a.htm", title: "Họp Chính phủ", site: "baochinhphu.vn", date: "2025-03-12", mentions: 3 }],
        },
      ],
    });
    const el = mount(p);
    const entry = el.querySelector<HTMLButtonElement>("button.entry")!;
    expect(entry.textContent).toContain("Phạm Minh Chính");
    expect(entry.textContent).toContain("3 mentions");
    act(() => entry.click());
    expect(el.querySelector(".entry-detail h2")!.textContent).toBe("Phạm Minh Chính");
    expect(el.querySelector(".facts")!.textContent).toContain("Thủ tướng ×3");
    act(() => el.querySelector<HTMLButtonElement>('.page-row button[aria-label^="Go to passage"]')!.click());
    expect(p.actions.openMention).toHaveBeenCalledWith("leader", "pham minh chinh", expect.objectContaining({ url: "https://baochinhphu.vn/a.htm" }));
    key(el.querySelector(".entry-detail")!, "Escape");
    expect(el.querySelector(".entry-detail")).toBeNull();
  });

  it("shows the numbers table", () => {
    const p = props({
      tab: "numbers",
      numbers: [
        { id: "n1", pageUrl: "https://x.gov.vn/a", pageTitle: "Kinh tế", site: "x.gov.vn", date: "2025-03-12", subkind: "percent", value: 8, approx: "more", text: "hơn 8%", status: "new", starred: false, orphaned: false, note: "", tags: [] },
      ],
    });
    const el = mount(p);
    expect(el.querySelector(".number-value .value")!.textContent).toBe("hơn 8%");
    expect(el.querySelector(".number-row .chip")!.textContent).toBe("Percent");
    act(() => el.querySelector<HTMLButtonElement>(".number-row button")!.click());
    expect(p.actions.openNumber).toHaveBeenCalledWith("n1");
  });
});
