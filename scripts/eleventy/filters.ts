// Template filters: dates with an explicit zone (luxon) and URLs under the
// site's base. Each is a small pure function, unit-tested; templates hold no
// text processing beyond calling these.
import { DateTime } from "luxon";

/** Parses an ISO date-time keeping the offset it states, then sets the IANA zone when given. */
function inZone(iso: string, zone?: string): DateTime {
  const dt = DateTime.fromISO(iso, { setZone: true });
  if (!dt.isValid) throw new Error(`not an ISO date-time: "${iso}"`);
  return zone ? dt.setZone(zone) : dt;
}

/**
 * A date formatter that remembers its answers, made per Eleventy config (see
 * filtersPlugin) so that nothing outlives a render. Pages of an archive format
 * the same few thousand dates again and again (every list, feed and sitemap
 * entry), and a luxon parse with a zone costs tens of microseconds each time.
 * The formatters are pure, so the memo only saves time; a throw is not remembered.
 */
function memoized(format: (iso: string, zone?: string, locale?: string) => string): (iso: string, zone?: string, locale?: string) => string {
  const answers = new Map<string, string>();
  return (iso, zone, locale) => {
    const key = `${iso}\0${zone ?? ""}\0${locale ?? ""}`;
    let answer = answers.get(key);
    if (answer === undefined) answers.set(key, (answer = format(iso, zone, locale)));
    return answer;
  };
}

/** Human date in the article's zone: "27 February 2026". Locale pinned so output never follows LANG. */
export function readableDate(iso: string, zone?: string, locale = "en"): string {
  return inZone(iso, zone).setLocale(locale).toFormat("d LLLL yyyy");
}

/**
 * Human date and time with the offset: "27 February 2026, 10:00 UTC+09:00".
 * An offset rather than an abbreviation: abbreviations ("KST", "GMT+1") come
 * from ICU data that varies by locale and Node version.
 */
export function readableDateTime(iso: string, zone?: string, locale = "en"): string {
  const dt = inZone(iso, zone).setLocale(locale);
  return `${dt.toFormat("d LLLL yyyy, HH:mm")} UTC${dt.toFormat("ZZ")}`;
}

/** Calendar date for <time datetime> and sitemaps: 2026-02-27. */
export function isoDate(iso: string, zone?: string): string {
  return inZone(iso, zone).toISODate()!;
}

/** RFC 3339 (Atom, JSON Feed): 2026-02-27T10:00:00+09:00. */
export function rfc3339(iso: string, zone?: string): string {
  return inZone(iso, zone).toISO({ suppressMilliseconds: true, includeOffset: true })!;
}

/** RFC 822 with a numeric offset (RSS 2.0), in English whatever the machine's locale. */
export function rfc822(iso: string, zone?: string): string {
  return inZone(iso, zone).setLocale("en-US").toFormat("ccc, dd LLL yyyy HH:mm:ss ZZZ");
}

/** A site path ("/feed.xml", "briefings/x/") under the path prefix: "/briefing/feed.xml". */
export function href(sitePath: string, pathPrefix: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(sitePath) || sitePath.startsWith("#")) return sitePath;
  return pathPrefix.replace(/\/$/, "") + "/" + sitePath.replace(/^\/+/, "");
}

/** A site path as an absolute URL under the base URL (which carries the path prefix). */
export function absoluteUrl(sitePath: string, baseUrl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(sitePath)) return sitePath;
  const base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
  return new URL(sitePath.replace(/^\/+/, ""), base).href;
}

/**
 * A URL from an article body resolved against `base` (the briefing page's
 * absolute URL) when one is given, for feeds and email where relative links break.
 */
export function resolveUrl(url: string, base?: string | null): string {
  if (!base) return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/** Search engines and link previews show about this many characters of a description. */
export const META_DESCRIPTION_CHARS = 160;

/**
 * A page's meta and Open Graph description: the text when it fits in `max`
 * characters; else its longest run of whole sentences that fits and fills at
 * least half of it; else whole words and an ellipsis. Never cuts a word.
 */
export function metaDescription(text: string, max = META_DESCRIPTION_CHARS): string {
  const folded = text.replace(/\s+/g, " ").trim();
  const chars = [...folded];
  if (chars.length <= max) return folded;
  const head = chars.slice(0, max + 1).join("");
  const sentenceEnds = [...head.matchAll(/[.!?\u2026]["'\u201D\u2019)]?(?= )/gu)].map((m) => m.index + m[0].length);
  const sentenceEnd = sentenceEnds.filter((end) => [...head.slice(0, end)].length <= max).pop();
  if (sentenceEnd !== undefined && [...head.slice(0, sentenceEnd)].length >= max / 2) return head.slice(0, sentenceEnd);
  // Whole words, leaving room for the ellipsis; a word longer than that is the one case cut short.
  const room = chars.slice(0, max).join("");
  const space = room.lastIndexOf(" ");
  const words = (space > 0 ? room.slice(0, space) : [...room].slice(0, max - 1).join("")).replace(/[\s,;:\u2013\u2014-]+$/u, "");
  return `${words}\u2026`;
}

/** Registers the filters above with Eleventy (and so with nunjucks). */
export function filtersPlugin(eleventyConfig: {
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
}): void {
  eleventyConfig.addFilter("readableDate", memoized(readableDate));
  eleventyConfig.addFilter("readableDateTime", memoized(readableDateTime));
  eleventyConfig.addFilter("isoDate", memoized(isoDate));
  eleventyConfig.addFilter("rfc3339", memoized(rfc3339));
  eleventyConfig.addFilter("rfc822", memoized(rfc822));
  eleventyConfig.addFilter("href", href);
  eleventyConfig.addFilter("absoluteUrl", absoluteUrl);
  eleventyConfig.addFilter("resolveUrl", resolveUrl);
  eleventyConfig.addFilter("metaDescription", metaDescription);
}
