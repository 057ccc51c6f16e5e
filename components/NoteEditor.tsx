// The note and tags editor: a small modal dialog over the panel. Escape cancels, Ctrl/⌘+Enter
// saves; Tab stays inside the dialog while it is open.
import { useEffect, useRef, useState } from "preact/hooks";
import type { Translate } from "@/lib/i18n";
import { parseTags, type PanelItem } from "./panel-data";
import { shortQuote } from "./AnnotationRow";

export interface NoteEditorProps {
  item: PanelItem;
  t: Translate;
  onSave(note: string, tags: string[]): void;
  onCancel(): void;
}

export function NoteEditor({ item, t, onSave, onCancel }: NoteEditorProps) {
  const [note, setNote] = useState(item.note);
  const [tags, setTags] = useState(item.tags.join(", "));
  const dialog = useRef<HTMLDivElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => area.current?.focus(), []);

  const save = () => onSave(note, parseTags(tags));
  const id = `editor-${item.id.replace(/[^\w-]/g, "")}`;

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    } else if (e.key === "Tab" && dialog.current) {
      const focusable = [...dialog.current.querySelectorAll<HTMLElement>("textarea, input, button")];
      const firstEl = focusable[0];
      const lastEl = focusable[focusable.length - 1];
      if (e.shiftKey && document.activeElement === firstEl) {
        e.preventDefault();
        lastEl?.focus();
      } else if (!e.shiftKey && document.activeElement === lastEl) {
        e.preventDefault();
        firstEl?.focus();
      }
    }
  }

  return (
    <div class="backdrop" onClick={(e) => e.target === e.currentTarget && onCancel()}>
      <div ref={dialog} class="editor" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onKeyDown={onKeyDown}>
        <h2 id={`${id}-title`}>{t("noteAndTags")}</h2>
        <p class="editor-quote">{shortQuote(item.text)}</p>
        <label for={`${id}-note`}>{t("note")}</label>
        <textarea id={`${id}-note`} ref={area} rows={4} placeholder={t("notePlaceholder")} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        <label for={`${id}-tags`}>{t("tags")}</label>
        <input id={`${id}-tags`} type="text" value={tags} aria-describedby={`${id}-hint`} onInput={(e) => setTags(e.currentTarget.value)} />
        <small id={`${id}-hint`} class="hint">
          {t("tagsHint")}
        </small>
        <div class="editor-actions">
          <button type="button" class="btn" onClick={onCancel}>
            {t("cancel")}
          </button>
          <button type="button" class="btn primary" onClick={save}>
            {t("saveNote")}
          </button>
        </div>
      </div>
    </div>
  );
}
