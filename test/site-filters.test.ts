// The derived values the page templates call: pure functions, checked directly.
import { describe, expect, it } from "vitest";
import { archivePagePath, archivePages, homeArchive, pagerWindow, articlesBySlugs, dateSpan, jsonForScript, newsArticleLd, sitemapEntries } from "../scripts/eleventy/pages.ts";
import { articleFixture, siteFixture } from "./helpers/site-fixture.ts";

describe("dateSpan", () => {
  it.each([
    [{ start: "2026-02-20", end: "2026-02-20", precision: "day" }, "20 February 2026"],
    [{ start: "2026-02-20", end: "2026-02-21", precision: "day" }, "20–21 February 2026"],
    [{ start: "2026-03-31", end: "2026-04-02", precision: "day" }, "31 March – 2 April 2026"],
    [{ start: "2025-12-30", end: "2026-01-02", precision: "day" }, "30 December 2025 – 2 January 2026"],
    [{ start: "2025-09-01", end: "2025-09-30", precision: "month" }, "September 2025"],
    [{ start: "2023-01-01", end: "2023-12-31", precision: "year" }, "2023"],
    [{ start: "2026-03-27", end: "2026-03-27", precision: "approximate" }, "about 27 March 2026"],
  ] as const)("%j -> %s", (date, expected) => {
    expect(dateSpan(date)).toBe(expected);
  });

  it("rejects what is not a calendar date", () => {
    expect(() => dateSpan({ start: "Feb 20", end: "2026-02-21", precision: "day" })).toThrow(/not an ISO date/);
  });
});

describe("lookups", () => {
  it("returns articles in the order of the slugs and skips unknown ones", () => {
    const a = articleFixture({ slug: "a" });
    const b = articleFixture({ slug: "b" });
    expect(articlesBySlugs([a, b], ["b", "x", "a"]).map((x) => x.slug)).toEqual(["b", "a"]);
  });
});

describe("home archive", () => {
  it("lists every briefing but the latest, which leads the page on its own", () => {
    const [c, b, a] = [{ slug: "c" }, { slug: "b" }, { slug: "a" }];
    expect(homeArchive([c, b, a], null)).toEqual([b, a]);
    expect(homeArchive([c], null)).toEqual([]);
    expect(homeArchive([], null)).toEqual([]);
    // With editions, the latest edition leads: none of its briefings is listed again under it.
    expect(homeArchive([c, b, a], { articles: ["c", "a"] })).toEqual([b]);
  });
});

describe("archive pages", () => {
  it("cuts the archive into pages of the configured size, one empty page when there is nothing", () => {
    expect(archivePages([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(archivePages([], 20)).toEqual([[]]);
    expect(() => archivePages([1], 0)).toThrow(/positive integer/);
  });

  it("puts page 1 at the root and the others under /page/N/", () => {
    expect([0, 1, 2].map(archivePagePath)).toEqual(["/", "/page/2/", "/page/3/"]);
  });

  it("links the pager to the first, the last and two pages either side, with a gap for the rest", () => {
    expect(pagerWindow(0, 1)).toEqual([0]);
    expect(pagerWindow(1, 3)).toEqual([0, 1, 2]);
    expect(pagerWindow(0, 200)).toEqual([0, 1, 2, null, 199]);
    expect(pagerWindow(100, 200)).toEqual([0, null, 98, 99, 100, 101, 102, null, 199]);
    expect(pagerWindow(199, 200)).toEqual([0, null, 197, 198, 199]);
    // One page left out is shown rather than replaced by a gap of one.
    expect(pagerWindow(4, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, null, 9]);
    expect(pagerWindow(3, 7)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe("sitemap entries", () => {
  it("lists every archive page, briefing, topic, subscribe and about, absolute under the base URL", () => {
    const site = siteFixture({ url: "https://example.org/briefing/", pathPrefix: "/briefing/", homePageSize: 1 });
    // "a" was updated last in absolute time, though its offset sorts it first as a string.
    const articles = [
      articleFixture({ slug: "b", date: "2026-03-01T09:00:00.000+09:00", updated: null }),
      articleFixture({ slug: "a", date: "2026-02-27T10:00:00.000+09:00", updated: "2026-02-28T20:30:00.000-05:00" }),
    ];
    const entries = sitemapEntries({ site, articles, tags: [{ name: "Diplomacy", slug: "diplomacy", articles: ["b", "a"] }] });
    // The home leads with "b" and lists the rest from "a": one page of one.
    expect(entries.map((e) => e.loc)).toEqual([
      "https://example.org/briefing/",
      "https://example.org/briefing/briefings/b/",
      "https://example.org/briefing/briefings/a/",
      "https://example.org/briefing/tags/",
      "https://example.org/briefing/tags/diplomacy/",
      "https://example.org/briefing/subscribe/",
      "https://example.org/briefing/about/",
    ]);
    expect(entries[0]!.lastmod).toBe("2026-02-28T20:30:00-05:00"); // page 1 shows "b" and lists "a", updated last
    expect(entries[1]!.lastmod).toBe("2026-03-01T09:00:00+09:00");
    expect(entries[3]!.lastmod).toBe("2026-02-28T20:30:00-05:00"); // topics: newest of both, by instant
    expect(entries.at(-1)!.lastmod).toBeNull();
  });
});

describe("JSON-LD", () => {
  it("describes the briefing as a NewsArticle with the people it mentions", () => {
    const ld = newsArticleLd(articleFixture(), siteFixture());
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Leader repeats demand",
      datePublished: "2026-02-27T10:00:00+09:00",
      dateModified: "2026-02-28T08:30:00+09:00",
      author: { "@type": "Organization", name: "Briefing Desk" },
      publisher: { "@type": "Organization", name: "Briefing", url: "https://example.org/" },
      url: "https://example.org/briefings/leader-repeats-demand/",
    });
    expect(ld.mentions).toEqual([
      { "@type": "Person", name: "Kim Jong Un", jobTitle: "General Secretary of the Workers’ Party" },
      { "@type": "Person", name: "Park Won-gon", jobTitle: "professor of North Korean studies at Ewha Womans University" },
      { "@type": "Person", name: "Donald Trump", jobTitle: "President" },
      { "@type": "Person", name: "Xi Jinping", jobTitle: "President" },
    ]);
  });

  it("serializes JSON that cannot close its <script> element and parses back to the same value", () => {
    const value = { headline: "</script><script>alert(1)</script> & <!-- \u2028\u2029" };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
