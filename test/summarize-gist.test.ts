// Issue 14's rules for the top of the briefing, on stories written for these
// tests: the gist is the lead with few deviations, key points add facts the
// gist does not state (never more than half of a gist sentence's content
// words, never repeating each other, fewer when the story is short), pronouns
// that lean on an unseen sentence are named or avoided and quotations are
// never changed; and the cross-validation machinery behind eval:summary.
import { describe, expect, it } from "vitest";
import path from "node:path";
import { loadSite } from "../scripts/site-settings.ts";
import { normalize } from "../scripts/pipeline/normalize/index.ts";
import { readPlainText } from "../scripts/pipeline/summarize/plain-text-source.ts";
import { summarize } from "../scripts/pipeline/summarize/index.ts";
import { contentTerms } from "../scripts/pipeline/summarize/words.ts";
import { closesUnopenedQuotation, hasUnknownName, leaningPronoun, narrationWords, opensMainClause, quotationSpans, quotationsClosed } from "../scripts/pipeline/summarize/references.ts";
import { choosePoints, pointKinds } from "../scripts/pipeline/summarize/key-points.ts";
import { selectionGrid } from "../scripts/pipeline/summarize/select.ts";
import { assignFolds, bootstrapInterval, chooseSetting, crossValidate, type DocScores } from "../scripts/eval/cross-validation.ts";
import { summarySentences } from "./helpers/cohesion.ts";
import { PROJECT_ROOT } from "./helpers/project.ts";

const site = loadSite(path.join(PROJECT_ROOT, "_data/site.yaml"));
const budget = { minWords: site.summaryWords.min, maxWords: site.summaryWords.max };

function plain(text: string) {
  const read = readPlainText("test.txt", text, site.timeZone);
  if (!read.article) throw new Error(JSON.stringify(read.problems));
  return normalize(read.article, site);
}

/** Share of `a`'s distinct content words that `b` has too. */
function shared(a: string, b: string): number {
  const mine = new Set(contentTerms(a));
  const theirs = new Set(contentTerms(b));
  return [...mine].filter((t) => theirs.has(t)).length / Math.max(1, mine.size);
}

// A made-up story: a three-sentence lead, a sentence restating it, then one
// sentence of each kind a key point should bring.
const BRIDGE = [
  "The city council of Lorvik voted on Tuesday to close the old Stone Bridge to cars after engineers found deep cracks in two of its arches.",
  "The council said the bridge would stay open to people on foot and to bicycles while the repairs are planned.",
  "Engineers from the regional roads agency found the cracks during a routine inspection of the river crossings.",
  "The closure of the Stone Bridge to cars was approved by the council by seven votes to two.",
  "Repairs are expected to start in September and will take about eighteen months, the roads agency said.",
  "Shop owners on the east bank criticized the decision, warning that they would lose customers who drive across.",
  "About 12,000 cars crossed the bridge each day last year, according to the roads agency.",
  "The bridge was built in 1871 and was last repaired after a flood in 1968.",
].join("\n");

describe("the gist is the lead", () => {
  it("takes the story's opening sentences in order, to the minimum length", () => {
    const { summary } = summarize(plain(BRIDGE), null, budget);
    const lines = BRIDGE.split("\n");
    expect(summary.text).toBe(lines.slice(0, 3).join(" "));
    expect(summary.wordCount).toBeGreaterThanOrEqual(budget.minWords);
  });
  it("cross-validation chooses among a small grid that starts with the plain lead", () => {
    const grid = selectionGrid();
    expect(grid.length).toBeLessThanOrEqual(9);
    expect(grid[0]).toEqual({ maxOverlap: 1, minCentrality: 0 });
  });
});

describe("key points that add", () => {
  const { summary, keyPoints } = summarize(plain(BRIDGE), null, budget);
  const gist = summarySentences(summary.text);

  it("brings what comes next, the other side, a number and background", () => {
    expect(keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(keyPoints.length).toBeLessThanOrEqual(5);
    expect(keyPoints.some((p) => /start in September/.test(p))).toBe(true);
    expect(keyPoints.some((p) => /Shop owners/.test(p))).toBe(true);
    expect(keyPoints.some((p) => /12,000 cars/.test(p))).toBe(true);
    expect(keyPoints.some((p) => /built in 1871/.test(p))).toBe(true);
  });
  it("no key point shares more than half of its content words with any gist sentence", () => {
    for (const point of keyPoints) for (const sentence of gist) expect(shared(point, sentence), `${point} / ${sentence}`).toBeLessThanOrEqual(0.5);
    // The sentence that restates the lead is left out.
    expect(keyPoints.some((p) => /seven votes to two/.test(p))).toBe(false);
  });
  it("no key point repeats another", () => {
    for (const a of keyPoints) for (const b of keyPoints) if (a !== b) expect(shared(a, b), `${a} / ${b}`).toBeLessThanOrEqual(0.5);
    const repeats = [
      { index: 0, terms: new Set(["bridge", "close", "car", "crack"]), kinds: ["next" as const] },
      { index: 1, terms: new Set(["bridge", "close", "car", "arch"]), kinds: ["number" as const] },
      { index: 2, terms: new Set(["shop", "owner", "customer"]), kinds: ["reaction" as const] },
    ];
    expect(choosePoints(repeats).map((p) => p.index)).toEqual([0, 2]);
  });
  it("a story with nothing beyond its gist gets no key points rather than the gist again", () => {
    const short = BRIDGE.split("\n").slice(0, 4).join("\n");
    const result = summarize(plain(short), null, budget);
    expect(result.keyPoints).toEqual([]);
  });
  it("a story with one fact beyond its gist gets that one point", () => {
    const lines = BRIDGE.split("\n");
    const result = summarize(plain([...lines.slice(0, 4), lines[6]].join("\n")), null, budget);
    expect(result.keyPoints).toEqual([lines[6]]);
  });
  it("an editor's summary keeps the key points clear of its own sentences", () => {
    const editor = "Lorvik closes the old Stone Bridge to cars. Repairs are expected to start in September and will take about eighteen months.";
    const result = summarize(plain(BRIDGE), editor, budget);
    expect(result.keyPoints.some((p) => /start in September/.test(p))).toBe(false);
    expect(result.keyPoints.some((p) => /12,000 cars/.test(p))).toBe(true);
  });
  it("prefers, for what comes next, a sentence with a resolved future date", () => {
    const numbers = [1, 2, 3, 4].map((index) => ({ index, terms: new Set([`figure${index}`]), kinds: ["number" as const] }));
    const undated = { index: 0, terms: new Set(["talk", "resume", "soon"]), kinds: ["next" as const] };
    const dated = { index: 5, terms: new Set(["envoy", "visit", "capital"]), kinds: ["next" as const], evidenced: ["next" as const] };
    // Five places: one of each kind first, then article order; the dated sentence wins its place though it comes last.
    expect(choosePoints([undated, ...numbers, dated]).map((p) => p.index)).toEqual([0, 1, 2, 3, 5]);
    expect(choosePoints([undated, ...numbers, { ...dated, evidenced: [] }]).map((p) => p.index)).toEqual([0, 1, 2, 3, 4]);
  });
  it("tells the kinds of fact apart", () => {
    const none = { futureDate: false, attributed: false, pastDate: false };
    expect(pointKinds("The council will meet again on Friday.", none)).toContain("next");
    expect(pointKinds("Critics rejected the plan.", none)).toContain("reaction");
    expect(pointKinds("The repairs cost 40 million kronor.", none)).toContain("number");
    expect(pointKinds("The bridge was built in 1871.", none)).toContain("background");
    expect(pointKinds("The river is wide here.", none)).toEqual([]);
  });
});

describe("pronouns and references", () => {
  const people = new Set(["Ingrid", "Dahl"]);

  it("finds a pronoun with nothing before it in its sentence to stand for", () => {
    expect(leaningPronoun("Ingrid Dahl also said that if it agrees, there is no reason to wait.", people)?.pronoun).toBe("it");
    expect(leaningPronoun("On Wednesday she said the city had no choice.", people)?.pronoun).toBe("she");
    expect(leaningPronoun("They will meet again next week.", people)?.pronoun).toBe("They");
    expect(leaningPronoun("The council said it would meet again.", people)).toBeNull();
    expect(leaningPronoun("Ingrid Dahl said she had no choice.", people)).toBeNull();
    expect(leaningPronoun("It is not clear when the bridge will reopen.", people)).toBeNull();
    const quoted = leaningPronoun("“He has made the wrong call,” a shop owner said.", people);
    expect(quoted?.pronoun).toBe("He");
    expect(quoted?.inQuote).toBe(true);
    expect(quotationSpans("A ‘grand’ plan, he said: “Don’t wait.”")).toEqual([[2, 9], [25, 38]]);
    // A key point stands alone: "they" after one person's name, "he" after only a place, lean.
    expect(leaningPronoun("Ingrid Dahl said they were victims of the closure.", people, { strict: true })?.pronoun).toBe("they");
    expect(leaningPronoun("As a guide in the old harbour at Lorvik, he met every ferry.", people, { thingWords: new Set(["Lorvik"]), strict: true })?.pronoun).toBe("he");
    expect(leaningPronoun("As a guide in the old harbour at Lorvik, he met every ferry.", people)).toBeNull();
    expect(leaningPronoun("The former mayor said he met every ferry.", people, { strict: true })).toBeNull();
    expect(leaningPronoun("Analysts say he may change course.", people, { strict: true })?.pronoun).toBe("he");
    expect(leaningPronoun("Tomas Brandt says he may change course.", people, { strict: true })).toBeNull();
    expect(leaningPronoun("Ingrid Dahl will have come to expect that.", people)?.pronoun).toBe("that");
    expect(leaningPronoun("The new bridge will open next year, and it will carry trams.", people, { strict: true })?.pronoun).toBe("it");
    expect(leaningPronoun("The new bridge will open next year, and it will carry trams.", people)).toBeNull();
    expect(leaningPronoun("Dahl said the plan would work, and it would be at the heart of the town.", people, { strict: true })?.pronoun).toBe("it");
    expect(leaningPronoun("Dahl said it would be hard to find the money.", people)).toBeNull();
  });

  const MAYOR = [
    "Ingrid Dahl, the mayor of Lorvik, closed the old Stone Bridge to cars on Tuesday after engineers found deep cracks in two of its arches.",
    "On Wednesday she said the city had no choice but to act before the winter storms reached the coast.",
    "“She has made the wrong call,” said the owner of a bakery on the east bank of the river.",
    "The Lorvik Trading Association and the Ferry Company asked for a meeting with the regional roads agency.",
    "If it agrees, they will pay for a shuttle bus across the river during the eighteen months of repairs.",
    "The bakery owner said customers from the west bank had already stopped coming since the closure was announced.",
    "The roads agency expects to publish its repair plan in the second week of May.",
    "About 12,000 cars crossed the bridge each day last year, according to the agency.",
  ].join("\n");
  const { summary, keyPoints } = summarize(plain(MAYOR), null, budget);
  const all = [...summarySentences(summary.text), ...keyPoints];

  it("names the person a leaning he or she stands for", () => {
    expect(summary.text).toContain("On Wednesday Dahl said the city had no choice");
    expect(all.join(" ")).not.toMatch(/On Wednesday she said/);
  });
  it("names a pronoun only where it is the subject of the main clause", () => {
    expect(opensMainClause("After the vote, ")).toBe(true);
    expect(opensMainClause("On Wednesday ")).toBe(true);
    expect(opensMainClause("One of the crew testified that ")).toBe(false);
    expect(opensMainClause("The council, which met on Monday, said ")).toBe(false);
  });
  it("does not name a pronoun after a sentence with a name the article's people do not list", () => {
    const known = new Set(["Erik", "Lund"]);
    expect(hasUnknownName("Swedish rider Tomas Brandt, who finished behind Erik Lund, had to withdraw.", known)).toBe(true);
    expect(hasUnknownName("The General Secretary met Erik Lund at the Supreme Court.", known)).toBe(false);
    const story = [
      "The race began on a sombre note when Swedish rider Tomas Brandt, who finished second behind countryman Erik Lund last year, had to withdraw.",
      "His wife Karin spent part of last week in hospital with a serious infection, and the family asked for privacy.",
      "Organisers said the race would go ahead as planned on Sunday, with eighty riders from twelve countries on the start list.",
      "Lund, the defending champion, said the whole field was thinking of the family and wished them well.",
    ].join("\n");
    const result = summarize(plain(story), null, budget);
    expect([result.summary.text, ...result.keyPoints].join(" ")).not.toMatch(/Lund’s wife/);
  });
  it("keeps a quotation whole: its tail only after its opening, and no piece of one as a key point", () => {
    expect(closesUnopenedQuotation("Yes,” she was once quoted as saying.")).toBe(true);
    expect(closesUnopenedQuotation("“We will win,” Lund said.")).toBe(false);
    expect(closesUnopenedQuotation("The riders’ union said it was ‘absurd’ to cancel.")).toBe(false);
    expect(quotationsClosed("‘I will keep all that private because it should be.")).toBe(false);
    expect(quotationsClosed("Lund said: ‘We will race on Sunday.’")).toBe(true);
    expect(narrationWords("“We will race on Sunday whatever the weather brings.”")).toBe(0);
    expect(narrationWords("“We will race,” Erik Lund said.")).toBe(3);
    const story = [
      "Organisers of the Lorvik cycling race confirmed on Monday that the event will go ahead on Sunday despite the bridge closure.",
      "The route has been changed to cross the river on the new ferry bridge to the north of the town centre.",
      "“We looked at every option and this is the safest one for riders and spectators.",
      "It also keeps the finish in the old market square,” the race director said.",
      "The race will start at ten in the morning, and about eighty riders from twelve countries have entered.",
      "“Nobody wanted to lose the race this year after all the work the volunteers have done.”",
      "Local shops expect the race to bring more than five thousand visitors to the town centre.",
    ].join("\n");
    const result = summarize(plain(story), null, budget);
    for (const point of result.keyPoints) {
      expect(point).not.toMatch(/^It also keeps|^“We looked|^“Nobody wanted/);
    }
    expect(result.keyPoints.some((p) => /eighty riders/.test(p))).toBe(true);
  });
  it("never changes the words inside a quotation", () => {
    expect(all.join(" ")).not.toMatch(/“(?:Ingrid )?Dahl has made/);
    for (const text of all) if (/wrong call/.test(text)) expect(text).toContain("“She has made the wrong call,”");
  });
  it("avoids a sentence whose “it” could be either of two things its predecessor names", () => {
    expect(all.join(" ")).not.toMatch(/If it agrees/);
  });
  it("no gist sentence or key point keeps a pronoun that leans on a sentence it does not follow", () => {
    const words = new Set(["Ingrid", "Dahl"]);
    for (const point of keyPoints) expect(leaningPronoun(point, words), point).toBeNull();
    const gist = summarySentences(summary.text);
    // In the gist a leaning sentence may only follow its own predecessor, which the reader then sees.
    const lines = MAYOR.split("\n");
    gist.forEach((sentence, k) => {
      if (k === 0 || !leaningPronoun(sentence, words)) return;
      const at = lines.findIndex((l) => l === sentence);
      expect(at, sentence).toBeGreaterThan(0);
      // (The predecessor may read with a pronoun named, so compare its ending.)
      expect(lines[at - 1]!.endsWith(gist[k - 1]!.slice(-40)), gist[k - 1]).toBe(true);
    });
  });
});

describe("cross-validation", () => {
  const items = Array.from({ length: 40 }, (_, k) => ({ id: `doc-${k}`, source: k % 4 === 0 ? "short" : "long" }));

  it("assigns folds from the ids alone: the same on every run and in any input order", () => {
    const once = assignFolds(items, 5);
    const again = assignFolds([...items].reverse(), 5);
    expect([...once].sort()).toEqual([...again].sort());
    expect(assignFolds(items, 5, "another-salt")).not.toEqual(once);
  });
  it("deals each source evenly over the folds", () => {
    const folds = assignFolds(items, 5);
    for (const source of ["short", "long"]) {
      const counts = [0, 0, 0, 0, 0];
      for (const item of items.filter((i) => i.source === source)) counts[folds.get(item.id)!]!++;
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });

  const doc = (id: string, margin: number): DocScores => ({ id, source: "long", rouge1: 0.4 + margin, rouge2: 0.2 + margin, rougeL: 0.3 + margin, lead1: 0.4, lead2: 0.2, leadL: 0.3 });
  const ids = items.map((i) => i.id);

  it("chooses the setting with the best worst margin over the lead, ties to the earlier", () => {
    const lead = new Map(ids.map((id) => [id, doc(id, 0)] as const));
    const better = new Map(ids.map((id) => [id, doc(id, 0.01)] as const));
    const same = new Map(ids.map((id) => [id, doc(id, 0.01)] as const));
    expect(chooseSetting([lead, better, same], new Set(ids))).toBe(1);
    // A setting that wins on ROUGE-1 but loses on ROUGE-2 is worth its loss.
    const mixed = new Map(ids.map((id) => [id, { ...doc(id, 0.05), rouge2: 0.19 }] as const));
    expect(chooseSetting([lead, mixed], new Set(ids))).toBe(0);
  });
  it("chooses each fold's setting without that fold's articles", () => {
    const folds = assignFolds(items, 4);
    // Setting 1 wins only on fold 0's articles: fold 0 never sees that, the other folds do.
    const onFoldZero = new Map(ids.map((id) => [id, doc(id, folds.get(id) === 0 ? 0.05 : -0.001)] as const));
    const lead = new Map(ids.map((id) => [id, doc(id, 0)] as const));
    expect(crossValidate([lead, onFoldZero], folds, 4)).toEqual([0, 1, 1, 1]);
  });
  it("gives the same bootstrap interval for the same seed", () => {
    const values = Array.from({ length: 50 }, (_, k) => Math.sin(k));
    expect(bootstrapInterval(values, 7)).toEqual(bootstrapInterval(values, 7));
    const [lo, hi] = bootstrapInterval(values, 7);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(lo).toBeLessThan(mean);
    expect(hi).toBeGreaterThan(mean);
  });
});
