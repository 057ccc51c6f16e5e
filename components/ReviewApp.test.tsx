// @vitest-environment happy-dom
// The container: with a fake store function (what it asks the store for), and with the real store
// over fake-indexeddb (what the reader sees and what ends up stored).
import Dexie from "dexie";
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Annotation } from "@/lib/extract/types";
import type { PageAnnotations } from "@/lib/messages";
import { ARTICLE, ARTICLE_TITLE, ARTICLE_URL, extractArticle } from "@/lib/store/fixtures";
import { getPage, listForPage, reanchorPage, recordVisit } from "@/lib/store/repository";
import type { PolicyLensDB } from "@/lib/store/schema";
import { fakeDeps, freshDb, leader } from "@/lib/store/testing";
import { PANEL_PAGE_SIZE, storeFor, type PanelStore } from "./panel-data";
import { ReviewApp, type PanelHost } from "./ReviewApp";

// liveQuery runs only where Dexie sees an IndexedDB (the browser has one; here, fake-indexeddb's)
beforeAll(() => {
  Object.assign(Dexie.dependencies, fakeDeps);
});

let root: HTMLDivElement | undefined;
let db: PolicyLensDB | undefined;
afterEach(async () => {
  const el = root;
  root = undefined;
  if (el) {
    act(() => render(null, el));
    el.remove();
  }
  if (db) {
    db.close();
    await db.delete();
    db = undefined;
  }
});

function fakeHost(over: Partial<PanelHost> = {}): PanelHost & { [K in Exclude<keyof PanelHost, "tab">]-?: ReturnType<typeof vi.fn> } {
  return {
    tab: { id: 7, url: ARTICLE_URL, title: ARTICLE_TITLE },
    getPageAnnotations: vi.fn(async () => null),
    setHighlightsVisible: vi.fn(async () => {}),
    focusLive: vi.fn(async () => {}),
    openAnnotation: vi.fn(async () => {}),
    readSiteChoices: vi.fn(async () => ({})),
    watchSiteChoices: vi.fn(() => () => {}),
    requestOrigins: vi.fn(async () => true),
    setSite: vi.fn(async () => {}),
    ...over,
  } as never;
}

function fakeStore(over: Partial<PanelStore> = {}): PanelStore & { [K in keyof PanelStore]: ReturnType<typeof vi.fn> } {
  return {
    pageItems: vi.fn(async () => ({ page: undefined, items: [] })),
    search: vi.fn(async () => ({ total: 0, items: [] })),
    sites: vi.fn(async () => []),
    leaders: vi.fn(async () => []),
    directives: vi.fn(async () => []),
    numbers: vi.fn(async () => ({ total: 0, rows: [] })),
    mentionOn: vi.fn(async () => undefined),
    update: vi.fn(async () => {}),
    remove: vi.fn(async () => undefined),
    restore: vi.fn(async () => {}),
    ...over,
  } as never;
}

function mount(store: PanelStore, host: PanelHost, lang: "en" | "vi" = "en"): HTMLDivElement {
  const el = document.createElement("div");
  root = el;
  document.body.appendChild(el);
  act(() => render(<ReviewApp store={store} host={host} lang={lang} listHeight={600} debounceMs={0} />, el));
  return el;
}

async function waitFor(check: () => boolean, what: string, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
  }
}

const texts = (el: Element, selector: string) => [...el.querySelectorAll(selector)].map((x) => (x.textContent ?? "").replace(/\s+/g, " ").trim());
const tabButton = (el: Element, name: string) => [...el.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((b) => b.textContent!.startsWith(name))!;
async function search(el: Element, text: string) {
  const box = el.querySelector<HTMLInputElement>('input[type="search"]')!;
  await act(async () => {
    box.value = text;
    box.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 5));
  });
}

describe("ReviewApp with a fake store", () => {
  it("asks for this page and the first page of the list on open, then follows the filters", async () => {
    const store = fakeStore();
    const el = mount(store, fakeHost());
    await waitFor(() => store.search.mock.calls.length > 0, "the first query");
    expect(store.pageItems).toHaveBeenCalledWith(ARTICLE_URL);
    expect(store.search).toHaveBeenLastCalledWith({ currentPage: ARTICLE_URL, limit: PANEL_PAGE_SIZE });

    await search(el, "Phạm Minh Chính");
    await waitFor(() => store.search.mock.calls.length > 1, "the search");
    expect(store.search).toHaveBeenLastCalledWith({ text: "pham minh chinh", currentPage: ARTICLE_URL, limit: PANEL_PAGE_SIZE });

    const kind = el.querySelector<HTMLSelectElement>('select[aria-label="Kind"]')!;
    await act(async () => {
      kind.value = "leader";
      kind.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await waitFor(() => store.search.mock.calls.length > 2, "the kind filter");
    expect(store.search).toHaveBeenLastCalledWith({ kind: "leader", text: "pham minh chinh", currentPage: ARTICLE_URL, limit: PANEL_PAGE_SIZE });
  });

  it("shows the live annotations when the store has nothing for the page yet", async () => {
    const annotations: Annotation[] = extractArticle();
    const live: PageAnnotations = { url: ARTICLE_URL, title: ARTICLE_TITLE, visible: true, annotations };
    const host = fakeHost({ getPageAnnotations: vi.fn(async () => live) });
    const el = mount(fakeStore(), host);
    await waitFor(() => el.querySelectorAll("li[data-row]").length > 0, "the live rows");
    expect(texts(el, "section.kind h2")).toEqual(["Leaders 2", "Directives 3", "Numbers 2"]);
    expect(el.querySelector(".hint")!.textContent).toContain("not saved yet");
    expect(el.querySelector(".page-title")!.textContent).toBe(ARTICLE_TITLE);
    // directives in text order, as the page lists them
    expect(texts(el, "section.kind-directive li .quote")).toEqual(annotations.filter((a) => a.kind === "directive").map((a) => a.text));
    const go = el.querySelectorAll<HTMLButtonElement>('section.kind-number button[aria-label="Go to passage"]')[1]!;
    act(() => go.click());
    expect(host.focusLive).toHaveBeenCalledWith(annotations.findIndex((a) => a.text === "hơn 8%"));
    // the search box filters them too, without diacritics
    await search(el, "chi thi");
    await waitFor(() => texts(el, "li .quote").length === 1, "the filtered rows");
    expect(texts(el, "li .quote")).toEqual(["Chỉ thị số 15-CT/TW"]);
    // the highlights toggle talks to the page
    const toggle = [...el.querySelectorAll<HTMLInputElement>('input[role="switch"]')].find((i) => i.closest("label")!.textContent!.includes("highlights"))!;
    act(() => toggle.click());
    expect(host.setHighlightsVisible).toHaveBeenCalledWith(false);
  });

  it("says nothing is annotated when neither the store nor the page has anything", async () => {
    const el = mount(fakeStore(), fakeHost());
    await waitFor(() => el.querySelector('.status[role="status"]') !== null, "the status line");
    expect(el.querySelector('.status[role="status"]')!.textContent).toBe("Nothing is annotated on this page.");
  });

  it("asks the browser for access only when a non-government site is switched on", async () => {
    const host = fakeHost({ tab: { id: 3, url: "https://example.com/news/1" } });
    const el = mount(fakeStore(), host);
    await waitFor(() => host.readSiteChoices.mock.calls.length > 0, "the site choices");
    const input = el.querySelector<HTMLInputElement>("#site-switch")!;
    expect(input.checked).toBe(false);
    act(() => input.click());
    expect(host.requestOrigins).toHaveBeenCalledWith(["*://example.com/*", "*://www.example.com/*"]);
    await waitFor(() => host.setSite.mock.calls.length > 0, "set-site");
    expect(host.setSite).toHaveBeenCalledWith("example.com", "on");

    act(() => render(null, el));
    const gov = fakeHost();
    const el2 = mount(fakeStore(), gov);
    await waitFor(() => gov.readSiteChoices.mock.calls.length > 0, "the site choices");
    const on = el2.querySelector<HTMLInputElement>("#site-switch")!;
    expect(on.checked).toBe(true); // a government site is on by default
    act(() => on.click());
    await waitFor(() => gov.setSite.mock.calls.length > 0, "set-site");
    expect(gov.setSite).toHaveBeenCalledWith("baochinhphu.vn", "off");
    expect(gov.requestOrigins).not.toHaveBeenCalled();
  });

  it("says when the browser refuses access", async () => {
    const host = fakeHost({ tab: { id: 3, url: "https://example.com/" }, requestOrigins: vi.fn(async () => false) });
    const el = mount(fakeStore(), host, "vi");
    await waitFor(() => host.readSiteChoices.mock.calls.length > 0, "the site choices");
    act(() => el.querySelector<HTMLInputElement>("#site-switch")!.click());
    await waitFor(() => el.querySelector('[role="alert"]') !== null, "the refusal");
    expect(el.querySelector('[role="alert"]')!.textContent).toBe("Trình duyệt chưa cấp quyền truy cập trang web này.");
    expect(host.setSite).not.toHaveBeenCalled();
  });
});

describe("ReviewApp over the real store (fake-indexeddb)", () => {
  async function seed(): Promise<PolicyLensDB> {
    const d = freshDb("review-app");
    await recordVisit(d, { url: ARTICLE_URL, title: ARTICLE_TITLE, articleDate: "2025-03-12", text: ARTICLE }, extractArticle(), 1_000);
    const other = "Ông Nguyễn Văn Hoà phát biểu. Sau đó bà Lê Thị Hòa trả lời. Ông Trần Hòa Bình kết luận.";
    const nfd = other.normalize("NFD");
    await recordVisit(
      d,
      { url: "https://chinhphu.vn/tin-khac.htm", title: "Tin khác", articleDate: "2025-02-01", text: nfd },
      [
        leader(nfd, "Nguyễn Văn Hoà".normalize("NFD"), { name: "Nguyễn Văn Hoà".normalize("NFD"), title: "" }),
        leader(nfd, "Lê Thị Hòa".normalize("NFD"), { name: "Lê Thị Hòa".normalize("NFD"), title: "" }),
        leader(other, "Trần Hòa Bình", { name: "Trần Hòa Bình", title: "" }),
      ],
      2_000,
    );
    return d;
  }

  it("lists this page's stored records, follows edits, and deletes with undo", async () => {
    db = await seed();
    const host = fakeHost();
    const el = mount(storeFor(db), host);
    await waitFor(() => el.querySelectorAll("li[data-row]").length === 7, "this page's 7 records");
    expect(texts(el, "section.kind h2")).toEqual(["Leaders 2", "Directives 3", "Numbers 2"]);
    expect(el.querySelector(".hint")).toBeNull();

    // star the first leader: stored, and shown
    act(() => el.querySelector<HTMLButtonElement>('section.kind-leader button[aria-label="Star"]')!.click());
    await waitFor(() => el.querySelector('section.kind-leader button[aria-pressed="true"][aria-label="Star"]') !== null, "the star");
    expect((await listForPage(db, ARTICLE_URL)).filter((r) => r.starred === 1)).toHaveLength(1);

    // reject a number
    act(() => el.querySelector<HTMLButtonElement>('section.kind-number button[aria-label="Reject"]')!.click());
    await waitFor(() => el.querySelector("section.kind-number .badge-rejected") !== null, "the rejection");

    // delete, then undo
    const before = await listForPage(db, ARTICLE_URL);
    act(() => el.querySelector<HTMLButtonElement>('section.kind-directive button[aria-label="Delete"]')!.click());
    await waitFor(() => el.querySelectorAll("li[data-row]").length === 6, "the deletion");
    expect(await listForPage(db, ARTICLE_URL)).toHaveLength(6);
    const undo = [...el.querySelectorAll<HTMLButtonElement>(".toast button")].find((b) => b.textContent === "Undo")!;
    act(() => undo.click());
    await waitFor(() => el.querySelectorAll("li[data-row]").length === 7, "the undo");
    expect((await listForPage(db, ARTICLE_URL)).map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());

    // go to a stored passage: through the background
    act(() => el.querySelector<HTMLButtonElement>('section.kind-leader button[aria-label="Go to passage"]')!.click());
    expect(host.openAnnotation).toHaveBeenCalledWith(before.find((r) => r.kind === "leader")!.id);
  });

  it("searches all pages without diacritics: 'hoa' finds Hoà and Hòa in any Unicode form", async () => {
    db = await seed();
    const el = mount(storeFor(db), fakeHost());
    act(() => tabButton(el, "All pages").click());
    await waitFor(() => el.querySelector(".list-count")?.textContent === "10 annotations", "the whole list");
    // this page's records come first
    const pages = texts(el, '.all-list [role="listitem"] .meta');
    expect(pages.slice(0, 7).every((p) => p.startsWith(ARTICLE_TITLE))).toBe(true);

    await search(el, "hoa");
    await waitFor(() => el.querySelector(".list-count")?.textContent === "4 annotations", "the 'hoa' results");
    // each word is a prefix: "hoa" also finds "hoàn" (this page's, first)
    const found = texts(el, '.all-list [role="listitem"] .quote').map((q) => q.normalize("NFC"));
    expect(found[0]).toBe("Thủ tướng yêu cầu các bộ, ngành khẩn trương hoàn thiện thể chế");
    expect(found.slice(1).sort()).toEqual(["Lê Thị Hòa", "Nguyễn Văn Hoà", "Trần Hòa Bình"]);

    await search(el, "pham minh chinh");
    await waitFor(() => el.querySelector(".list-count")?.textContent === "2 annotations", "the 'pham minh chinh' results");
    expect(texts(el, '.all-list [role="listitem"] .quote')).toEqual(["Thủ tướng Phạm Minh Chính", "Thủ tướng Phạm Minh Chính"]);
  });

  it("shows orphaned records in their own group, never hidden", async () => {
    db = await seed();
    await reanchorPage(db, ARTICLE_URL, "Một bài viết khác hẳn, không còn câu nào của bài cũ.");
    const el = mount(storeFor(db), fakeHost());
    await waitFor(() => el.querySelector("section.group-orphaned") !== null, "the orphaned group");
    expect(texts(el, "section.group-orphaned h2")).toEqual(["Not found on the page any more 7"]);
  });

  it("shows the leaders index and the directives registry", async () => {
    db = await seed();
    const host = fakeHost();
    const el = mount(storeFor(db), host);
    act(() => tabButton(el, "Leaders").click());
    await waitFor(() => el.querySelectorAll("button.entry").length === 4, "the leaders");
    expect(texts(el, "button.entry .entry-name")[0]).toBe("Phạm Minh Chính");
    await search(el, "hoa");
    await waitFor(() => el.querySelectorAll("button.entry").length === 3, "the leaders named Hoà/Hòa");

    act(() => tabButton(el, "Documents").click());
    await waitFor(() => el.querySelector(".empty")?.textContent === "Nothing to show yet.", "no document for 'hoa'");
    await search(el, "");
    await waitFor(() => el.querySelectorAll("button.entry").length === 2, "the documents");
    act(() => el.querySelector<HTMLButtonElement>("button.entry")!.click());
    const page = await getPage(db, ARTICLE_URL);
    expect(el.querySelector(".entry-detail .page-name")!.textContent).toBe(page!.title);
    act(() => el.querySelector<HTMLButtonElement>(".page-row button")!.click());
    await waitFor(() => host.openAnnotation.mock.calls.length > 0, "open-annotation");
    const ids = (await listForPage(db, ARTICLE_URL)).filter((r) => r.kind === "directive").map((r) => r.id);
    expect(ids).toContain(host.openAnnotation.mock.calls[0]![0]);
  });
});
