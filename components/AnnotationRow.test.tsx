// @vitest-environment happy-dom
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { translator } from "@/lib/i18n";
import { AnnotationRow, type RowActions } from "./AnnotationRow";
import type { PanelItem } from "./panel-data";

let root: HTMLDivElement | undefined;
function mount(node: preact.ComponentChild): HTMLDivElement {
  const el = document.createElement("div");
  root = el;
  document.body.appendChild(el);
  act(() => render(node, el));
  return el;
}
afterEach(() => {
  const el = root;
  root = undefined;
  if (!el) return;
  act(() => render(null, el));
  el.remove();
});

const t = translator("en");
const item = (over: Partial<PanelItem> = {}): PanelItem => ({
  id: "a1",
  kind: "number",
  subkind: "percent",
  text: "hơn 8%",
  attributes: { value: 8, approx: "more" },
  status: "new",
  starred: false,
  note: "",
  tags: [],
  orphaned: false,
  pageUrl: "https://baochinhphu.vn/a.htm",
  site: "baochinhphu.vn",
  date: "2025-03-12",
  pageTitle: "Thủ tướng chủ trì",
  searchWords: ["hon", "8"],
  ...over,
});
const fakeActions = () =>
  ({
    onStar: vi.fn<RowActions["onStar"]>(),
    onStatus: vi.fn<RowActions["onStatus"]>(),
    onEdit: vi.fn<RowActions["onEdit"]>(),
    onDelete: vi.fn<RowActions["onDelete"]>(),
    onOpen: vi.fn<RowActions["onOpen"]>(),
  }) satisfies RowActions;
const button = (el: Element, name: string) => el.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)!;

describe("AnnotationRow", () => {
  it("shows the quote, kind, normalised value, page and note", () => {
    const el = mount(<AnnotationRow item={item({ note: "Mục tiêu năm", tags: ["GDP", "2025"], status: "confirmed" })} t={t} actions={fakeActions()} active showPage />);
    expect(el.querySelector(".quote")!.textContent).toBe("hơn 8%");
    expect(el.querySelector(".chip")!.textContent).toBe("Number");
    expect(el.querySelector(".value")!.textContent).toBe("hơn 8%");
    expect(el.querySelector(".badge-confirmed")!.textContent).toBe("Confirmed");
    expect(el.querySelector(".meta")!.textContent).toBe("Thủ tướng chủ trì · baochinhphu.vn · 12/03/2025");
    expect(el.querySelector(".note-line")!.textContent).toBe("Mục tiêu năm — #GDP #2025");
    expect(el.querySelector(".arow")!.className).toContain("kind-number");
  });

  it("calls back for each action; confirm and reject toggle", () => {
    const actions = fakeActions();
    const it1 = item();
    const el = mount(<AnnotationRow item={it1} t={t} actions={actions} active />);
    act(() => button(el, "Star").click());
    expect(actions.onStar).toHaveBeenCalledWith(it1);
    act(() => button(el, "Confirm").click());
    expect(actions.onStatus).toHaveBeenLastCalledWith(it1, "confirmed");
    act(() => button(el, "Reject").click());
    expect(actions.onStatus).toHaveBeenLastCalledWith(it1, "rejected");
    act(() => button(el, "Note and tags").click());
    expect(actions.onEdit).toHaveBeenCalledWith(it1);
    act(() => button(el, "Go to passage").click());
    expect(actions.onOpen).toHaveBeenCalledWith(it1);
    act(() => button(el, "Delete").click());
    expect(actions.onDelete).toHaveBeenCalledWith(it1);

    const confirmed = item({ status: "confirmed", starred: true });
    act(() => render(<AnnotationRow item={confirmed} t={t} actions={actions} active />, el));
    expect(button(el, "Confirm").getAttribute("aria-pressed")).toBe("true");
    expect(button(el, "Star").getAttribute("aria-pressed")).toBe("true");
    act(() => button(el, "Confirm").click());
    expect(actions.onStatus).toHaveBeenLastCalledWith(confirmed, "new");
  });

  it("names every button, and only the active row's buttons are Tab stops", () => {
    const el = mount(<AnnotationRow item={item()} t={t} actions={fakeActions()} active={false} />);
    const buttons = [...el.querySelectorAll("button")];
    expect(buttons).toHaveLength(6);
    for (const b of buttons) {
      expect(b.getAttribute("aria-label")?.trim()).toBeTruthy();
      expect(b.tabIndex).toBe(-1);
    }
  });

  it("offers only 'go to passage' for an annotation read live from the page", () => {
    const actions = fakeActions();
    const live = item({ id: "live:3", liveIndex: 3 });
    const el = mount(<AnnotationRow item={live} t={t} actions={actions} active />);
    expect([...el.querySelectorAll("button")].map((b) => b.getAttribute("aria-label"))).toEqual(["Go to passage"]);
    act(() => button(el, "Go to passage").click());
    expect(actions.onOpen).toHaveBeenCalledWith(live);
  });

  it("renders page text as text, never as markup", () => {
    const hostile = '<img src=x onerror="alert(1)"><b>bold</b>';
    const el = mount(<AnnotationRow item={item({ text: hostile, note: hostile, tags: ["<i>t</i>"] })} t={t} actions={fakeActions()} active />);
    expect(el.querySelector("img, b, i")).toBeNull();
    expect(el.querySelector(".quote")!.textContent).toBe(hostile);
  });

  it("shortens long quotes to 160 characters", () => {
    const el = mount(<AnnotationRow item={item({ text: "a".repeat(400) })} t={t} actions={fakeActions()} active />);
    const q = el.querySelector(".quote")!;
    expect(q.textContent).toHaveLength(158); // as the popup always cut them: 157 characters and "…"
    expect(q.textContent!.endsWith("…")).toBe(true);
    expect(q.getAttribute("title")).toBe("a".repeat(400));
  });
});
