// The review panel's container: wires ReviewPanel to the store (PanelStore, live queries: the
// panel follows the background's writes) and to the browser (PanelHost: the tab, the content
// script, the background, permissions). entrypoints/popup/main.tsx gives it the real ones; tests
// give fakes or a store over fake-indexeddb.
import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { translator, type Language } from "@/lib/i18n";
import type { PageAnnotations } from "@/lib/messages";
import { hostKey, shouldAnnotate, type SiteChoices } from "@/lib/settings";
import { isGovernmentHost } from "@/lib/sites";
import { StorageFullError } from "@/lib/store/errors";
import type { AnnotationPatch, AnnotationQuery } from "@/lib/store/repository";
import type { StoredKind } from "@/lib/store/types";
import {
  itemFromLive,
  matchesFilters,
  matchesText,
  NO_FILTERS,
  PANEL_PAGE_SIZE,
  stableOrder,
  toQuery,
  type PanelFilters,
  type PanelItem,
  type PanelStore,
} from "./panel-data";
import { ReviewPanel, type PanelActions, type PanelTab } from "./ReviewPanel";
import { applySiteChoice } from "./SiteSwitch";
import { useLiveQuery } from "./useLiveQuery";

/** What the panel needs from the browser. */
export interface PanelHost {
  /** The tab the panel is about; url may be missing when the browser does not tell it. */
  tab: { id: number; url?: string; title?: string } | null;
  /** get-page-annotations to the tab's content script; null when there is none. */
  getPageAnnotations(): Promise<PageAnnotations | null>;
  setHighlightsVisible(visible: boolean): Promise<void>;
  /** focus-annotation (a live annotation, by index) to the tab's content script. */
  focusLive(index: number): Promise<void>;
  /** open-annotation to the background. */
  openAnnotation(id: string): Promise<void>;
  readSiteChoices(): Promise<SiteChoices>;
  /** Calls back when the stored choices change; returns the unsubscribe. */
  watchSiteChoices?(listener: (choices: SiteChoices) => void): () => void;
  /** browser.permissions.request({ origins }) — called synchronously from the click. */
  requestOrigins(origins: string[]): Promise<boolean>;
  /** set-site to the background. */
  setSite(host: string, choice: "on" | "off"): Promise<void>;
}

export interface ReviewAppProps {
  store: PanelStore;
  host: PanelHost;
  lang: Language;
  /** The export menu for this page and the current filters (the popup makes it: it needs the store). */
  renderExport?: (scope: { pageUrl?: string; query: AnnotationQuery }) => ComponentChildren;
  initialTab?: PanelTab;
  /** Tests: viewport height of the windowed lists, search debounce. */
  listHeight?: number;
  debounceMs?: number;
}

const isWebPage = (url: string | undefined): url is string => !!url && /^https?:\/\//i.test(url);

function hostOf(url: string): string {
  try {
    return hostKey(new URL(url).hostname);
  } catch {
    return "";
  }
}

/** User Timing marks for `npm run bench` (scripts/bench-browser.ts), visible in the performance panel too. */
export const PANEL_MARKS = {
  /** The first screen is in the DOM with its data: this page's rows, the "All" list, the sites. */
  ready: "policy-lens:panel-ready",
  /** The "All" list for new filters (a search) is in the DOM; detail: { text, total }. */
  searchDone: "policy-lens:search-done",
} as const;

/** Waits, then asks again: the content script just started on a site switched on needs a moment. */
const RETRY_MS = [400, 1200, 3000];

export function ReviewApp({ store, host, lang, initialTab = "page", listHeight, debounceMs, renderExport }: ReviewAppProps) {
  const t = useMemo(() => translator(lang), [lang]);
  const [tab, setTab] = useState<PanelTab>(initialTab);
  const [filters, setFilters] = useState<PanelFilters>(NO_FILTERS);
  const [live, setLive] = useState<PageAnnotations | null | undefined>(undefined);
  const [visible, setVisible] = useState(true);
  const [choices, setChoices] = useState<SiteChoices | undefined>(undefined);
  const [siteBusy, setSiteBusy] = useState(false);
  const [siteMessage, setSiteMessage] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [limitFor, setLimitFor] = useState({ key: "", limit: PANEL_PAGE_SIZE });
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  // ——— the live page (content script)
  const askPage = useCallback(async () => {
    const answer = await host.getPageAnnotations().catch(() => null);
    if (!mounted.current) return answer;
    setLive(answer);
    if (answer) setVisible(answer.visible);
    return answer;
  }, [host]);
  useEffect(() => {
    void askPage();
  }, [askPage]);

  const pageUrl = isWebPage(host.tab?.url) ? host.tab.url : isWebPage(live?.url) ? live.url : undefined;
  const site = pageUrl ? hostOf(pageUrl) : "";

  // ——— site choices (browser.storage.local)
  useEffect(() => {
    let on = true;
    host
      .readSiteChoices()
      .then((c) => on && setChoices(c))
      .catch(() => on && setChoices({}));
    const stop = host.watchSiteChoices?.((c) => setChoices(c));
    return () => {
      on = false;
      stop?.();
    };
  }, [host]);

  // ——— the store
  const pageState = useLiveQuery(pageUrl ? () => store.pageItems(pageUrl) : null, [store, pageUrl]);
  const sitesState = useLiveQuery(() => store.sites(), [store]);
  const filtersKey = JSON.stringify(filters);
  // how many rows of the "All" list to read: grows as the reader scrolls, back to one step when the filters change
  const listKey = `${filtersKey}|${pageUrl ?? ""}`;
  const allLimit = limitFor.key === listKey ? limitFor.limit : PANEL_PAGE_SIZE;
  const allState = useLiveQuery(() => store.search(toQuery(filters, pageUrl, allLimit)), [store, filtersKey, pageUrl, allLimit]);
  const viewOptions = { ...(filters.site ? { site: filters.site } : {}) };
  const viewKey = JSON.stringify(viewOptions);
  const leadersState = useLiveQuery(tab === "leaders" ? () => store.leaders(viewOptions) : null, [store, tab, viewKey]);
  const directivesState = useLiveQuery(tab === "documents" ? () => store.directives(viewOptions) : null, [store, tab, viewKey]);
  const numbersState = useLiveQuery(tab === "numbers" ? () => store.numbers({ ...viewOptions, includeRejected: filters.status === "rejected" }) : null, [store, tab, viewKey, filters.status]);

  // ——— this page's rows: stored ones, or else those the content script reads
  const storedItems = pageState.value?.items;
  const pageRows = useMemo((): { items: PanelItem[]; live: boolean } => {
    if (storedItems && storedItems.length > 0) return { items: storedItems, live: false };
    if (live && live.annotations.length > 0) return { items: live.annotations.map((a, i) => itemFromLive(a, i, live)), live: true };
    return { items: [], live: false };
  }, [storedItems, live]);
  const pageItems = useMemo(() => pageRows.items.filter((x) => matchesFilters(x, filters)), [pageRows, filtersKey]); // eslint-disable-line react-hooks/exhaustive-deps

  // ——— the "All" list: rows keep their places while the filters stay the same
  const order = useRef<{ key: string; ids: string[] }>({ key: "", ids: [] });
  const allItems = useMemo(() => {
    const result = allState.value;
    if (!result) return [];
    const items = stableOrder(order.current.key === listKey ? order.current.ids : [], result.items);
    order.current = { key: listKey, ids: items.map((x) => x.id) };
    return items;
  }, [allState.value]); // eslint-disable-line react-hooks/exhaustive-deps
  const allTotal = allState.value?.total ?? 0;
  const onRange = useCallback(
    (_start: number, end: number) => {
      if (end + PANEL_PAGE_SIZE / 2 <= allLimit) return;
      const wanted = Math.min(Math.max(allTotal, PANEL_PAGE_SIZE), Math.ceil((end + PANEL_PAGE_SIZE) / PANEL_PAGE_SIZE) * PANEL_PAGE_SIZE);
      if (wanted > allLimit) setLimitFor({ key: listKey, limit: wanted });
    },
    [allLimit, allTotal, listKey],
  );

  // ——— views: the search box filters their entries
  const text = filters.text;
  const leaders = useMemo(
    () => leadersState.value?.filter((e) => matchesText(text, e.name, ...e.titles.map((x) => x.title))),
    [leadersState.value, text],
  );
  const directives = useMemo(
    () => directivesState.value?.filter((e) => matchesText(text, e.docType, e.code, ...e.issuers)),
    [directivesState.value, text],
  );
  const numbers = useMemo(
    () =>
      numbersState.value?.rows.filter(
        (r) =>
          (!filters.starred || r.starred) &&
          (!filters.status || r.status === filters.status) &&
          (!filters.from || r.date >= filters.from) &&
          (!filters.to || r.date <= filters.to) &&
          matchesText(text, r.text, r.value, r.unit, r.pageTitle, r.note, ...r.tags),
      ),
    [numbersState.value, filtersKey], // eslint-disable-line react-hooks/exhaustive-deps
  );

  // ——— actions
  const report = useCallback(
    (e: unknown) => {
      console.warn("[policy-lens] panel action failed", e);
      if (mounted.current) setError(t(e instanceof StorageFullError ? "storageFull" : "saveFailed"));
    },
    [t],
  );
  const write = useCallback(
    (id: string, patch: AnnotationPatch) => {
      setError(undefined);
      store.update(id, patch).catch(report);
    },
    [store, report],
  );
  const openId = useCallback((id: string) => void host.openAnnotation(id).catch((e: unknown) => console.warn("[policy-lens] could not open", e)), [host]);

  const actions = useMemo(
    (): PanelActions => ({
      star: (item, starred) => write(item.id, { starred }),
      status: (item, status) => write(item.id, { status }),
      saveNote: (item, note, tags) => write(item.id, { note, tags }),
      remove: async (item) => {
        setError(undefined);
        try {
          return await store.remove(item.id);
        } catch (e) {
          report(e);
          return undefined;
        }
      },
      undo: (token) => void store.restore(token).catch(report),
      open: (item) => {
        if (item.liveIndex !== undefined) void host.focusLive(item.liveIndex).catch(() => undefined);
        else openId(item.id);
      },
      openMention: (kind: StoredKind, key, page) =>
        void store
          .mentionOn(kind, key, page.url)
          .then((id) => id && openId(id))
          .catch(report),
      openNumber: openId,
    }),
    [store, host, write, report, openId],
  );

  // ——— the site switch and the highlights toggle
  const enabled = choices ? shouldAnnotate(site, choices) : isGovernmentHost(site);
  const onSiteToggle = (next: boolean) => {
    if (!site) return;
    setSiteBusy(true);
    setSiteMessage(undefined);
    // no await before this call: a permission prompt needs the click's user gesture
    applySiteChoice(site, next, { requestOrigins: (o) => host.requestOrigins(o), setSite: (h, c) => host.setSite(h, c) })
      .then(async (result) => {
        if (!mounted.current) return;
        if (result === "denied") {
          setSiteMessage(t("permissionDenied"));
          return;
        }
        setChoices((c) => {
          const copy = { ...(c ?? {}) };
          if (next && isGovernmentHost(site)) delete copy[site];
          else copy[site] = next ? "on" : "off";
          return copy;
        });
        if (!next) {
          setLive(null);
          return;
        }
        for (const ms of RETRY_MS) {
          await new Promise((r) => setTimeout(r, ms));
          if (!mounted.current) return;
          const answer = await askPage();
          if (answer && answer.annotations.length > 0) return;
        }
      })
      .catch(report)
      .finally(() => mounted.current && setSiteBusy(false));
  };
  const onHighlights = (next: boolean) => {
    setVisible(next);
    host.setHighlightsVisible(next).catch(() => mounted.current && setVisible(!next));
  };

  const title = live?.title || pageState.value?.page?.title || host.tab?.title || "";
  const pageLoading = pageRows.items.length === 0 && (live === undefined || (pageUrl !== undefined && pageState.loading));

  // ——— User Timing (bench): marks once the DOM shows the data, never on the way
  const firstScreen = !pageLoading && !allState.loading && allState.value !== undefined && sitesState.value !== undefined;
  const timing = useRef({ ready: false, listKey, pending: false, sawLoading: false });
  useLayoutEffect(() => {
    const m = timing.current;
    if (!m.ready && firstScreen) {
      m.ready = true;
      performance.mark(PANEL_MARKS.ready);
    }
    // new filters: the "All" list counts as searched once its query has loaded (not the stale rows)
    if (m.listKey !== listKey) Object.assign(m, { listKey, pending: true, sawLoading: false });
    if (!m.pending) return;
    if (allState.loading) m.sawLoading = true;
    else if (m.sawLoading && allState.value) {
      m.pending = false;
      performance.mark(PANEL_MARKS.searchDone, { detail: { text: filters.text ?? "", total: allTotal } });
    }
  });

  return (
    <ReviewPanel
      t={t}
      lang={lang}
      tab={tab}
      onTabChange={setTab}
      filters={filters}
      onFiltersChange={setFilters}
      sites={sitesState.value ?? []}
      page={{
        loading: pageLoading,
        available: pageUrl !== undefined,
        ...(title ? { title } : {}),
        ...(pageUrl ? { url: pageUrl } : {}),
        items: pageItems,
        total: pageRows.items.length,
        live: pageRows.live,
      }}
      all={{ loading: allState.loading, total: allTotal, items: allItems, onRange }}
      leaders={leaders}
      directives={directives}
      numbers={numbers}
      site={site ? { host: site, enabled, busy: siteBusy, ...(siteMessage ? { message: siteMessage } : {}), onToggle: onSiteToggle } : null}
      highlights={live && live.annotations.length > 0 ? { visible, onToggle: onHighlights } : null}
      actions={actions}
      error={error}
      {...(listHeight !== undefined ? { listHeight } : {})}
      {...(debounceMs !== undefined ? { debounceMs } : {})}
      footer={renderExport?.({ ...(pageUrl ? { pageUrl } : {}), query: toQuery(filters, undefined, 0) })}
    />
  );
}
