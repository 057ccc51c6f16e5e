// "Annotation deleted. [Undo]" for a few seconds after a delete. Announced politely; the Undo
// button is reachable with Tab, and Ctrl/⌘+Z anywhere in the panel undoes too (see ReviewPanel).
import { useEffect } from "preact/hooks";

export const UNDO_TIMEOUT_MS = 8000;

export interface UndoToastProps {
  message: string;
  undoLabel: string;
  closeLabel: string;
  onUndo(): void;
  /** The time is up, or the reader dismissed the toast: the delete stays. */
  onExpire(): void;
  timeoutMs?: number;
}

export function UndoToast({ message, undoLabel, closeLabel, onUndo, onExpire, timeoutMs = UNDO_TIMEOUT_MS }: UndoToastProps) {
  useEffect(() => {
    const timer = setTimeout(onExpire, timeoutMs);
    return () => clearTimeout(timer);
  }, [onExpire, timeoutMs]);
  return (
    <div
      class="toast"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onExpire();
        }
      }}
    >
      <span>{message}</span>
      <button type="button" class="btn primary" onClick={onUndo}>
        {undoLabel}
      </button>
      <button type="button" class="icon-btn" aria-label={closeLabel} onClick={onExpire}>
        ×
      </button>
    </div>
  );
}
