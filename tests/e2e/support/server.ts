// A static server for the fixture pages, listening on 127.0.0.1 only (random free port).
// A request for http://<host>:<port>/<path> is answered from tests/fixtures/sites/<host>/<path>:
// the Host header picks the site, so one server stands in for every government host once the
// browser resolves those names to 127.0.0.1.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** The fixture folder: tests/fixtures, or E2E_FIXTURES_DIR when set (a folder of the same layout). */
export const FIXTURES_DIR = process.env.E2E_FIXTURES_DIR
  ? path.resolve(process.env.E2E_FIXTURES_DIR)
  : path.join(REPO_ROOT, "tests/fixtures");

export interface FixturePage {
  id: string;
  seed?: string | number;
  host: string;
  path: string;
  /** The address of the real page this fixture imitates. */
  url?: string;
  file: string;
  expect: "article" | "none";
  /** Served with this Content-Type (default: by file extension). */
  contentType?: string;
  lang?: string;
  articleDate?: string | null;
  /** The article container; everything outside it is furniture. */
  bodySelector?: string | null;
  /** Strings in the article that must be highlighted. */
  bodySamples?: string[];
  /** Strings in furniture that must never be highlighted. */
  furnitureSamples?: string[];
  /** On `expect: "none"` pages: entity-like strings that must not be highlighted. */
  negativeSamples?: string[];
  reason?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".pdf": "application/pdf",
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/** The manifest tests/fixtures/pages.json (an empty list when it is not there yet). */
export function loadManifest(fixturesDir = FIXTURES_DIR): FixturePage[] {
  const file = path.join(fixturesDir, "pages.json");
  if (!fs.existsSync(file)) return [];
  const raw: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  const list = Array.isArray(raw) ? raw : (raw as { pages?: unknown }).pages;
  if (!Array.isArray(list)) throw new Error(`${file}: expected a list of pages (or {pages: [...]})`);
  return list as FixturePage[];
}

/** Every host the manifest names, plus every folder under sites/ (each needs to resolve to us). */
export function listHosts(fixturesDir = FIXTURES_DIR): string[] {
  const hosts = new Set(loadManifest(fixturesDir).map((p) => p.host.toLowerCase()));
  const sites = path.join(fixturesDir, "sites");
  if (fs.existsSync(sites)) {
    for (const entry of fs.readdirSync(sites, { withFileTypes: true })) {
      if (entry.isDirectory()) hosts.add(entry.name.toLowerCase());
    }
  }
  return [...hosts].sort();
}

/** The file that answers `urlPath` on `host`, or null (outside the site folder, or missing). */
export function resolveFile(host: string, urlPath: string, fixturesDir = FIXTURES_DIR): string | null {
  if (!/^[a-z0-9.-]+$/i.test(host) || host.startsWith(".")) return null;
  const siteRoot = path.join(fixturesDir, "sites", host.toLowerCase());
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  let file = path.join(siteRoot, path.normalize(`/${decoded}`));
  if (file !== siteRoot && !file.startsWith(siteRoot + path.sep)) return null;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return null;
  }
  if (stat.isDirectory()) {
    file = path.join(file, "index.html");
    try {
      stat = fs.statSync(file);
    } catch {
      return null;
    }
  }
  return stat.isFile() ? file : null;
}

export interface FixtureServer {
  port: number;
  /** http://<host>:<port><path> */
  urlFor(host: string, pathname: string): string;
  close(): Promise<void>;
}

export async function startServer(options: { fixturesDir?: string; port?: number } = {}): Promise<FixtureServer> {
  const fixturesDir = options.fixturesDir ?? FIXTURES_DIR;
  // the manifest may say how a file is served (e.g. kenh14.vn's `.chn` pages are HTML)
  const declared = new Map<string, string>();
  for (const page of loadManifest(fixturesDir)) {
    if (page.contentType && page.file) declared.set(path.resolve(fixturesDir, page.file), page.contentType);
  }
  const server = http.createServer((req, res) => {
    const host = (req.headers.host ?? "").replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
    const url = new URL(req.url ?? "/", "http://placeholder");
    const file = req.method === "GET" || req.method === "HEAD" ? resolveFile(host, url.pathname, fixturesDir) : null;
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end(`404 not found: ${host}${url.pathname}\n`);
      return;
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, {
      "content-type": declared.get(file) ?? contentTypeOf(file),
      "content-length": body.length,
      "cache-control": "no-store",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("fixture server: no port");
  const port = address.port;
  return {
    port,
    urlFor: (host, pathname) => `http://${host}:${port}${pathname.startsWith("/") ? pathname : `/${pathname}`}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
