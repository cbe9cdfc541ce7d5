// HTML conformance with the Nu Html Checker (the W3C validator's engine, npm
// `vnu-jar`, run with the machine's Java): every web page, the stylesheet and
// the SVG icon. Any error fails; warnings are listed but do not.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import type { CheckResult, CheckTarget } from "./types.ts";
import { listFiles, webPages } from "./output-files.ts";
import { relativePath } from "../list-files.ts";
import { countOf } from "../count.ts";

interface NuMessage {
  type: "error" | "info" | "non-document-error";
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

export function vnuJarPath(): string {
  const require = createRequire(import.meta.url);
  // The package's main export is the jar's path (a String object).
  return String(require("vnu-jar"));
}

/** Runs the checker on files; resolves to its messages (it reports on stderr as JSON). */
export function runNu(files: string[]): Promise<NuMessage[]> {
  return new Promise((resolve, reject) => {
    execFile(
      "java",
      ["-Xss1024k", "-jar", vnuJarPath(), "--format", "json", "--also-check-css", "--also-check-svg", ...files],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        try {
          resolve((JSON.parse(stderr) as { messages: NuMessage[] }).messages);
        } catch {
          reject(new Error(`Nu Html Checker did not run: ${error?.message ?? stderr.slice(0, 500)}`));
        }
      },
    );
  });
}

/** "file:/tmp/x/_site/about/index.html" -> "about/index.html". */
function relativeTo(siteDir: string, url: string | undefined): string {
  if (!url) return "(unknown file)";
  const file = url.startsWith("file:") ? new URL(url).pathname : url;
  return relativePath(siteDir, decodeURIComponent(file));
}

export async function checkHtml(target: CheckTarget): Promise<CheckResult> {
  const pages = webPages(target.siteDir);
  const extras = listFiles(target.siteDir).filter((f) => f.endsWith(".css") || f.endsWith(".svg"));
  const files = [...pages, ...extras].map((f) => path.join(target.siteDir, f));
  const messages = await runNu(files);
  const describe = (m: NuMessage) =>
    `${relativeTo(target.siteDir, m.url)}${m.lastLine ? `:${m.lastLine}` : ""}: ${m.message}${m.extract ? ` [${m.extract.trim().slice(0, 80)}]` : ""}`;
  const errors = messages.filter((m) => m.type !== "info").map(describe);
  const warnings = messages.filter((m) => m.type === "info" && m.subType === "warning").map(describe);
  return {
    name: "html",
    ok: errors.length === 0,
    summary: `Nu Html Checker: ${countOf(pages.length, "page")} and ${countOf(extras.length, "CSS/SVG file")}, ${countOf(errors.length, "error")}, ${countOf(warnings.length, "warning")}`,
    errors,
    warnings,
  };
}
