// The filters over the panel's lists: search box (debounced; diacritics optional), kind, status,
// site, date range, starred. Pure UI: the current filters in, the new filters out.
import { useEffect, useRef, useState } from "preact/hooks";
import type { Translate } from "@/lib/i18n";
import { REVIEW_STATUSES, STORED_KINDS, type ReviewStatus, type StoredKind } from "@/lib/store/types";
import { hasFilters, type PanelFilters } from "./panel-data";

export const SEARCH_DEBOUNCE_MS = 200;

export interface FilterBarProps {
  t: Translate;
  filters: PanelFilters;
  /** Sites offered in the site filter. */
  sites: readonly string[];
  onChange(filters: PanelFilters): void;
  /** Which filters apply to the current view (the search box always does). */
  show?: { kind?: boolean; status?: boolean; site?: boolean; dates?: boolean; starred?: boolean };
  debounceMs?: number;
  /** ↓ in the search box: move into the list below. */
  onArrowDown?(): void;
}

const STATUS_KEY = { new: "statusNew", confirmed: "statusConfirmed", rejected: "rejected" } as const;

/** A copy of `f` with `key` set, or removed when `value` is empty. */
function withFilter<K extends keyof PanelFilters>(f: PanelFilters, key: K, value: PanelFilters[K] | "" | undefined): PanelFilters {
  const next = { ...f };
  if (value === "" || value === undefined || value === false) delete next[key];
  else next[key] = value as PanelFilters[K];
  return next;
}

export function FilterBar({ t, filters, sites, onChange, show = {}, debounceMs = SEARCH_DEBOUNCE_MS, onArrowDown }: FilterBarProps) {
  const { kind = true, status = true, site = true, dates = true, starred = true } = show;
  const [draft, setDraft] = useState(filters.text ?? "");
  const [datesOpen, setDatesOpen] = useState(false);
  const showDates = dates && (datesOpen || Boolean(filters.from || filters.to));
  const latest = useRef({ filters, onChange });
  latest.current = { filters, onChange };
  const timer = useRef<ReturnType<typeof setTimeout>>();

  // the search text was changed from outside (filters cleared): the box follows
  const emitted = useRef(filters.text ?? "");
  useEffect(() => {
    const text = filters.text ?? "";
    if (text === emitted.current) return;
    emitted.current = text;
    clearTimeout(timer.current);
    setDraft(text);
  }, [filters.text]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const emitText = (value: string) => {
    clearTimeout(timer.current);
    const text = value.trim();
    if (text === (latest.current.filters.text ?? "")) return;
    emitted.current = text;
    latest.current.onChange(withFilter(latest.current.filters, "text", text));
  };
  const set = <K extends keyof PanelFilters>(key: K, value: PanelFilters[K] | "") => onChange(withFilter(filters, key, value));

  return (
    <div class="filters" role="search" aria-label={t("filters")}>
      <div class="filters-row">
        <input
          type="search"
          class="search"
          aria-label={t("search")}
          placeholder={t("searchPlaceholder")}
          value={draft}
          onInput={(e) => {
            const value = e.currentTarget.value;
            setDraft(value);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => emitText(value), debounceMs);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") emitText(e.currentTarget.value);
            else if (e.key === "ArrowDown" && onArrowDown) {
              e.preventDefault();
              emitText(e.currentTarget.value);
              onArrowDown();
            } else if (e.key === "Escape" && e.currentTarget.value !== "") {
              e.preventDefault();
              e.stopPropagation();
              setDraft("");
              emitText("");
            }
          }}
        />
        {starred && (
          <label class="check">
            <input type="checkbox" checked={Boolean(filters.starred)} onChange={(e) => set("starred", e.currentTarget.checked)} />
            {t("filterStarred")}
          </label>
        )}
        {(hasFilters(filters) || draft.trim() !== "") && (
          <button
            type="button"
            class="btn link"
            onClick={() => {
              clearTimeout(timer.current);
              setDraft("");
              onChange({});
            }}
          >
            {t("clearFilters")}
          </button>
        )}
      </div>
      {(kind || status || site || dates) && (
        <div class="filters-row">
          {kind && (
            <select aria-label={t("filterKind")} value={filters.kind ?? ""} onChange={(e) => set("kind", e.currentTarget.value as StoredKind | "")}>
              <option value="">
                {t("filterKind")}: {t("filterAll")}
              </option>
              {STORED_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(k)}
                </option>
              ))}
            </select>
          )}
          {status && (
            <select aria-label={t("filterStatus")} value={filters.status ?? ""} onChange={(e) => set("status", e.currentTarget.value as ReviewStatus | "")}>
              <option value="">
                {t("filterStatus")}: {t("filterAll")}
              </option>
              {REVIEW_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(STATUS_KEY[s])}
                </option>
              ))}
            </select>
          )}
          {site && (
            <select aria-label={t("filterSite")} value={filters.site ?? ""} onChange={(e) => set("site", e.currentTarget.value)}>
              <option value="">
                {t("filterSite")}: {t("filterAll")}
              </option>
              {sites.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          )}
          {dates && (
            <button
              type="button"
              class={`btn dates-toggle${filters.from || filters.to ? " on" : ""}`}
              aria-expanded={showDates}
              aria-controls="filter-dates"
              onClick={() => setDatesOpen(!showDates)}
            >
              {t("filterDates")} <span aria-hidden="true">{showDates ? "▴" : "▾"}</span>
            </button>
          )}
        </div>
      )}
      {showDates && (
        <div class="filters-row" id="filter-dates">
          <label class="date">
            {t("filterFrom")}
            <input type="date" value={filters.from ?? ""} max={filters.to} onChange={(e) => set("from", e.currentTarget.value)} />
          </label>
          <label class="date">
            {t("filterTo")}
            <input type="date" value={filters.to ?? ""} min={filters.from} onChange={(e) => set("to", e.currentTarget.value)} />
          </label>
        </div>
      )}
    </div>
  );
}
