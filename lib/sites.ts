// Which sites the extension annotates without being asked: Vietnamese government and state media.
// Kept as data (tested in sites.test.ts); a domain covers its subdomains.

export const GOVERNMENT_DOMAINS = [
  "gov.vn", // ministries, provincial portals, embassies (mofa.gov.vn, caobang.gov.vn, vnembassy-… .gov.vn)
  "chinhphu.vn",
  "baochinhphu.vn",
  "quochoi.vn",
  "daibieunhandan.vn",
  "dangcongsan.vn",
  "nhandan.vn",
  "tapchicongsan.org.vn",
  "vietnamplus.vn",
  "baotintuc.vn",
  "bnews.vn",
  "vov.vn",
  "vtv.vn",
  "qdnd.vn",
  "cand.com.vn",
  "baoquocte.vn",
] as const;

/** True for a known government or state-media host, or one of its subdomains. */
export function isGovernmentHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return GOVERNMENT_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** Match patterns for the manifest: each domain and its subdomains, over http and https. */
export function governmentMatchPatterns(): string[] {
  return GOVERNMENT_DOMAINS.map((domain) => `*://*.${domain}/*`);
}
