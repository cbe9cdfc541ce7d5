// Date and URL filters. Dates are formatted in the zone the article states,
// never the machine's: these run under whatever TZ the test process has, and
// test/tz.test.ts runs the same assertions under two forced zones.
import { describe, expect, it } from "vitest";
import { absoluteUrl, href, isoDate, metaDescription, readableDate, readableDateTime, resolveUrl, rfc3339, rfc822 } from "../scripts/eleventy/filters.ts";

const SEOUL_MORNING = "2026-02-27T10:00:00.000+09:00";

describe("date filters", () => {
  it("keeps the offset the ISO string states", () => {
    expect(rfc3339(SEOUL_MORNING)).toBe("2026-02-27T10:00:00+09:00");
    expect(rfc822(SEOUL_MORNING)).toBe("Fri, 27 Feb 2026 10:00:00 +0900");
    expect(isoDate(SEOUL_MORNING)).toBe("2026-02-27");
  });

  it("converts to a named zone, crossing the date line when it must", () => {
    expect(rfc822(SEOUL_MORNING, "America/Los_Angeles")).toBe("Thu, 26 Feb 2026 17:00:00 -0800");
    expect(isoDate("2026-02-27T01:00:00+09:00", "UTC")).toBe("2026-02-26");
  });

  it("writes readable dates in English with the zone's offset", () => {
    expect(readableDate(SEOUL_MORNING, "Asia/Seoul")).toBe("27 February 2026");
    expect(readableDateTime(SEOUL_MORNING, "Asia/Seoul")).toBe("27 February 2026, 10:00 UTC+09:00");
    expect(readableDateTime("2026-07-01T12:00:00Z", "Europe/London")).toBe("1 July 2026, 13:00 UTC+01:00");
  });

  it("rejects a string that is not a date instead of printing Invalid DateTime", () => {
    expect(() => rfc822("yesterday")).toThrow(/not an ISO date-time/);
  });
  it("answers a repeated question the same way, and a different zone or locale differently (the memo keys on all three)", () => {
    const iso = "2026-02-27T23:30:00+09:00";
    expect(isoDate(iso)).toBe("2026-02-27");
    expect(isoDate(iso, "America/Los_Angeles")).toBe("2026-02-27");
    expect(isoDate(iso, "UTC")).toBe("2026-02-27");
    expect(isoDate("2026-02-27T05:30:00+09:00", "UTC")).toBe("2026-02-26");
    expect(isoDate("2026-02-27T05:30:00+09:00")).toBe("2026-02-27");
    expect(readableDate(iso, "Asia/Seoul", "de")).toBe("27 Februar 2026");
    expect(readableDate(iso, "Asia/Seoul")).toBe("27 February 2026");
    expect(rfc822(iso, "UTC")).toBe("Fri, 27 Feb 2026 14:30:00 +0000");
    expect(rfc822(iso, "UTC")).toBe("Fri, 27 Feb 2026 14:30:00 +0000");
    for (let i = 0; i < 2; i++) expect(() => rfc3339("tomorrow")).toThrow(/not an ISO date-time/);
  });
});

describe("URL filters", () => {
  it("puts site paths under the path prefix once", () => {
    expect(href("/feed.xml", "/")).toBe("/feed.xml");
    expect(href("/feed.xml", "/briefing/")).toBe("/briefing/feed.xml");
    expect(href("briefings/x/", "/briefing/")).toBe("/briefing/briefings/x/");
    expect(href("https://example.org/a", "/briefing/")).toBe("https://example.org/a");
    expect(href("#p-1", "/briefing/")).toBe("#p-1");
  });

  it("makes absolute URLs under a base URL with or without a trailing slash", () => {
    expect(absoluteUrl("/feed.xml", "https://example.org/briefing/")).toBe("https://example.org/briefing/feed.xml");
    expect(absoluteUrl("/feed.xml", "https://example.org/briefing")).toBe("https://example.org/briefing/feed.xml");
    expect(absoluteUrl("/", "https://example.org/")).toBe("https://example.org/");
    expect(absoluteUrl("mailto:a@example.org", "https://example.org/")).toBe("mailto:a@example.org");
  });

  it("resolves article-relative links only when asked to", () => {
    expect(resolveUrl("../img/a.png", "https://example.org/b/briefings/x/")).toBe("https://example.org/b/briefings/img/a.png");
    expect(resolveUrl("../img/a.png", null)).toBe("../img/a.png");
  });
});

describe("metaDescription", () => {
  const gist = "The harbour bridge will close for two weeks from March 3 while engineers replace its bearings. " +
    "Buses will run every ten minutes on a diversion through the old town, the council said. " +
    "Traders on the quay fear they will lose custom during the works.";
  const words = (text: string) => text.replace(/\u2026$/, "").split(" ");

  it("keeps a description that fits, whitespace folded", () => {
    expect(metaDescription("  Short  gist.\n")).toBe("Short gist.");
  });

  it("ends a long one at a sentence when whole sentences fill at least half of the 160 characters", () => {
    expect(gist.length).toBeGreaterThan(160);
    const d = metaDescription(gist);
    expect(d).toBe("The harbour bridge will close for two weeks from March 3 while engineers replace its bearings.");
  });

  it("otherwise ends on a whole word with an ellipsis, at most 160 characters", () => {
    const oneSentence = "Engineers will replace the bearings of the harbour bridge " + "and repaint the steel arches over the river ".repeat(6) + "before it reopens.";
    const d = metaDescription(oneSentence);
    expect([...d].length).toBeLessThanOrEqual(160);
    expect(d.endsWith("\u2026")).toBe(true);
    // Every word shown is a whole word of the text, in order.
    expect(oneSentence.startsWith(d.slice(0, -1))).toBe(true);
    expect(oneSentence.split(" ")).toEqual(expect.arrayContaining(words(d)));
    expect(oneSentence[d.length - 1]).toBe(" ");
  });

  it("counts characters, not UTF-16 units, and never leaves a dangling comma or dash", () => {
    const emoji = "\u{1F30A} ".repeat(70) + "waves, \u2014 more";
    const d = metaDescription(emoji, 150);
    expect([...d].length).toBeLessThanOrEqual(150);
    expect(d).not.toMatch(/[,\u2014]\u2026$/u);
  });
});
