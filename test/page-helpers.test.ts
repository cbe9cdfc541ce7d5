// The values reader-facing templates show but do not compute: counted nouns,
// a gist's first sentence, what a who's who fold holds, the timeline strip.
import { describe, expect, it } from "vitest";
import { countOf, firstSentence, timelineStrip, whosWhoMore } from "../scripts/eleventy/page-helpers.ts";

describe("countOf", () => {
  it("puts the noun in the number the count asks for", () => {
    expect(countOf(1, "article")).toBe("1 article");
    expect(countOf(0, "article")).toBe("0 articles");
    expect(countOf(2, "more person", "more people")).toBe("2 more people");
    expect(countOf(4000, "briefing")).toBe("4,000 briefings");
  });
});

describe("firstSentence", () => {
  it("stops at the first sentence end, not at an abbreviation or an initial", () => {
    expect(firstSentence("The U.S. envoy arrived on Monday. Talks start today.")).toBe("The U.S. envoy arrived on Monday.");
    expect(firstSentence("Kim Jong Un spoke. He said little.")).toBe("Kim Jong Un spoke.");
    expect(firstSentence("One sentence without a full stop")).toBe("One sentence without a full stop");
    expect(firstSentence("  Folded\n whitespace.  Second. ")).toBe("Folded whitespace.");
  });
});

describe("whosWhoMore", () => {
  const entity = (name: string) => ({ id: name, name, mentions: [] });
  const person = (name: string) => ({ id: name, name, role: null, mentions: [] });

  it("names what the fold holds: the people left over, then every organization and place", () => {
    const article = { people: ["A", "B", "C", "D"].map(person), organizations: ["X", "Y"].map(entity), places: [entity("P")] };
    expect(whosWhoMore(article, 3)).toBe("1 more person, 2 organizations and 1 place");
    expect(whosWhoMore({ ...article, organizations: [], places: [] }, 2)).toBe("2 more people");
    expect(whosWhoMore({ ...article, people: [] }, 3)).toBe("2 organizations and 1 place");
    expect(whosWhoMore({ people: [person("A")], organizations: [], places: [] }, 3)).toBe("");
  });
});

describe("timelineStrip", () => {
  const day = (start: string, end = start) => ({ start, end, precision: "day" as const });

  it("places each dated span between the first start and the last end, inside the margins", () => {
    const strip = timelineStrip([day("2026-01-01"), day("2026-01-11"), { start: "2026-01-21", end: "2026-01-31", precision: "day" }])!;
    // 30 days across 976 units (1000 less a margin of 12 each side): day 10 at 12 + 325.3.
    expect(strip.marks.map((m) => [m.x1, m.x2])).toEqual([[12, 12], [337.3, 337.3], [662.7, 988]]);
    expect(strip.from).toBe("1 January 2026");
    expect(strip.to).toBe("21–31 January 2026");
    expect(strip.label).toBe("3 dated points from 1 January 2026 to 21–31 January 2026, listed below.");
  });

  it("draws an approximate date fainter and a shared span once", () => {
    const strip = timelineStrip([day("2025-09-01"), day("2025-09-01"), { start: "2026-03-27", end: "2026-03-27", precision: "approximate" }])!;
    expect(strip.marks).toEqual([
      { x1: 12, x2: 12, approximate: false },
      { x1: 988, x2: 988, approximate: true },
    ]);
    expect(strip.label).toMatch(/^3 dated points/);
  });

  it("draws nothing when there is nothing to compare", () => {
    expect(timelineStrip([])).toBeNull();
    expect(timelineStrip([day("2026-02-20"), day("2026-02-20")])).toBeNull();
  });
});
