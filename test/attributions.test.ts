// Who said what, on texts written for these tests: quotations found on the
// paragraph (every kind of mark, apostrophes, nesting, continuation style,
// interruptions), their speakers (inverted and trailing frames, titles,
// pronouns, organizations, unnamed sources), and reported speech kept apart
// from quotation.
import { describe, expect, it } from "vitest";
import path from "node:path";
import fc from "fast-check";
import type { Attribution, NormalizedArticle } from "../scripts/schema.ts";
import { normalize } from "../scripts/pipeline/normalize/index.ts";
import { findQuotations } from "../scripts/pipeline/normalize/quotations.ts";
import type { SourceArticle } from "../scripts/pipeline/read.ts";
import { loadSite } from "../scripts/site-settings.ts";
import { PROJECT_ROOT } from "./helpers/project.ts";
import { NO_CORRECTIONS } from "../scripts/pipeline/corrections.ts";

const site = loadSite(path.join(PROJECT_ROOT, "_data/site.yaml"));

function article(body: string): NormalizedArticle {
  const source: SourceArticle = {
    path: "src/articles/said.txt", format: "text", body, bodyLine: 1, bytes: Buffer.from(body),
    meta: { title: "Test", date: "2026-03-10T09:00:00.000Z", updated: null, timeZone: "UTC", source: null, author: null, tags: [], summary: null, draft: false, slug: null, language: null, encoding: "utf-8", corrections: NO_CORRECTIONS, edition: null },
  };
  return normalize(source, site);
}
const said = (body: string): Attribution[] => article(body).attributions;
const quotes = (body: string) => said(body).filter((a) => a.kind === "quote").map((a) => [a.who, a.what]);
const texts = (paragraph: string) => findQuotations(paragraph).map((q) => q.text);

describe("quotations in a paragraph", () => {
  it("reads straight and curly, double and single marks", () => {
    expect(texts(`She said "the river is rising fast" and left.`)).toEqual(["the river is rising fast"]);
    expect(texts(`She said \u201Cthe river is rising fast\u201D and left.`)).toEqual(["the river is rising fast"]);
    expect(texts(`She said 'the river is rising fast' and left.`)).toEqual(["the river is rising fast"]);
    expect(texts(`She said \u2018the river is rising fast\u2019 and left.`)).toEqual(["the river is rising fast"]);
  });

  it("tells apostrophes and plural possessives from quotation marks", () => {
    expect(texts(`The mayor's aide didn't say it was O'Neill's plan from the '90s.`)).toEqual([]);
    expect(texts(`'We met the Dockers' Union on Friday and they agreed,' she said.`)).toEqual(["We met the Dockers' Union on Friday and they agreed,"]);
    expect(texts(`The ferry crews said the fares were 'far too high for families' at the harbour.`)).toEqual(["far too high for families"]);
  });

  it("ends a stretch where a new paragraph of the quotation opens without the last one closing", () => {
    // British continuation style run into one paragraph, as news archives carry it.
    expect(texts(`He said: 'We are ready for the storm. 'The pumps are working and the walls will hold.'`))
      .toEqual(["We are ready for the storm.", "The pumps are working and the walls will hold."]);
  });

  it("stops a quotation left open before a sentence in the writer's voice", () => {
    const text = `She said: 'I moved here from the coast last spring. The harbour master says the move was planned for years. 'We love it.'`;
    expect(texts(text)).toEqual(["I moved here from the coast last spring.", "We love it."]);
  });

  it("splits a closed quotation around a caption run into it without a full stop", () => {
    const text = `'We trained all winter for this match. Harbour captain Lena Berg lifts the cup at the final whistle As the season ends you remember the people around you.' Fans cheered.`;
    expect(texts(text)).toEqual(["We trained all winter for this match.", "As the season ends you remember the people around you."]);
  });

  it("nests the other kind of mark, and the same kind when it closes within a few words mid-sentence", () => {
    const q = findQuotations(`'My son came in and said "we have won the cup" to everyone,' she said. 'We all shouted 'no way!' and laughed.'`);
    expect(q.map((x) => [x.text, x.nested])).toEqual([
      ["My son came in and said \"we have won the cup\" to everyone,", false],
      ["we have won the cup", true],
      ["We all shouted 'no way!' and laughed.", false],
      ["no way!", true],
    ]);
  });
});

describe("quotations on any text", () => {
  // Words, spaces and every kind of mark, in any order: the finder's slices must hold.
  const piece = fc.constantFrom("said", "Kim", "we", "won", "the", "cup", " ", " ", ".", ",", "'", "\u2019", "\u2018", '"', "\u201C", "\u201D", "s'", "don't");
  const paragraph = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join("").replace(/\s+/g, " ").trim());

  it("gives slices of the paragraph, in order, outer ones never overlapping, nested ones inside an outer one", () => {
    fc.assert(fc.property(paragraph, (text) => {
      const found = findQuotations(text);
      const outer = found.filter((q) => !q.nested);
      for (const q of found) {
        expect(q.text).toBe(text.slice(q.start, q.end));
        expect(q.text.length).toBeGreaterThan(0);
        expect(q.markStart).toBeLessThan(q.start);
        expect(q.end).toBeLessThanOrEqual(q.markEnd);
      }
      for (let i = 1; i < outer.length; i++) expect(outer[i]!.markStart).toBeGreaterThanOrEqual(outer[i - 1]!.end);
      for (const q of found.filter((x) => x.nested)) expect(outer.some((o) => o.start <= q.markStart && q.end <= o.end)).toBe(true);
    }), { numRuns: 300 });
  });

  it("credits every quote with words that stand in the paragraph it comes from", () => {
    fc.assert(fc.property(paragraph, paragraph, (a, b) => {
      const art = article(`Mary Okafor spoke. ${a}\n\n${b}`);
      for (const x of art.attributions.filter((y) => y.kind === "quote")) {
        const paragraphOf = art.sections.flatMap((s) => s.paragraphs).find((p) => p.sentences.some((sn) => sn.id === x.sentenceId))!;
        expect(paragraphOf.text).toContain(x.what);
      }
    }), { numRuns: 100 });
  });
});

describe("quotes and their speakers", () => {
  it("a quote's words are exactly those between the marks, over several sentences, and it sits in the sentence where it starts", () => {
    const a = article(`Dockers voted on Monday. "We will not accept this offer. It is an insult to every worker here," said union leader Maria Costa.`);
    const q = a.attributions.find((x) => x.kind === "quote")!;
    expect(q).toMatchObject({ who: "Maria Costa", verb: "said", what: "We will not accept this offer. It is an insult to every worker here" });
    expect(a.sections[0]!.paragraphs[0]!.sentences.find((s) => s.id === q.sentenceId)!.text.startsWith("\u0022We will not accept")).toBe(true);
  });

  it("finds the speaker in an inverted frame, also an organization behind a spokesman", () => {
    expect(quotes(`The ruling came late. "We will study the decision carefully before we respond," said a Fifa spokesman.`))
      .toEqual([["Fifa", "We will study the decision carefully before we respond"]]);
  });

  it("finds the speaker of 'X told CNN: \"...\"' and of 'X said: \"...\"'", () => {
    expect(quotes(`Harbour master Tom Reyes told CNN: "The channel will stay closed until the wreck is lifted."`))
      .toEqual([["Tom Reyes", "The channel will stay closed until the wreck is lifted."]]);
  });

  it("strips titles before a name", () => {
    expect(quotes(`U.S. Attorney Andy Luger said: "These men stole from the taxpayers of this state."`)[0]![0]).toBe("Andy Luger");
    expect(quotes(`"The council must answer for this decision," said Lord Hanningfield.`)[0]![0]).toBe("Hanningfield");
  });

  it("gives an interrupted quotation and its continuations the same speaker", () => {
    expect(quotes(`"The bridge is safe," said engineer Ruth Adeyemi, "but it needs new bearings within the year." "We will start in June."`)).toEqual([
      ["Ruth Adeyemi", "The bridge is safe"],
      ["Ruth Adeyemi", "but it needs new bearings within the year."],
      ["Ruth Adeyemi", "We will start in June."],
    ]);
  });

  it("resolves a pronoun to whoever has just spoken, else to the subject of the last sentence that named someone", () => {
    expect(quotes(`Coach Sam Diallo praised his players after the match. "They gave everything in the second half," he said.`))
      .toEqual([["Sam Diallo", "They gave everything in the second half"]]);
    expect(quotes(`The film opened on Friday. Mary Okafor, its director, paid tribute to the actor Peter Moss. She said: "He made every scene better than we wrote it."`))
      .toEqual([["Mary Okafor", "He made every scene better than we wrote it."]]);
  });

  it("gives 'he' or 'she' to no one whose given name the name lists hold for the other sex only", () => {
    // The subject of the sentence is June Harlow; "he" skips her for the man named after her.
    expect(quotes(`June Harlow did not respond, and Mike Tate refused to back down. "I would take the test again," he said.`))
      .toEqual([["Mike Tate", "I would take the test again"]]);
    expect(quotes(`Mike Tate did not respond, and Anna Harlow refused to back down. "I would take the test again," she said.`))
      .toEqual([["Anna Harlow", "I would take the test again"]]);
  });

  it("says how each speaker was found: named, from a pronoun or description, or from the context alone", () => {
    const a = said(`Mayor Ines Varga said the ferry would run again in May. "The harbour walls held," she said. "Repairs start on the north pier." Ruth Adeyemi, the engineer, said: "We checked every bolt."`);
    const from = (what: string) => a.find((x) => x.what.startsWith(what))?.speakerFrom;
    expect(from("the ferry would run")).toBe("name");
    expect(from("The harbour walls held")).toBe("pronoun");
    // No frame of its own, nothing between it and the last quotation but that one's frame: the same speaker, as a guess.
    expect(a.find((x) => x.what.startsWith("Repairs start"))).toMatchObject({ who: "Ines Varga" });
    expect(from("We checked every bolt")).toBe("name");
  });

  it("marks a quotation given to whoever spoke before it, with no frame linking them, as a guess from context", () => {
    const a = said(`Ines Varga said the ferry would run again in May. Crews worked through the night on the north pier. "The walls held better than anyone hoped."`);
    expect(a.find((x) => x.kind === "quote")).toMatchObject({ who: "Ines Varga", speakerFrom: "context" });
  });

  it("finds the speaker before an appositive in a closing frame, and in a description of the person last named", () => {
    expect(quotes(`"The dogs were kept in terrible conditions," Tom Reyes, spokesman for the county animal shelter, told reporters.`)[0]![0]).toBe("Tom Reyes");
    expect(quotes(`Ruth Adeyemi won the final in Leeds. "It took ten years to get here," the 29-year-old said. "I will enjoy it."`)).toEqual([
      ["Ruth Adeyemi", "It took ten years to get here"], ["Ruth Adeyemi", "I will enjoy it."],
    ]);
  });

  it("lets 'he' after a spokesman's words stand for the organization he speaks for", () => {
    const a = said(`Mary Okafor complained to the watchdog. A spokesman for the Northfield Water Board said the tests were late. "We will publish every result by Friday," he said.`);
    expect(a.find((x) => x.kind === "quote")).toMatchObject({ who: "Northfield Water Board", personId: null });
  });

  it("takes the person who opens a clause over a name inside an appositive", () => {
    expect(quotes(`Ines Moreau, who worked with the late Paul Grant for ten years, said: "Nobody else could have built that team."`)[0]![0]).toBe("Ines Moreau");
    expect(quotes(`Omar Haddad, a spokesman for the Port Authority, said: "Every ship will be inspected before it sails."`)[0]![0]).toBe("Omar Haddad");
  });

  it("lets an organization speak, by name and as 'it'", () => {
    const a = said(`The Northfield Water Board apologised on Monday. It said: "We failed the families who trusted us with their water."`);
    expect(a.find((x) => x.kind === "quote")).toMatchObject({ who: "Northfield Water Board", personId: null });
  });

  it("keeps unnamed sources as such, with no person", () => {
    const a = said(`A source told the newspaper: "The talks collapsed before lunch on the second day."`);
    expect(a.find((x) => x.kind === "quote")).toMatchObject({ who: "A source", personId: null });
  });

  it("credits a partial quotation inside reported speech to the reporting speaker, with only the quoted words", () => {
    const a = said(`Mayor Lena Berg said the plan was "a betrayal of every family on the estate" and would be fought.`);
    expect(a).toEqual([expect.objectContaining({ kind: "quote", who: "Lena Berg", verb: "said", what: "a betrayal of every family on the estate" })]);
  });

  it("does not take scare quotes, short terms or titles in quotation marks for quotations", () => {
    const a = said(`The so-called "super tunnel" opened on Friday. Its report, "Building the Northern Line Extension", was published. Engineers said the "dry spell" helped.`);
    expect(a.filter((x) => x.kind === "quote")).toEqual([]);
  });
});

describe("reported speech", () => {
  it("is never a quote and carries no quotation marks around it", () => {
    const a = said(`Kim Lee stated that the union would return to talks next week. Analysts argue that the offer is unlikely to change.`);
    expect(a.map((x) => [x.kind, x.who, x.what])).toEqual([
      ["reported", "Kim Lee", "the union would return to talks next week"],
      ["reported", "Analysts", "the offer is unlikely to change"],
    ]);
  });

  it("does not credit the writer's own gloss to the speaker", () => {
    const a = said(`Nadia Osei stated that the fund could reopen in spring, leaving the door open for new applicants.`);
    expect(a[0]).toMatchObject({ kind: "reported", who: "Nadia Osei", what: "the fund could reopen in spring" });
  });

  it("does not take a deed for speech: 'agrees to a request' reports nothing", () => {
    expect(said(`If Omar Haddad agrees to the request for a summit, the alliance could split.`)).toEqual([]);
    expect(said(`Omar Haddad agreed that the summit should wait.`)[0]).toMatchObject({ who: "Omar Haddad", verb: "agreed", what: "the summit should wait" });
  });

  it("does not take a noun after a determiner for a reporting verb: 'respond to the claims'", () => {
    expect(said(`Omar Haddad did not respond to the claims, and his rival refused to back down.`)).toEqual([]);
    expect(said(`Omar Haddad claims that the pier is safe.`)[0]).toMatchObject({ who: "Omar Haddad", verb: "claims", what: "the pier is safe" });
  });

  it("does not take a request or an infinitive for speech", () => {
    expect(said(`Omar Haddad asked for half of the prize money.`)).toEqual([]);
    expect(said(`The leaflet leads readers to believe that the pier is safe.`)).toEqual([]);
    expect(said(`Omar Haddad asked whether the pier was safe.`)[0]).toMatchObject({ who: "Omar Haddad", verb: "asked", what: "whether the pier was safe" });
  });

  it("ends what was said where a caption runs in without its full stop", () => {
    const a = said(`Ruth Adeyemi claimed the pier was never inspected In the photo, divers check the pilings.`);
    expect(a[0]).toMatchObject({ who: "Ruth Adeyemi", what: "the pier was never inspected" });
  });

  it("does not credit an organization that only places the speaker, nor a capitalized word cut off before a preposition", () => {
    const a = said(`A former staffer at Northfield Water Board said the tests were skipped. Up to 40 workers alleged that the logs were changed.`);
    expect(a.map((x) => [x.who, x.personId, x.what])).toEqual([["A former staffer", null, "the tests were skipped"]]);
  });

  it("does not report a verb inside a quotation as the writer's report", () => {
    const a = said(`"I have said for years that the pier needs repair," Ruth Adeyemi said.`);
    expect(a.map((x) => [x.kind, x.who])).toEqual([["quote", "Ruth Adeyemi"]]);
  });
});
