// The switch that turns the extension on or off for the current site, and the toggle that hides or
// shows the highlights on the current page. Pure UI; applySiteChoice is the click's logic.
import { fill, type Translate } from "@/lib/i18n";
import { originPatterns } from "@/lib/settings";
import { isGovernmentHost } from "@/lib/sites";

export interface SiteChoiceDeps {
  /** browser.permissions.request({ origins }). */
  requestOrigins(origins: string[]): Promise<boolean>;
  /** The set-site message to the background. */
  setSite(host: string, choice: "on" | "off"): Promise<void>;
}

/**
 * Turns a site on or off. For a non-government host switched on, the browser is asked for access
 * first — synchronously, so call this straight from the click handler (the prompt needs the user
 * gesture). Government hosts are covered by the manifest: no prompt.
 */
export function applySiteChoice(host: string, on: boolean, deps: SiteChoiceDeps): Promise<"done" | "denied"> {
  if (on && !isGovernmentHost(host)) {
    const asking = deps.requestOrigins(originPatterns(host));
    return asking.then(async (granted) => {
      if (!granted) return "denied";
      await deps.setSite(host, "on");
      return "done";
    });
  }
  return deps.setSite(host, on ? "on" : "off").then(() => "done");
}

export interface SiteSwitchProps {
  t: Translate;
  /** The current tab's host (without www.). */
  host: string;
  enabled: boolean;
  busy?: boolean;
  /** A line under the switch ("The browser did not grant access …"). */
  message?: string;
  onToggle(next: boolean): void;
}

export function SiteSwitch({ t, host, enabled, busy, message, onToggle }: SiteSwitchProps) {
  const id = "site-switch";
  return (
    <div class="switch-row">
      <label class="switch" for={id}>
        <input id={id} type="checkbox" role="switch" checked={enabled} disabled={busy} aria-describedby={`${id}-state`} onChange={(e) => onToggle(e.currentTarget.checked)} />
        <span>{t("siteSwitch")}</span>
      </label>
      <span id={`${id}-state`} class="switch-state">
        {fill(t(enabled ? "siteSwitchOn" : "siteSwitchOff"), { host })}
      </span>
      {message && (
        <span class="switch-message" role="alert">
          {message}
        </span>
      )}
    </div>
  );
}

export interface HighlightsToggleProps {
  t: Translate;
  visible: boolean;
  onToggle(next: boolean): void;
}

export function HighlightsToggle({ t, visible, onToggle }: HighlightsToggleProps) {
  const id = "highlights-toggle";
  return (
    <div class="switch-row">
      <label class="switch" for={id}>
        <input id={id} type="checkbox" role="switch" checked={visible} onChange={(e) => onToggle(e.currentTarget.checked)} />
        <span>{t("highlightsVisible")}</span>
      </label>
    </div>
  );
}
