// Loads `_data/site.yaml`, applies SITE_URL, and returns the one typed Site
// that pages, feeds and email read (through the data file).
import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";
import { z } from "zod";
import { SiteSchema, type Site } from "./schema.ts";
import { BriefingError, problem, type Problem } from "./problems.ts";
import { lineCounterFor, zodProblems } from "./zod-problems.ts";

/** Text direction for the languages written right to left. */
const RTL_LANGUAGES = new Set(["ar", "arc", "dv", "fa", "ha", "he", "khw", "ks", "ku", "ps", "ur", "yi"]);

const SiteFileSchema = SiteSchema.omit({ pathPrefix: true, direction: true, url: true }).extend({
  url: z.string(),
  direction: z.enum(["ltr", "rtl"]).optional(),
});

/**
 * Parses SITE_URL-style input into a base URL with a trailing slash.
 * Returns a Problem instead of a URL when it is not an absolute http(s) URL.
 */
export function parseBaseUrl(input: string, file: string, field: string): URL | Problem {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return problem({
      file, field, stage: "site-config",
      message: `"${input}" is not an absolute URL`,
      fix: "give the full base URL with scheme and host, e.g. https://example.org/ or https://example.org/briefing/",
    });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return problem({ file, field, stage: "site-config", message: `"${input}" must use http or https`, fix: "use an http(s) URL, e.g. https://example.org/briefing/" });
  }
  if (url.search || url.hash || url.username || url.password) {
    return problem({
      file, field, stage: "site-config",
      message: `"${input}" carries a query, fragment or credentials`,
      fix: "give only scheme, host and path, e.g. https://example.org/briefing/",
    });
  }
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url;
}

export function siteFromYaml(text: string, file: string, env: { SITE_URL?: string | undefined }): Site {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new BriefingError(
      doc.errors.map((e) =>
        problem({ file, line: e.linePos?.[0]?.line, stage: "site-config", message: e.message.split("\n")[0] ?? e.message, fix: "fix the YAML syntax" }),
      ),
    );
  }
  const parsed = SiteFileSchema.safeParse(doc.toJS());
  if (!parsed.success) throw new BriefingError(zodProblems(parsed.error, file, "site-config", doc, lineCounterFor(text)));

  const fromEnv = env.SITE_URL !== undefined && env.SITE_URL.trim() !== "";
  const base = parseBaseUrl(fromEnv ? env.SITE_URL!.trim() : parsed.data.url, fromEnv ? "SITE_URL (environment)" : file, "url");
  if (!(base instanceof URL)) throw new BriefingError([base]);
  if (!Intl.supportedValuesOf("timeZone").includes(parsed.data.timeZone) && parsed.data.timeZone !== "UTC") {
    throw new BriefingError([
      problem({ file, field: "timeZone", stage: "site-config", message: `unknown time zone "${parsed.data.timeZone}"`, fix: "use an IANA zone name such as Europe/London or Asia/Seoul" }),
    ]);
  }
  if (parsed.data.summaryWords.min > parsed.data.summaryWords.max) {
    throw new BriefingError([
      problem({ file, field: "summaryWords", stage: "site-config", message: "min is larger than max", fix: "set summaryWords.min <= summaryWords.max" }),
    ]);
  }
  const primary = parsed.data.language.toLowerCase().split("-")[0] ?? "";
  return SiteSchema.parse({
    ...parsed.data,
    url: base.href,
    pathPrefix: base.pathname,
    direction: parsed.data.direction ?? (RTL_LANGUAGES.has(primary) ? "rtl" : "ltr"),
  });
}

export function loadSite(file: string, env: { SITE_URL?: string | undefined } = process.env): Site {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new BriefingError([problem({ file, stage: "site-config", message: "site configuration not found", fix: "create _data/site.yaml (see README)" })]);
  }
  return siteFromYaml(text, file, env);
}
