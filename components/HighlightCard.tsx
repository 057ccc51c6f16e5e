// The small card shown on hover or keyboard focus of a highlight. It lives in a closed shadow
// root, so page CSS cannot reach it; page text is rendered as text, never as markup.
import { useEffect, useRef, useState } from "preact/hooks";
import type { Annotation } from "@/lib/extract/types";
import { formatIsoDate, formatValue } from "@/lib/format";
import type { MessageKey, Translate } from "@/lib/i18n";

export interface CardState {
  starred: boolean;
  status: "new" | "confirmed" | "rejected";
  note: string;
}

/** The reader's own note on selected text: no extracted attributes, just the quote. */
export interface ReaderNote {
  kind: "note";
  text: string;
}

export interface HighlightCardProps {
  annotation: Annotation | ReaderNote;
  /** Open with the note editor (a new note on selected text). */
  startEditing?: boolean;
  t: Translate;
  state: CardState;
  /** A line under the actions: "Saved", "Storage is full …". */
  message?: string;
  /** Move keyboard focus into the card when it opens (keyboard navigation). */
  takeFocus?: boolean;
  onStar(): void;
  onReject(): void;
  onSaveNote(note: string): void;
  onClose(): void;
}

function kindKey(a: Annotation | ReaderNote): MessageKey {
  return a.kind === "directive" ? a.subkind : a.kind;
}

function rows(a: Annotation | ReaderNote): [MessageKey, string][] {
  const out: [MessageKey, string | undefined][] = [];
  switch (a.kind) {
    case "leader":
      out.push(["name", a.name], ["title", a.title], ["refersTo", a.refersTo]);
      break;
    case "directive":
      if (a.subkind === "document")
        out.push(["docType", a.docType], ["code", a.code], ["issuer", a.issuer], ["date", a.date && formatIsoDate(a.date)]);
      else out.push(["speaker", a.speaker], ["verb", a.verb]);
      break;
    case "number":
      out.push(["value", formatValue(a)]);
      break;
    case "note":
      break;
  }
  return out.filter((r): r is [MessageKey, string] => typeof r[1] === "string" && r[1].trim() !== "");
}

export function HighlightCard(props: HighlightCardProps) {
  const { annotation: a, t, state } = props;
  const [editing, setEditing] = useState(props.startEditing ?? false);
  const [draft, setDraft] = useState(state.note);
  const first = useRef<HTMLButtonElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (props.takeFocus) first.current?.focus();
  }, [a, props.takeFocus]);
  useEffect(() => {
    if (editing) area.current?.focus();
  }, [editing]);
  useEffect(() => setDraft(state.note), [state.note]);

  const quote = a.text.length > 220 ? `${a.text.slice(0, 217)}…` : a.text;
  return (
    <div
      class={`card kind-${a.kind}${state.status === "rejected" ? " rejected" : ""}`}
      role="dialog"
      aria-label={`${t("cardLabel")}: ${t(kindKey(a))}`}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      <div class="head">
        <span class="kind">{t(kindKey(a))}</span>
        {state.status === "rejected" && <span class="badge">{t("rejected")}</span>}
      {state.starred && <span class="badge" aria-label={t("star")}>★</span>}
        <button type="button" class="close" aria-label={t("close")} onClick={props.onClose}>
          ×
        </button>
      </div>
      <p class="quote">{quote}</p>
      <dl>
        {rows(a).map(([key, value]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {state.note && !editing && <p class="note">{state.note}</p>}
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            props.onSaveNote(draft);
            setEditing(false);
          }}
        >
          <textarea
            ref={area}
            value={draft}
            placeholder={t("notePlaceholder")}
            aria-label={t("note")}
            onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
          />
          <div class="actions">
            <button type="submit">{t("saveNote")}</button>
            <button type="button" onClick={() => setEditing(false)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : (
        <div class="actions">
          <button type="button" ref={first} onClick={() => setEditing(true)}>
            {state.note ? t("editNote") : t("addNote")}
          </button>
          <button type="button" aria-pressed={state.starred} onClick={props.onStar}>
            {state.starred ? `★ ${t("unstar")}` : `☆ ${t("star")}`}
          </button>
          {a.kind !== "note" && (
            <button type="button" aria-pressed={state.status === "rejected"} onClick={props.onReject}>
              {t("reject")}
            </button>
          )}
        </div>
      )}
      {props.message && (
        <p class="message" role="status">
          {props.message}
        </p>
      )}
    </div>
  );
}

export const CARD_CSS = `
:host { all: initial; }
.card { box-sizing: border-box; width: 320px; max-width: calc(100vw - 16px); padding: 10px 12px; border-radius: 8px;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; background: #fff;
  border: 1px solid #d0d0d0; border-left: 5px solid #999; box-shadow: 0 6px 24px rgba(0,0,0,.18); }
.card.kind-leader { border-left-color: rgb(230, 170, 0); }
.card.kind-directive { border-left-color: rgb(0, 140, 220); }
.card.kind-number { border-left-color: rgb(0, 170, 100); }
.card.kind-note { border-left-color: rgb(171, 71, 188); }
.card.rejected .quote { text-decoration: line-through; opacity: .7; }
.head { display: flex; align-items: center; gap: 6px; }
.kind { font-weight: 700; text-transform: uppercase; font-size: 11px; letter-spacing: .04em; }
.badge { font-size: 11px; background: #eee; border-radius: 4px; padding: 0 4px; }
.close { margin-left: auto; border: 0; background: none; font-size: 18px; line-height: 1; cursor: pointer; color: inherit; }
.quote { margin: 6px 0; font-weight: 600; }
dl { margin: 0; display: grid; gap: 2px; }
dl div { display: flex; gap: 6px; }
dt { color: #5f6368; min-width: 92px; }
dd { margin: 0; }
.note { margin: 6px 0 0; padding: 4px 6px; background: #fff8e1; border-radius: 4px; white-space: pre-wrap; }
textarea { box-sizing: border-box; width: 100%; min-height: 64px; margin-top: 6px; font: inherit; color: inherit; background: inherit; }
.actions { display: flex; gap: 6px; margin-top: 8px; flex-wrap: wrap; }
button { font: inherit; color: inherit; background: #f1f3f4; border: 1px solid #c8c8c8; border-radius: 4px; padding: 2px 8px; cursor: pointer; }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
.message { margin: 6px 0 0; font-size: 12px; color: #5f6368; }
@media (prefers-color-scheme: dark) {
  .card { color: #eee; background: #2b2c2f; border-color: #555; }
  dt, .message { color: #aaa; }
  .badge { background: #444; }
  .note { background: #3a3520; }
  button { background: #3c4043; border-color: #5f6368; }
}
`;
