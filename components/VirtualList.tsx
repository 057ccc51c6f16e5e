// A windowed list: only the rows in view (plus a few either side) are in the DOM, however many
// there are. Rows have one fixed height. Keyboard: the list is one Tab stop (the active row, whose
// buttons are reachable with Tab); ↑ ↓ Home End PageUp PageDown move between rows; Enter on a row
// activates it. Screen readers get the position of each row in the whole list (aria-posinset/setsize).
import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";

export interface VirtualListProps {
  count: number;
  /** Every row's height in px. */
  rowHeight: number;
  /** A row's content; `active` is true for the row that holds the list's Tab stop. */
  renderRow(index: number, active: boolean): ComponentChildren;
  rowKey?(index: number): string | number;
  /** The list's accessible name. */
  label: string;
  /** The viewport's height until it can be measured (first render, tests). */
  height?: number;
  /** Rows rendered beyond each edge of the viewport. */
  overscan?: number;
  /** The rendered range [start, end) changed: e.g. to fetch the rows coming into view. */
  onRangeChange?(start: number, end: number): void;
  /** Enter on a row. */
  onActivate?(index: number): void;
  class?: string;
}

const NAV_KEYS = new Set(["ArrowDown", "ArrowUp", "Home", "End", "PageDown", "PageUp"]);

export function VirtualList(props: VirtualListProps) {
  const { count, rowHeight, overscan = 4 } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(props.height ?? 400);
  const viewportHeight = viewport;
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return undefined;
    const measure = () => {
      if (el.clientHeight > 0) setViewport(el.clientHeight);
    };
    measure();
    if (typeof ResizeObserver === "undefined") return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const activeIndex = count === 0 ? -1 : Math.min(active, count - 1);
  // the latest active row, for key presses that come before the re-render
  const current = useRef(activeIndex);
  current.current = activeIndex;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  const activeRendered = activeIndex >= first && activeIndex < last;

  const { onRangeChange } = props;
  useEffect(() => {
    onRangeChange?.(first, last);
  }, [first, last, onRangeChange]);

  // keep the scroll position valid when the list shrinks
  useEffect(() => {
    const el = scroller.current;
    const max = Math.max(0, count * rowHeight - viewport);
    if (el && scrollTop > max) {
      el.scrollTop = max;
      setScrollTop(max);
    }
  }, [count, rowHeight, viewport, scrollTop]);

  // focus right after the render (a layout effect: before the next key press is handled)
  useLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`)?.focus({ preventScroll: true });
  });

  function moveTo(index: number) {
    if (count === 0) return;
    const i = Math.max(0, Math.min(count - 1, index));
    const el = scroller.current;
    if (el) {
      const top = i * rowHeight;
      let next = el.scrollTop;
      // the viewport as measured now (a resize may not have re-rendered yet)
      const viewport = el.clientHeight > 0 ? el.clientHeight : viewportHeight;
      if (top < next) next = top;
      else if (top + rowHeight > next + viewport) next = top + rowHeight - viewport;
      if (next !== el.scrollTop) el.scrollTop = next;
      setScrollTop(next);
    }
    setActive(i);
    current.current = i;
    focusPending.current = true;
  }

  function onKeyDown(e: KeyboardEvent) {
    const target = e.target as HTMLElement;
    if (target.closest("input, textarea, select, [contenteditable]")) return;
    if (e.key === "Enter" && target.dataset.index !== undefined) {
      e.preventDefault();
      props.onActivate?.(Number(target.dataset.index));
      return;
    }
    if (!NAV_KEYS.has(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    e.stopPropagation();
    const page = Math.max(1, Math.floor(viewport / rowHeight) - 1);
    const from = Math.max(0, current.current);
    const to = { ArrowDown: from + 1, ArrowUp: from - 1, Home: 0, End: count - 1, PageDown: from + page, PageUp: from - page }[e.key] ?? from;
    moveTo(to);
  }

  const rows = [];
  for (let i = first; i < last; i++) {
    const isActive = i === activeIndex;
    rows.push(
      <div
        key={props.rowKey ? props.rowKey(i) : i}
        class="vrow"
        role="listitem"
        data-row=""
        data-index={i}
        aria-posinset={i + 1}
        aria-setsize={count}
        tabIndex={isActive ? 0 : -1}
        style={{ transform: `translateY(${i * rowHeight}px)`, height: `${rowHeight}px` }}
        onFocusIn={() => i !== active && setActive(i)}
      >
        {props.renderRow(i, isActive)}
      </div>,
    );
  }

  return (
    <div
      ref={scroller}
      class={`vlist${props.class ? ` ${props.class}` : ""}`}
      role="list"
      aria-label={props.label}
      // the list keeps a Tab stop when its active row is scrolled out of the DOM
      tabIndex={activeRendered || count === 0 ? -1 : 0}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        if (e.target === scroller.current) moveTo(Math.min(count - 1, Math.ceil(scrollTop / rowHeight)));
      }}
      style={props.height !== undefined ? { height: `${props.height}px` } : undefined}
    >
      <div class="vlist-spacer" style={{ height: `${count * rowHeight}px` }}>
        {rows}
      </div>
    </div>
  );
}
