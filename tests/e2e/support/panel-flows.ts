// What a reader does in the review panel, step by step, with real input (see panel-driver.ts):
// write a note and tags on a row, press a row's star / confirm / reject, export from the menu.
import type { DownloadedFile, ExtensionTab } from "./panel-driver";

/** The row of a stored annotation in "This page". */
export const rowSelector = (id: string) => `.tabpanel-page li[data-row][data-id="${id}"]`;

/** Opens the row's note editor, types the note and the tags (comma-separated), saves. */
export async function writeNote(panel: ExtensionTab, id: string, note: string, tags: readonly string[]): Promise<void> {
  await panel.click(`${rowSelector(id)} button.edit`);
  await panel.waitFor("the note editor, focused", () => document.querySelector(".editor[role=dialog] textarea") === document.activeElement);
  await panel.fill(".editor[role=dialog] textarea", note);
  await panel.fill(".editor[role=dialog] input[type=text]", tags.join(", "));
  await panel.click(".editor[role=dialog] .btn.primary");
  await panel.waitFor("the editor to close", () => document.querySelector(".editor") === null);
  await panel.waitFor("the row to show the note", (sel: string) => (document.querySelector(`${sel} .note-line`)?.textContent ?? "").trim() !== "", rowSelector(id));
}

/** Clicks a row's toggle button (star, confirm, reject) and waits until it shows `pressed`. */
export async function pressRowButton(panel: ExtensionTab, id: string, button: "star" | "confirm" | "reject", pressed = true): Promise<void> {
  const selector = `${rowSelector(id)} button.${button}`;
  await panel.click(selector);
  await panel.waitFor(
    `${button} to be ${pressed ? "on" : "off"}`,
    (arg: { selector: string; pressed: boolean }) => document.querySelector(arg.selector)?.getAttribute("aria-pressed") === String(arg.pressed),
    { selector, pressed },
  );
}

/** Opens the export menu at the bottom of the panel (a <details>). */
export async function openExportMenu(panel: ExtensionTab): Promise<void> {
  const open = await panel.evaluate(() => document.querySelector("details.export")?.hasAttribute("open") ?? false);
  if (!open) await panel.click("details.export > summary");
  await panel.waitFor("the export menu", () => document.querySelector("details.export[open] form button[type=submit]") !== null);
}

/**
 * Exports from the panel's menu: picks the format and the scope, clicks Download, returns the file
 * the browser saved and the status line the menu shows after it.
 */
export async function exportFromPanel(panel: ExtensionTab, format: "md" | "csv" | "w3c", scope: "page" | "filtered" | "all"): Promise<{ file: DownloadedFile; status: string }> {
  await openExportMenu(panel);
  await panel.select("details.export select[name=format]", format);
  await panel.select("details.export select[name=scope]", scope);
  const seen = await panel.evaluate(() => document.querySelector(".export-status")?.textContent ?? "");
  const file = await panel.download(() => panel.click("details.export button[type=submit]"));
  const status = await panel.waitFor(
    "the export's status line",
    (before: string) => {
      const text = (document.querySelector(".export-status")?.textContent ?? "").trim();
      const busy = document.querySelector("details.export button[type=submit]")?.hasAttribute("disabled");
      return text && text !== before && !busy ? text : null;
    },
    seen.trim(),
  );
  return { file, status };
}
