// The inferred headline (normalize/title.ts) and the wire credit as dateline
// (normalize/dateline.ts), on leads written for these tests: at most 12 words,
// headline tense, no appositive, attribution, time phrase or wire credit.
import { describe, expect, it } from "vitest";
import path from "node:path";
import fc from "fast-check";
import { inferTitle, MAX_HEADLINE_WORDS } from "../scripts/pipeline/normalize/title.ts";
import { countWords } from "../scripts/pipeline/normalize/clean.ts";
import { normalize } from "../scripts/pipeline/normalize/index.ts";
import { readArticle, readArticleFile } from "../scripts/pipeline/read.ts";
import { loadSite } from "../scripts/site-settings.ts";
import { PROJECT_ROOT } from "./helpers/project.ts";

const site = loadSite(path.join(PROJECT_ROOT, "_data/site.yaml"));
const headline = (lead: string, laterText = "", targetWords?: number) => inferTitle(lead, { dateline: null, laterText, targetWords });

function fixture(name: string) {
  const r = readArticleFile(PROJECT_ROOT, path.join(PROJECT_ROOT, "test/fixtures/articles", name), site.timeZone);
  if (!r.article) throw new Error(JSON.stringify(r.problems));
  return normalize(r.article, site);
}

describe("the inferred headline", () => {
  it("puts the main verb in headline tense", () => {
    expect(headline("The city council has rejected a plan to sell the harbour.", "", 12)).toBe("City council rejects plan to sell harbour");
    expect(headline("Local farmers announced a strike over milk prices.", "", 12)).toBe("Local farmers announce strike over milk prices");
    expect(headline("The company hoped to reopen the mill.", "", 12)).toBe("Company hopes to reopen mill");
    expect(headline("The home side won the cup in extra time.", "", 12)).toBe("Home side wins cup in extra time");
    // Passive and future: the auxiliary goes ("arrested", "to merge", "to open").
    expect(headline("A Dutch banker was arrested at the airport.", "", 12)).toBe("Dutch banker arrested at airport");
    expect(headline("The two airlines are to merge their loyalty schemes.", "", 12)).toBe("Two airlines to merge loyalty schemes");
    expect(headline("The new museum will open its doors to visitors in spring.", "", 12)).toBe("New museum to open doors to visitors in spring");
  });

  it("names the actor as the article does on second reference, without role or appositive", () => {
    const lead = "Jane Moss, the chief executive of Harbor Foods, has resigned after a row with the board.";
    expect(headline(lead, "Moss joined the firm in 2009.")).toBe("Moss resigns after row with board");
    expect(headline("Veteran striker Tom Ricketts has signed a new contract with the club.", "Ricketts, 34, said he was delighted.")).toBe("Ricketts signs new contract with club");
    // An acronym the article goes on to use replaces the full name.
    expect(headline("The Food Standards Agency (FSA) has banned a red dye used in sauces.", "The FSA said the dye was unsafe.")).toBe("FSA bans red dye used in sauces");
    // Country and union names in their headline forms, dotted when the article dots them.
    expect(headline("The United States has imposed tariffs on steel.", "", 12)).toBe("US imposes tariffs on steel");
    expect(headline("The United States has imposed tariffs on steel.", "U.S. officials said so.", 12)).toBe("U.S. imposes tariffs on steel");
    // No second reference: the name stays whole.
    expect(headline("Jane Moss has resigned.", "The board thanked her.")).toBe("Jane Moss resigns");
  });

  it("leaves out the attribution, time phrases, asides and relative clauses", () => {
    expect(headline("Rail fares will rise by 5% in January, the transport ministry has said.", "", 12)).toBe("Rail fares to rise by 5%");
    expect(headline("The port reopened on Monday after a week of repairs.", "", 12)).toBe("Port reopens after week of repairs");
    expect(headline("The museum (opened in 1901) has sold a painting that had hung in its hall for a century.", "", 12)).toBe("Museum sells painting");
    expect(headline("Speaking in parliament, the minister defended the new tax.", "", 12)).toBe("Minister defends new tax");
    // Reported speech is the news: "says it will" -> the speaker is to do it.
    expect(headline("The water company has said it will cut bills by a tenth.", "", 12)).toBe("Water company to cut bills by tenth");
  });

  it("never passes 12 words, and cuts at a phrase boundary rather than mid-phrase", () => {
    const long = "Thousands of nurses and hospital porters across the north of the country walked out of their wards in a dispute over pay and staffing that has dragged on for months.";
    const h = headline(long);
    expect(countWords(h)).toBeLessThanOrEqual(MAX_HEADLINE_WORDS);
    expect(h).toBe("Thousands of nurses and hospital porters across north of country walk out");
    expect(h).not.toMatch(/\b(?:of|the|and|in|a)$/);
  });

  it("keeps \"for X to do Y\" together: cut both or neither", () => {
    expect(headline("The union renewed its call for the government to raise the minimum wage by a fifth.")).toBe("Union renews call for government to raise minimum wage");
  });

  it("is at most 12 words for any lead", () => {
    const word = fc.oneof(fc.constantFrom("the", "a", "has", "been", "said", "on", "Monday", "(AP)", "-", ",", "who", "Kim", "Jong", "Un", "rejected", "to", "that"), fc.string({ minLength: 1, maxLength: 12 }));
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 80 }), fc.string({ maxLength: 200 }), (ws, later) => {
      const h = inferTitle(ws.join(" ") + ".", { dateline: null, laterText: later });
      expect(countWords(h)).toBeLessThanOrEqual(MAX_HEADLINE_WORDS);
    }), { numRuns: 300 });
  });
});

describe("a wire credit is the dateline", () => {
  it("takes \"(CNN)\" glued to the first word out of the text and the headline", () => {
    const a = fixture("wire-credit-cnn.txt");
    expect(a.dateline).toBe("(CNN)");
    const first = a.sections[0]!.paragraphs[0]!;
    expect(first.text.startsWith("The mayor of Riverton")).toBe(true);
    expect(first.sentences[0]!.text.startsWith("The mayor of Riverton")).toBe(true);
    expect(a.titleOrigin).toBe("inferred");
    expect(a.title).toBe("Mayor of Riverton orders closure");
    expect(a.title).not.toMatch(/CNN|schoolteacher|officials said|Tuesday/);
  });

  it("takes \"(Reuters) -\" off a Markdown paragraph, its inline runs cut to match", () => {
    const a = fixture("wire-credit-reuters.md");
    expect(a.dateline).toBe("(Reuters) -");
    const s = a.sections[0]!.paragraphs[0]!.sentences[0]!;
    expect(s.text.startsWith("Shares in Harbor Foods fell 9%")).toBe(true);
    expect(s.inlines!.map((r) => r.text).join("")).toBe(s.display);
    expect(s.inlines![0]!.text.startsWith("Shares in Harbor Foods")).toBe(true);
    expect(s.inlines!.find((r) => r.type === "strong")!.text).toBe("fell");
    expect(a.title).toBe("Shares in Harbor Foods fall 9%");
  });

  it("leaves a parenthesis that is not a credit in the text", () => {
    const r = readArticle({ path: "note.txt", bytes: Buffer.from("---\ndate: 2026-03-02\n---\n(This story has been updated.) The harbour will close for repairs.\n"), sidecar: null, siteTimeZone: site.timeZone });
    const a = normalize(r.article!, site);
    expect(a.dateline).toBeNull();
    expect(a.sections[0]!.paragraphs[0]!.text.startsWith("(This story has been updated.)")).toBe(true);
  });
});
