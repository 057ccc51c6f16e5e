// One key per article: the same page reached through a share link, a newsletter or a bookmark must
// be the same record.

/** Query parameters that only track the visit and never choose the content. */
const TRACKING_PARAMS = new Set([
  "fbclid",
  "gclid",
  "gclsrc",
  "dclid",
  "gbraid",
  "wbraid",
  "msclkid",
  "yclid",
  "twclid",
  "ttclid",
  "igshid",
  "mc_cid",
  "mc_eid",
  "_ga",
  "_gl",
  "_hsenc",
  "_hsmi",
  "mkt_tok",
  "ref_src",
  "ref_url",
  "spm",
  "zarsrc", // Zalo shares
  "gidzl", // Zalo
  "zalo_source",
  "fb_action_ids",
  "fb_action_types",
  "fb_ref",
  "fb_source",
  "s_cid",
  "wt_mc",
]);

function isTracking(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith("utm_") || TRACKING_PARAMS.has(n);
}

/**
 * The canonical form of a page URL: no fragment, no tracking parameters (utm_*, fbclid, Zalo's
 * zarsrc …), the other parameters kept in a stable order, no trailing slash on a path (the root
 * stays "/"), host lower case without a trailing dot, default port dropped. Throws a TypeError for a
 * string that is not an absolute URL.
 */
export function canonicalUrl(url: string): string {
  const u = new URL(url.trim());
  u.hash = "";
  if (u.protocol !== "http:" && u.protocol !== "https:") return u.href;
  u.hostname = u.hostname.replace(/\.$/, "");
  for (const name of [...new Set(u.searchParams.keys())]) if (isTracking(name)) u.searchParams.delete(name);
  u.searchParams.sort();
  const query = u.searchParams.toString();
  u.search = query ? `?${query}` : "";
  if (u.pathname.length > 1) u.pathname = u.pathname.replace(/\/+$/, "") || "/";
  return u.href;
}

/** The site a page belongs to: its host without "www.". */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "").replace(/\.$/, "");
  } catch {
    return "";
  }
}
