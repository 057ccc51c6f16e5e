// @vitest-environment happy-dom
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { VirtualList } from "./VirtualList";

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

const rowsIn = (el: Element) => [...el.querySelectorAll<HTMLElement>("[role=listitem]")];

describe("VirtualList", () => {
  it("renders a window of 10,000 rows, not all of them", () => {
    const renderRow = vi.fn((i: number) => <span class="label">Row {i}</span>);
    const el = mount(<VirtualList label="Rows" count={10_000} rowHeight={40} height={400} overscan={3} renderRow={renderRow} />);
    const rows = rowsIn(el);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.length).toBeLessThanOrEqual(20);
    expect(rows[0]!.textContent).toBe("Row 0");
    // the spacer gives the scrollbar the whole list's height
    expect((el.querySelector(".vlist-spacer") as HTMLElement).style.height).toBe("400000px");
    // screen readers hear each row's place in the whole list
    expect(rows[0]!.getAttribute("aria-setsize")).toBe("10000");
    expect(rows[0]!.getAttribute("aria-posinset")).toBe("1");
    expect(el.querySelector("[role=list]")!.getAttribute("aria-label")).toBe("Rows");
    expect(renderRow.mock.calls.length).toBeLessThan(50);
  });

  it("renders the rows in view after a scroll", () => {
    const el = mount(<VirtualList label="Rows" count={10_000} rowHeight={40} height={400} overscan={2} renderRow={(i) => <span>Row {i}</span>} />);
    const scroller = el.querySelector<HTMLElement>(".vlist")!;
    act(() => {
      scroller.scrollTop = 200_000; // row 5000 at the top
      scroller.dispatchEvent(new Event("scroll"));
    });
    const texts = rowsIn(el).map((r) => r.textContent);
    expect(texts).toContain("Row 5000");
    expect(texts).toContain("Row 5009");
    expect(texts).not.toContain("Row 0");
    expect(texts.length).toBeLessThanOrEqual(16);
    const first = rowsIn(el).find((r) => r.textContent === "Row 5000")!;
    expect(first.style.transform).toBe("translateY(200000px)");
  });

  it("reports the rendered range (to fetch rows coming into view)", () => {
    const onRangeChange = vi.fn();
    mount(<VirtualList label="Rows" count={1000} rowHeight={50} height={500} overscan={0} onRangeChange={onRangeChange} renderRow={(i) => i} />);
    expect(onRangeChange).toHaveBeenLastCalledWith(0, 10);
  });

  it("moves with the arrow keys, Home and End, and focuses the row", () => {
    const onActivate = vi.fn();
    const el = mount(
      <VirtualList label="Rows" count={10_000} rowHeight={40} height={400} onActivate={onActivate} renderRow={(i, active) => <button tabIndex={active ? 0 : -1}>Row {i}</button>} />,
    );
    const rows = rowsIn(el);
    // one Tab stop: the active row
    expect(rows.filter((r) => r.tabIndex === 0)).toHaveLength(1);
    rows[0]!.focus();
    act(() => {
      rows[0]!.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
    });
    expect(document.activeElement?.getAttribute("data-index")).toBe("1");
    act(() => {
      document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: "End", bubbles: true }));
    });
    const last = document.activeElement as HTMLElement;
    expect(last.getAttribute("data-index")).toBe("9999");
    expect(last.textContent).toBe("Row 9999");
    expect(last.querySelector("button")!.tabIndex).toBe(0);
    expect(rowsIn(el).length).toBeLessThanOrEqual(20);
    act(() => {
      last.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    });
    expect(onActivate).toHaveBeenCalledWith(9999);
    act(() => {
      document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: "Home", bubbles: true }));
    });
    expect(document.activeElement?.getAttribute("data-index")).toBe("0");
  });

  it("renders nothing but the frame for an empty list", () => {
    const el = mount(<VirtualList label="Rows" count={0} rowHeight={40} height={400} renderRow={(i) => i} />);
    expect(rowsIn(el)).toHaveLength(0);
  });
});
