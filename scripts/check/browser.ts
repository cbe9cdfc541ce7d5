// Headless Chromium (Debian's /usr/bin/chromium) through playwright-core, with
// every flag ../shared/CHROMIUM.md asks for so that no request leaves the
// machine, plus a static file server on 127.0.0.1 for a built site. Shared by
// `npm run check` and the tests (test/helpers/chromium.ts re-exports it).
import { createServer, type Server } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-default-apps", "--disable-domain-reliability", "--metrics-recording-only", "--no-pings",
  "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
  "--disable-features=OptimizationHints,NetworkTimeServiceQuerying,AimEnabled,PreconnectToSearch,MediaRouter,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater",
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export interface LaunchedBrowser {
  browser: Browser;
  /** A context that aborts every request to a host other than 127.0.0.1, recording it. */
  newContext(options?: Parameters<Browser["newContext"]>[0]): Promise<BrowserContext>;
  blockedRequests: string[];
  close(): Promise<void>;
}

export async function launchChromium(): Promise<LaunchedBrowser> {
  // playwright-core gives every launch a fresh temporary profile (its own
  // --user-data-dir, deleted on close) and refuses one passed in args.
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const blockedRequests: string[] = [];
  return {
    browser,
    blockedRequests,
    async newContext(options) {
      const context = await browser.newContext(options);
      await context.route("**/*", (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === "127.0.0.1" || url.protocol === "data:" || url.protocol === "about:") return route.continue();
        blockedRequests.push(url.href);
        return route.abort();
      });
      return context;
    },
    async close() {
      await browser.close();
    },
  };
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".xml": "application/xml; charset=utf-8",
  ".json": "application/json; charset=utf-8", ".txt": "text/plain; charset=utf-8", ".svg": "image/svg+xml",
  ".png": "image/png", ".ico": "image/x-icon", ".js": "text/javascript; charset=utf-8", ".eml": "message/rfc822",
  ".webmanifest": "application/manifest+json",
};

export interface StaticServer {
  /** Base URL including the path prefix, e.g. http://127.0.0.1:40123/briefing/ */
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 under `pathPrefix` like a plain static host (index.html for folders, 404.html for misses). */
export async function serveStatic(dir: string, pathPrefix = "/", port = 0): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let rel = decodeURIComponent(url.pathname);
    const notFound = () => {
      const page = path.join(dir, "404.html");
      res.writeHead(404, { "content-type": TYPES[".html"]! });
      res.end(existsSync(page) ? readFileSync(page) : "not found");
    };
    if (!rel.startsWith(pathPrefix)) return notFound();
    rel = rel.slice(pathPrefix.length);
    let file = path.join(dir, rel);
    if (!file.startsWith(dir)) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!existsSync(file)) return notFound();
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  return {
    url: `http://127.0.0.1:${address.port}${pathPrefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
