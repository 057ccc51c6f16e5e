// The review panel (the popup): tabs "This page" / "All pages" / "Leaders" / "Documents" /
// "Numbers", the filters, the rows and their actions, the note editor and the undo toast. Pure UI:
// everything it shows comes in as props, everything it does goes out through callbacks (the
// container, ReviewApp, wires them to the store and the browser).
import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { fill, type Language, type MessageKey, type Translate } from "@/lib/i18n";
import type { DirectiveEntry, LeaderEntry, NumberRow, PageMention } from "@/lib/store/repository";
import type { AnnotationRecord, ReviewStatus } from "@/lib/store/types";
import { AnnotationRow, type RowActions } from "./AnnotationRow";
import { DirectivesView } from "./DirectivesView";
import { FilterBar, type FilterBarProps } from "./FilterBar";
import { countFormatter } from "./IndexView";
import { LeadersView } from "./LeadersView";
import { NoteEditor } from "./NoteEditor";
import { NumbersView } from "./NumbersView";
import { groupPageItems, hasFilters, type PageGroups, type PanelFilters, type PanelItem } from "./panel-data";
import { HighlightsToggle, SiteSwitch, type SiteSwitchProps } from "./SiteSwitch";
import { UndoToast } from "./UndoToast";
import { VirtualList } from "./VirtualList";

export type PanelTab = "page" | "all" | "leaders" | "documents" | "numbers";
export const PANEL_TABS: readonly PanelTab[] = ["page", "all", "leaders", "documents", "numbers"];
const TAB_LABEL: Record<PanelTab, MessageKey> = { page: "tabThisPage", all: "tabAll", leaders: "tabLeaders", documents: "tabDocuments", numbers: "tabNumbers" };

/** Height of a row in the "All" list (fixed: the list is windowed). */
export const ROW_HEIGHT = 96;
/** A group of this page with more rows than this is windowed too. */
export const PLAIN_LIMIT = 150;

export interface PageData {
  /** Still reading the store and asking the page. */
  loading: boolean;
  /** False when the tab shows no web page (new tab, browser pages). */
  available: boolean;
  title?: string;
  url?: string;
  /** This page's rows after the filters, in text order. */
  items: PanelItem[];
  /** How many rows the page has before the filters. */
  total: number;
  /** The rows were read from the page (nothing stored yet): no review actions. */
  live: boolean;
}

export interface AllData {
  loading: boolean;
  /** How many rows match the filters in all. */
  total: number;
  /** The rows loaded so far, in list order (index i is row i). */
  items: PanelItem[];
  /** The list shows rows [start, end): load them if they are not. */
  onRange(start: number, end: number): void;
}

export interface PanelActions {
  star(item: PanelItem, starred: boolean): void;
  status(item: PanelItem, status: ReviewStatus): void;
  saveNote(item: PanelItem, note: string, tags: string[]): void;
  /** Deletes; resolves to the undo token (undefined: nothing was deleted). */
  remove(item: PanelItem): Promise<AnnotationRecord | undefined>;
  undo(token: AnnotationRecord): void;
  /** Go to the passage (a stored record, or a live one by index). */
  open(item: PanelItem): void;
  openMention(kind: "leader" | "directive", key: string, page: PageMention): void;
  openNumber(id: string): void;
}

export interface ReviewPanelProps {
  t: Translate;
  lang: Language;
  tab: PanelTab;
  onTabChange(tab: PanelTab): void;
  filters: PanelFilters;
  onFiltersChange(filters: PanelFilters): void;
  sites: readonly string[];
  page: PageData;
  all: AllData;
  /** undefined while loading (or before the tab was opened). */
  leaders?: readonly LeaderEntry[] | undefined;
  directives?: readonly DirectiveEntry[] | undefined;
  numbers?: readonly NumberRow[] | undefined;
  /** The site switch; null when the tab shows no web page. */
  site: Omit<SiteSwitchProps, "t"> | null;
  /** The highlights toggle; null when the page has no content script. */
  highlights: { visible: boolean; onToggle(visible: boolean): void } | null;
  actions: PanelActions;
  /** A line of error (storage full …), shown until the next one. */
  error?: string | undefined;
  /** Viewport height fallback for the windowed lists (tests). */
  listHeight?: number;
  /** Search debounce, ms (tests). */
  debounceMs?: number;
  /** The export menu, under the lists (it needs the store, so the container makes it). */
  footer?: ComponentChildren;
}

const FILTERS_FOR: Record<PanelTab, NonNullable<FilterBarProps["show"]>> = {
  page: {},
  all: {},
  leaders: { kind: false, status: false, dates: false, starred: false },
  documents: { kind: false, status: false, dates: false, starred: false },
  numbers: { kind: false },
};

const GROUPS: { key: keyof PageGroups; label: MessageKey; kindClass: string }[] = [
  { key: "leader", label: "groupLeaders", kindClass: "kind kind-leader" },
  { key: "directive", label: "groupDirectives", kindClass: "kind kind-directive" },
  { key: "number", label: "groupNumbers", kindClass: "kind kind-number" },
  { key: "note", label: "groupNotes", kindClass: "kind kind-note" },
  { key: "orphaned", label: "groupOrphaned", kindClass: "group group-orphaned" },
];

const ROW_NAV = new Set(["ArrowDown", "ArrowUp", "Home", "End"]);

export function ReviewPanel(props: ReviewPanelProps) {
  const { t, tab, page, all, actions } = props;
  const n = countFormatter(props.lang);
  const [editing, setEditing] = useState<PanelItem | null>(null);
  const [toast, setToast] = useState<{ token: AnnotationRecord; seq: number } | null>(null);
  const [activeRow, setActiveRow] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const refocusAt = useRef<number | null>(null);
  const seq = useRef(0);

  // after a delete, focus goes to the row that took the deleted one's place
  useEffect(() => {
    if (refocusAt.current === null || !body.current) return;
    const rows = [...body.current.querySelectorAll<HTMLElement>("[data-row]")];
    if (rows.length === 0) return;
    rows[Math.min(refocusAt.current, rows.length - 1)]!.focus();
    refocusAt.current = null;
  }, [page.items, all.items]);

  const rowActions: RowActions = {
    onStar: (item) => actions.star(item, !item.starred),
    onStatus: (item, status) => actions.status(item, status),
    onEdit: (item) => {
      opener.current = document.activeElement as HTMLElement | null;
      setEditing(item);
    },
    onDelete: (item) => {
      const rows = body.current ? [...body.current.querySelectorAll<HTMLElement>("[data-row]")] : [];
      const at = rows.findIndex((r) => r.contains(document.activeElement));
      void actions.remove(item).then((token) => {
        if (!token) return;
        if (at >= 0) refocusAt.current = at;
        setToast({ token, seq: ++seq.current });
      });
    },
    onOpen: (item) => actions.open(item),
  };

  const closeEditor = () => {
    setEditing(null);
    const back = opener.current;
    opener.current = null;
    if (back?.isConnected) back.focus();
  };
  const toastNow = useRef(toast);
  toastNow.current = toast;
  const undo = useCallback(() => {
    const current = toastNow.current;
    if (!current) return;
    toastNow.current = null;
    setToast(null);
    actions.undo(current.token);
  }, [actions]);
  const expire = useCallback(() => setToast(null), []);

  function onTabKey(e: KeyboardEvent) {
    const i = PANEL_TABS.indexOf(tab);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: PANEL_TABS.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = PANEL_TABS[(to + PANEL_TABS.length) % PANEL_TABS.length]!;
    props.onTabChange(next);
    // focus follows the selection
    requestAnimationFrame(() => document.getElementById(`tab-${next}`)?.focus());
  }

  // arrow keys between the rows of this page's groups (windowed lists handle their own)
  function onRowsKey(e: KeyboardEvent) {
    const target = e.target as HTMLElement;
    if (target.closest("input, textarea, select")) return;
    const row = target.closest<HTMLElement>("[data-row]");
    if (!row || !body.current) return;
    if (e.key === "Enter" && target === row) {
      const item = [...page.items].find((x) => x.id === row.dataset.id);
      if (item) {
        e.preventDefault();
        actions.open(item);
      }
      return;
    }
    if (!ROW_NAV.has(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
    const rows = [...body.current.querySelectorAll<HTMLElement>("li[data-row]")];
    const i = rows.indexOf(row);
    if (i < 0) return;
    e.preventDefault();
    const to = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: rows.length - 1 }[e.key] ?? i;
    rows[Math.max(0, Math.min(rows.length - 1, to))]?.focus();
  }

  const firstId = page.items[0]?.id;
  const tabStop = activeRow !== null && page.items.some((x) => x.id === activeRow) ? activeRow : firstId;

  function renderPlainRows(items: PanelItem[]): ComponentChildren {
    return (
      <ul class="rows">
        {items.map((item) => (
          <li key={item.id} data-row="" data-id={item.id} tabIndex={item.id === tabStop ? 0 : -1} onFocusIn={() => setActiveRow(item.id)}>
            <AnnotationRow item={item} t={t} actions={rowActions} active={item.id === tabStop} />
          </li>
        ))}
      </ul>
    );
  }

  function renderPage(): ComponentChildren {
    if (page.loading && page.items.length === 0) return <p class="empty">{t("loading")}</p>;
    if (!page.available && page.total === 0)
      return (
        <p class="status" role="status">
          {t("notAPage")}
        </p>
      );
    if (page.total === 0)
      return (
        <>
          {page.title && <p class="page-title">{page.title}</p>}
          <p class="status" role="status">
            {t("nothingHere")}
          </p>
        </>
      );
    const groups = groupPageItems(page.items);
    return (
      <>
        <p class="page-title" title={page.url}>
          {page.title || t("untitled")}
        </p>
        {page.live && <p class="hint">{t("liveHint")}</p>}
        {page.items.length === 0 && <p class="empty">{t("noMatches")}</p>}
        <div class="groups" onKeyDown={onRowsKey}>
          {GROUPS.map(({ key, label, kindClass }) => {
            const items = groups[key];
            if (items.length === 0) return null;
            const headingId = `group-${key}`;
            return (
              <section key={key} class={kindClass} aria-labelledby={headingId}>
                <h2 id={headingId}>
                  {t(label)} <span class="count">{items.length}</span>
                </h2>
                {items.length <= PLAIN_LIMIT ? (
                  renderPlainRows(items)
                ) : (
                  <VirtualList
                    class="group-list"
                    label={t(label)}
                    count={items.length}
                    rowHeight={ROW_HEIGHT}
                    height={props.listHeight ?? 360}
                    rowKey={(i) => items[i]!.id}
                    onActivate={(i) => actions.open(items[i]!)}
                    renderRow={(i, active) => <AnnotationRow item={items[i]!} t={t} actions={rowActions} active={active} fixed />}
                  />
                )}
              </section>
            );
          })}
        </div>
      </>
    );
  }

  function renderAll(): ComponentChildren {
    if (all.loading && all.items.length === 0 && all.total === 0) return <p class="empty">{t("loading")}</p>;
    if (all.total === 0) return <p class="empty">{hasFilters(props.filters) ? t("noMatches") : t("noEntries")}</p>;
    return (
      <>
        <p class="list-count" aria-live="polite">
          {fill(t("resultsCount"), { n: n(all.total) })}
        </p>
        <VirtualList
          // new filters: back to the top
          key={JSON.stringify(props.filters)}
          class="all-list"
          label={t("annotationsList")}
          count={all.total}
          rowHeight={ROW_HEIGHT}
          height={props.listHeight}
          // by place, not by id: a row keeps its element (and focus) when its record arrives or changes
          rowKey={(i) => i}
          onRangeChange={all.onRange}
          onActivate={(i) => {
            const item = all.items[i];
            if (item) actions.open(item);
          }}
          renderRow={(i, active) => {
            const item = all.items[i];
            return item ? <AnnotationRow item={item} t={t} actions={rowActions} active={active} showPage fixed /> : <div class="arow pending">{t("loading")}</div>;
          }}
        />
      </>
    );
  }

  function renderTab(): ComponentChildren {
    switch (tab) {
      case "page":
        return renderPage();
      case "all":
        return renderAll();
      case "leaders":
        return (
          <LeadersView
            t={t}
            lang={props.lang}
            entries={props.leaders}
            onOpenPage={(e, p) => actions.openMention("leader", e.key, p)}
            {...(props.listHeight !== undefined ? { height: props.listHeight } : {})}
          />
        );
      case "documents":
        return (
          <DirectivesView
            t={t}
            lang={props.lang}
            entries={props.directives}
            onOpenPage={(e, p) => actions.openMention("directive", e.key, p)}
            {...(props.listHeight !== undefined ? { height: props.listHeight } : {})}
          />
        );
      case "numbers":
        return <NumbersView t={t} lang={props.lang} rows={props.numbers} onOpen={actions.openNumber} {...(props.listHeight !== undefined ? { height: props.listHeight } : {})} />;
    }
  }

  return (
    <main
      class="panel"
      onKeyDown={(e) => {
        if (toast && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z" && !(e.target as HTMLElement).closest("input, textarea")) {
          e.preventDefault();
          undo();
        }
      }}
    >
      <header class="panel-head">
        <h1>Policy Lens</h1>
        <div class="switches">
          {props.site && <SiteSwitch t={t} {...props.site} />}
          {props.highlights && <HighlightsToggle t={t} visible={props.highlights.visible} onToggle={props.highlights.onToggle} />}
        </div>
      </header>
      <div class="tabs" role="tablist" aria-label={t("panelSections")} onKeyDown={onTabKey}>
        {PANEL_TABS.map((id) => (
          <button
            key={id}
            id={`tab-${id}`}
            type="button"
            role="tab"
            aria-selected={tab === id}
            aria-controls={`tabpanel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            class={tab === id ? "tab selected" : "tab"}
            onClick={() => props.onTabChange(id)}
          >
            {t(TAB_LABEL[id])}
            {id === "page" && page.total > 0 && <span class="tab-count">{n(page.total)}</span>}
          </button>
        ))}
      </div>
      <FilterBar
        t={t}
        filters={props.filters}
        sites={props.sites}
        onChange={props.onFiltersChange}
        show={FILTERS_FOR[tab]}
        onArrowDown={() => {
          const rows = body.current?.querySelectorAll<HTMLElement>("[data-row]");
          const target = [...(rows ?? [])].find((r) => r.tabIndex === 0) ?? rows?.[0];
          target?.focus();
        }}
        {...(props.debounceMs !== undefined ? { debounceMs: props.debounceMs } : {})}
      />
      {props.error && (
        <p class="error" role="alert">
          {props.error}
        </p>
      )}
      <div ref={body} id={`tabpanel-${tab}`} class={`tabpanel tabpanel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {renderTab()}
      </div>
      {props.footer && (
        <details class="export">
          <summary>{t("exportSection")}</summary>
          {props.footer}
        </details>
      )}
      <div class="toast-region" aria-live="polite">
        {toast && (
          <UndoToast key={toast.seq} message={t("deleted")} undoLabel={t("undo")} closeLabel={t("close")} onUndo={undo} onExpire={expire} />
        )}
      </div>
      {editing && (
        <NoteEditor
          item={editing}
          t={t}
          onCancel={closeEditor}
          onSave={(note, tags) => {
            actions.saveNote(editing, note, tags);
            closeEditor();
          }}
        />
      )}
    </main>
  );
}
