// @vitest-environment happy-dom
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { translator } from "@/lib/i18n";
import { FilterBar } from "./FilterBar";
import type { PanelFilters } from "./panel-data";

let root: HTMLDivElement;
beforeEach(() => {
  vi.useFakeTimers();
  root = document.createElement("div");
  document.body.appendChild(root);
});
afterEach(() => {
  act(() => render(null, root));
  root.remove();
  vi.useRealTimers();
});

const t = translator("en");
function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
}
function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event("change", { bubbles: true }));
}

describe("FilterBar", () => {
  it("debounces the search box", () => {
    const onChange = vi.fn();
    act(() => render(<FilterBar t={t} filters={{}} sites={[]} onChange={onChange} debounceMs={200} />, root));
    const box = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(box.getAttribute("aria-label")).toBe("Search");
    act(() => type(box, "pham"));
    act(() => type(box, "pham minh chinh"));
    act(() => {
      vi.advanceTimersByTime(150);
    });
    expect(onChange).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(100);
    });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith({ text: "pham minh chinh" });
  });

  it("keeps what is being typed when an earlier search comes back", () => {
    let filters: PanelFilters = {};
    const onChange = vi.fn((f: PanelFilters) => {
      filters = f;
    });
    const draw = () => act(() => render(<FilterBar t={t} filters={filters} sites={[]} onChange={onChange} debounceMs={100} />, root));
    draw();
    const box = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    act(() => type(box, "hoa"));
    act(() => {
      vi.advanceTimersByTime(100);
    });
    act(() => type(box, "hoa binh"));
    draw(); // the parent re-renders with text "hoa" while "hoa binh" waits
    expect(box.value).toBe("hoa binh");
  });

  it("sets kind, status, site, dates and starred; clears them all", () => {
    let filters: PanelFilters = {};
    const onChange = vi.fn((f: PanelFilters) => {
      filters = f;
      draw();
    });
    const draw = () => act(() => render(<FilterBar t={t} filters={filters} sites={["baochinhphu.vn", "chinhphu.vn"]} onChange={onChange} />, root));
    draw();
    const select = (name: string) => root.querySelector<HTMLSelectElement>(`select[aria-label="${name}"]`)!;
    act(() => choose(select("Kind"), "leader"));
    act(() => choose(select("Status"), "confirmed"));
    act(() => choose(select("Site"), "chinhphu.vn"));
    expect(root.querySelector('input[type="date"]')).toBeNull(); // the dates fold away until asked for
    const datesButton = [...root.querySelectorAll("button")].find((b) => b.textContent!.startsWith("Dates"))!;
    expect(datesButton.getAttribute("aria-expanded")).toBe("false");
    act(() => datesButton.click());
    expect(datesButton.getAttribute("aria-expanded")).toBe("true");
    const [from, to] = [...root.querySelectorAll<HTMLInputElement>('input[type="date"]')];
    act(() => {
      from!.value = "2025-01-01";
      from!.dispatchEvent(new Event("change", { bubbles: true }));
    });
    act(() => {
      to!.value = "2025-03-31";
      to!.dispatchEvent(new Event("change", { bubbles: true }));
    });
    act(() => root.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click());
    expect(filters).toEqual({ kind: "leader", status: "confirmed", site: "chinhphu.vn", from: "2025-01-01", to: "2025-03-31", starred: true });
    act(() => choose(select("Kind"), ""));
    expect(filters.kind).toBeUndefined();
    const clear = [...root.querySelectorAll("button")].find((b) => b.textContent === "Clear filters")!;
    act(() => clear.click());
    expect(filters).toEqual({});
  });

  it("moves into the list with the down arrow", () => {
    const onArrowDown = vi.fn();
    act(() => render(<FilterBar t={t} filters={{}} sites={[]} onChange={() => {}} onArrowDown={onArrowDown} />, root));
    const box = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    act(() => {
      box.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
    });
    expect(onArrowDown).toHaveBeenCalled();
  });

  it("shows only the filters that apply to a view", () => {
    act(() => render(<FilterBar t={t} filters={{}} sites={[]} onChange={() => {}} show={{ kind: false, status: false, dates: false, starred: false }} />, root));
    expect([...root.querySelectorAll("select")].map((s) => s.getAttribute("aria-label"))).toEqual(["Site"]);
    expect(root.querySelector('input[type="date"]')).toBeNull();
    expect([...root.querySelectorAll("button")].some((b) => b.textContent!.startsWith("Dates"))).toBe(false);
    expect(root.querySelector('input[type="search"]')).not.toBeNull();
  });
});
