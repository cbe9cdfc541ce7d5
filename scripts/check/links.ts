// Every internal link resolves: each href/src in every HTML page (email
// documents included) and each <loc> of the sitemap names a file in the site,
// under the path prefix, and each #fragment names an id on the page it points
// to. Links are resolved as a browser would, against the page's served URL.
// A link marked rel="external" (the article's source) is another site's page,
// even when that site shares the host the check builds for.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "htmlparser2";
import { DomUtils } from "htmlparser2";
import type { CheckResult, CheckTarget } from "./types.ts";
import { fileForPath, listFiles, servedPath } from "./output-files.ts";
import { countOf } from "../count.ts";

/** Attributes that hold a URL the page needs or offers, by element. */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ["href"], area: ["href"], link: ["href"], img: ["src"], script: ["src"],
  source: ["src"], iframe: ["src"], video: ["src", "poster"], audio: ["src"], form: ["action"],
};

export interface PageLinks {
  ids: Set<string>;
  /** [element, raw URL] in document order; `external`: rel="external", never resolved in the site. */
  urls: { element: string; url: string; external: boolean }[];
}

/** The ids a page defines (id, and name on <a>) and the URLs it references. */
export function extractLinks(html: string): PageLinks {
  const doc = parseDocument(html);
  const ids = new Set<string>();
  const urls: PageLinks["urls"] = [];
  for (const el of DomUtils.findAll(() => true, doc.children)) {
    if (el.attribs.id) ids.add(el.attribs.id);
    if (el.name === "a" && el.attribs.name) ids.add(el.attribs.name);
    for (const attr of URL_ATTRIBUTES[el.name] ?? []) {
      const value = el.attribs[attr];
      const external = (el.attribs.rel ?? "").toLowerCase().split(/\s+/).includes("external");
      if (value !== undefined) urls.push({ element: el.name, url: value, external });
    }
  }
  return { ids, urls };
}

/** The <loc> URLs of a sitemap. */
export function sitemapLocs(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
}

export async function checkLinks(target: CheckTarget): Promise<CheckResult> {
  const base = new URL(target.baseUrl);
  const files = listFiles(target.siteDir);
  const pages = new Map<string, PageLinks>();
  const idsOf = (rel: string): Set<string> => {
    if (!pages.has(rel)) pages.set(rel, extractLinks(readFileSync(path.join(target.siteDir, rel), "utf8")));
    return pages.get(rel)!.ids;
  };
  const errors: string[] = [];
  let internal = 0;
  let external = 0;

  const resolve = (from: string, raw: string, pageUrl: URL, markedExternal = false) => {
    let url: URL;
    try {
      url = new URL(raw, pageUrl);
    } catch {
      errors.push(`${from}: malformed URL "${raw}"`);
      return;
    }
    if (url.protocol === "mailto:" || url.protocol === "tel:" || url.protocol === "data:") return;
    if (url.origin !== base.origin || markedExternal) {
      external++;
      return;
    }
    internal++;
    // A link to the page itself (#fragment) names its own file, wherever it is served.
    const rel = url.pathname === pageUrl.pathname ? from : fileForPath(url.pathname, target.pathPrefix);
    if (rel === null) {
      errors.push(`${from}: "${raw}" leaves the path prefix ${target.pathPrefix} (resolves to ${url.pathname})`);
      return;
    }
    const full = path.join(target.siteDir, rel);
    if (!existsSync(full)) {
      errors.push(`${from}: "${raw}" -> ${rel} does not exist`);
      return;
    }
    if (statSync(full).isDirectory()) {
      errors.push(`${from}: "${raw}" names a folder; end it with "/"`);
      return;
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && !rel.endsWith(".html")) {
      errors.push(`${from}: "${raw}" has a #fragment but ${rel} is not HTML`);
    } else if (fragment && !idsOf(rel).has(fragment)) {
      errors.push(`${from}: "${raw}": no id="${fragment}" in ${rel}`);
    }
  };

  const htmlFiles = files.filter((f) => f.endsWith(".html"));
  for (const rel of htmlFiles) {
    idsOf(rel);
    // The 404 page is served at any missing URL; resolve it from a deep one so relative links show.
    const pageUrl = new URL(rel === "404.html" ? servedPath("no/such/page/", target.pathPrefix) : servedPath(rel, target.pathPrefix), base);
    for (const { url, external: markedExternal } of pages.get(rel)!.urls) resolve(rel, url, pageUrl, markedExternal);
  }
  if (files.includes("sitemap.xml")) {
    const locs = sitemapLocs(readFileSync(path.join(target.siteDir, "sitemap.xml"), "utf8"));
    if (locs.length === 0) errors.push("sitemap.xml: no <loc> entries");
    for (const loc of locs) {
      if (!loc.startsWith(target.baseUrl)) errors.push(`sitemap.xml: ${loc} is not under ${target.baseUrl}`);
      resolve("sitemap.xml", loc, base);
    }
  } else {
    errors.push("sitemap.xml: missing");
  }

  return {
    name: "links",
    ok: errors.length === 0,
    summary: `${countOf(internal, "internal link")} and anchors in ${countOf(htmlFiles.length, "HTML file")} and the sitemap, ${errors.length} broken (${countOf(external, "external link")} not followed)`,
    errors,
  };
}
