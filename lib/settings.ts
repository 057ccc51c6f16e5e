// Where the extension works: government sites unless the reader switched them off, other sites
// only when the reader switched them on. Pure rules over the stored choices.
import { isGovernmentHost } from "./sites";

/** The reader's choice per host: "on" for a site the reader added, "off" for one switched off. */
export type SiteChoices = Record<string, "on" | "off">;

export const SITE_CHOICES_KEY = "siteChoices";

export function hostKey(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, "").replace(/^www\./, "");
}

export function shouldAnnotate(hostname: string, choices: SiteChoices): boolean {
  const choice = choices[hostKey(hostname)];
  if (choice) return choice === "on";
  return isGovernmentHost(hostname);
}

/** The stored value, read defensively: anything malformed counts as no choice. */
export function parseSiteChoices(value: unknown): SiteChoices {
  const out: SiteChoices = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) return out;
  for (const [host, choice] of Object.entries(value)) {
    if ((choice === "on" || choice === "off") && /^[a-z0-9.-]{1,253}$/.test(host)) out[host] = choice;
  }
  return out;
}

/** Match patterns for a host the reader switched on (it and its www. form). */
export function originPatterns(hostname: string): string[] {
  const host = hostKey(hostname);
  return [`*://${host}/*`, `*://www.${host}/*`];
}
