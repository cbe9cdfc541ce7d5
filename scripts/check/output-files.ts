// The files of a built site and the URLs they are served at, for the audits.
import { listFiles as listAllFiles, relativePath } from "../list-files.ts";

/** Every file under `siteDir`, as sorted forward-slash paths relative to it. */
export function listFiles(siteDir: string): string[] {
  return listAllFiles(siteDir).map((file) => relativePath(siteDir, file));
}

/** The email documents (briefings/<slug>/email.html) are audited by the email check, not as web pages. */
export function isEmailDocument(rel: string): boolean {
  return /(^|\/)email\.html$/.test(rel);
}

/** The site's web pages: every .html file except the email documents. */
export function webPages(siteDir: string): string[] {
  return listFiles(siteDir).filter((f) => f.endsWith(".html") && !isEmailDocument(f));
}

/** The URL path a file is served at under the prefix: "briefings/x/index.html" -> "/briefing/briefings/x/". */
export function servedPath(rel: string, pathPrefix: string): string {
  const clean = rel.replace(/(^|\/)index\.html$/, "$1");
  return pathPrefix + clean;
}

/**
 * The file a URL path names, relative to the site folder, or null when it is
 * outside the path prefix. "/briefing/tags/" -> "tags/index.html".
 */
export function fileForPath(urlPath: string, pathPrefix: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith(pathPrefix)) return null;
  const rel = decoded.slice(pathPrefix.length);
  return rel === "" || rel.endsWith("/") ? rel + "index.html" : rel;
}
