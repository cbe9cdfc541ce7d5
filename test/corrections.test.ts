// The editor's corrections in the sidecar: validated with file, line and
// field; each kind applied to a hand-written article; shown on the briefing
// page, in the email and in the feeds where the field appears; a correction
// that matches nothing warns; a sidecar-only edit shows on the next build,
// partial render included.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { processArticleOrThrow } from "../scripts/pipeline/process-article.ts";
import { readArticle } from "../scripts/pipeline/read.ts";
import { formatProblem, type Problem } from "../scripts/problems.ts";
import { guessCountLine, isRelativeDate } from "../scripts/pipeline/review.ts";
import { guessAccuracy } from "../scripts/eval/guess-accuracy.ts";
import { applyCorrections, datePeriod, NO_CORRECTIONS, unmatchedProblem } from "../scripts/pipeline/corrections.ts";
import { loadSite } from "../scripts/site-settings.ts";
import { FrontMatterSchema } from "../scripts/pipeline/front-matter.ts";
import { FRONT_MATTER_SCHEMA_PATH, frontMatterJsonSchema } from "../scripts/cli/schema.ts";
import type { Article } from "../scripts/schema.ts";
import { hashTree, makeTempProject, PROJECT_ROOT, type TempProject } from "./helpers/project.ts";

/**
 * Written for these tests: a title line, people with and without roles, a pronoun speaker, a
 * quotation nobody says (a sign, its words in lower case so no earlier speaker is taken to say them),
 * dates counted from the publication date.
 */
export const HARBOR = `Harbor town weighs new sea wall after winter storms

Mayor Elena Vasquez said on Tuesday that the council of Port Alder will vote on a new sea wall before the summer. She added that the town cannot afford another winter like the last one.

The Coastal Works Agency estimated the wall would cost 40 million dollars. Martin Okafor, who has worked the harbor for thirty years, told reporters he doubts the wall will be finished in time. Engineers from Norway inspected the old wall.

A sign outside the harbor office read "no more promises, no more storms" in red paint. Residents plan to meet at the Alder Library next Friday to discuss the plan.

Okafor argued that the money would be better spent on dredging the harbor. Helen Marsh also attended the meeting last week, but did not speak.
`;
const META = "date: 2026-03-04T09:00:00Z\nslug: harbor\n";

/** Every kind of correction, each written as an editor would. */
const CORRECTIONS = `${META}title: Port Alder votes on a sea wall before summer
people:
  - {name: "Elena Vasquez", rename: "Elena Vásquez"}
  - {name: "Okafor", role: "Fisherman"}
  - {name: "Helen Marsh", hide: true}
  - {name: "Tom Reyes", role: "Harbor master", add: true}
organizations:
  - {name: "Coastal Works Agency", rename: "State Coastal Works Agency"}
  - {name: "Harbor Office", add: true}
places:
  - {name: "Norway", hide: true}
  - {name: "Port Alder", add: true}
timeline:
  - {text: "next Friday", date: 2026-03-13, label: "Residents meet at the library"}
  - {text: "Tuesday", hide: true}
  - {text: "before the summer", date: 2026-06, label: "Council votes on the sea wall", add: true}
quotes:
  - {text: "the town cannot afford another winter", speaker: "Elena Vásquez"}
  - {text: "would cost 40 million", hide: true}
  - {text: "no more promises, no more storms", speaker: "A sign at the harbor office", verb: "read", add: true}
keyPoints:
  - The council votes on a sea wall before summer.
  - Fishermen doubt it will be built in time.
`;

const site = loadSite(path.join(PROJECT_ROOT, "_data/site.yaml"), {});
const enc = (text: string) => new TextEncoder().encode(text);

function readWith(sidecar: string, file = "src/articles/harbor.txt") {
  return readArticle({ path: file, bytes: enc(HARBOR), sidecar: { path: file.replace(/\.txt$/, ".yaml"), bytes: enc(sidecar) }, siteTimeZone: site.timeZone });
}
function processWith(sidecar: string): Article {
  const read = readWith(sidecar);
  expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
  return processArticleOrThrow(read.article!, site);
}

describe("corrections are validated like every front matter field", () => {
  const errorsOf = (yaml: string) => readWith(META + yaml).problems.filter((p) => p.severity === "error");

  it("names the sidecar, the entry's line and the field", () => {
    const [typo] = errorsOf("people:\n  - {name: \"Helen Marsh\", hide: true}\n  - {name: \"Okafor\", rol: \"Fisherman\"}\n");
    expect(typo).toMatchObject({ file: "src/articles/harbor.yaml", line: 5, field: "people.1" });
    expect(typo!.message).toMatch(/rol/);
    const [nothing] = errorsOf("places:\n  - {name: \"Norway\"}\n");
    expect(nothing).toMatchObject({ line: 4, field: "places.0" });
    expect(nothing!.message).toMatch(/nothing to correct/);
    const [badDate] = errorsOf("timeline:\n  - {text: \"next Friday\", date: 2026-02-30}\n");
    expect(badDate).toMatchObject({ line: 4, field: "timeline.0.date" });
    expect(formatProblem(badDate!)).toMatch(/^error \[front-matter\] src\/articles\/harbor\.yaml:4 \(timeline\.0\.date\): expected a real date/);
    const [both] = errorsOf("quotes:\n  - {text: \"the town cannot\", hide: true, add: true}\n");
    expect(both!.message).toMatch(/either adds .* or hides/);
    const [noSpeaker] = errorsOf("quotes:\n  - {text: \"every single year\", speaker: \"\", add: true}\n");
    expect(noSpeaker).toMatchObject({ field: "quotes.0.speaker" });
    const [notList] = errorsOf("keyPoints: one point\n");
    expect(notList).toMatchObject({ line: 3, field: "keyPoints" });
  });

  it("documents the fields in docs/front-matter.schema.json, kept current, with examples the validator accepts", () => {
    expect(readFileSync(path.join(PROJECT_ROOT, FRONT_MATTER_SCHEMA_PATH), "utf8")).toBe(frontMatterJsonSchema());
    const documented = JSON.parse(frontMatterJsonSchema()) as { properties: Record<string, { examples?: unknown[] }> };
    for (const field of ["people", "organizations", "places", "timeline", "quotes", "keyPoints", "reviewed"]) {
      const examples = documented.properties[field]!.examples!;
      expect(examples.length, field).toBeGreaterThan(0);
      for (const example of examples) expect(FrontMatterSchema.safeParse({ [field]: example }).success, field).toBe(true);
    }
  });

  it("keeps every value to one clean line: no control characters, line breaks or bidi overrides", () => {
    const read = readWith(`${META}people:\n  - {name: "Okafor", role: "Fisher\\u202Eman\\nBcc: x@example.org"}\n`);
    expect(read.problems).toEqual([]);
    const [entry] = read.article!.meta.corrections.people;
    expect(entry!.entry.role).toBe("Fisherman Bcc: x@example.org");
    const [empty] = readWith(`${META}keyPoints: ["\\u0007 "]\n`).problems;
    expect(empty).toMatchObject({ severity: "error", field: "keyPoints.0" });
  });

  it("reads dates as a day, a month or a year, and refuses impossible ones", () => {
    expect(datePeriod("2026-02-28")).toEqual({ start: "2026-02-28", end: "2026-02-28", precision: "day" });
    expect(datePeriod("2024-02")).toEqual({ start: "2024-02-01", end: "2024-02-29", precision: "month" });
    expect(datePeriod("2026")).toEqual({ start: "2026-01-01", end: "2026-12-31", precision: "year" });
    expect(datePeriod("2026-13")).toBeNull();
    expect(datePeriod("26-01-01")).toBeNull();
  });
});

describe("each kind of correction, applied", () => {
  let machine: Article;
  let corrected: Article;
  beforeAll(() => {
    machine = processWith(META);
    corrected = processWith(CORRECTIONS);
  });

  it("finds what the corrections are about in the machine's article (the fixture is what it claims)", () => {
    expect(machine.people.map((p) => [p.name, p.role])).toEqual([["Elena Vasquez", "Mayor"], ["Martin Okafor", null], ["Helen Marsh", null]]);
    expect(machine.places.map((p) => p.name)).toContain("Norway");
    expect(machine.attributions.find((a) => a.what.startsWith("the town cannot"))).toMatchObject({ who: "Elena Vasquez", speakerFrom: "pronoun" });
    expect(machine.organizations.map((o) => o.name)).toContain("Coastal Works Agency");
    // What the corrections add is not already there (the harbor office is only ever written in lower case).
    expect(machine.organizations.map((o) => o.name)).not.toContain("Harbor Office");
    expect(machine.places.map((p) => p.name)).not.toContain("Port Alder");
    expect(machine.attributions.some((a) => a.what.includes("no more promises"))).toBe(false);
    expect(machine.attributions.find((a) => a.what.includes("40 million"))).toBeDefined();
    // "last week" is a week, which the timeline leaves out; "on Tuesday" is the day before publication.
    expect(machine.timeline.map((t) => [t.dateText, t.start])).toEqual([["Tuesday", "2026-03-03"], ["next Friday", "2026-03-06"]]);
  });

  it("people: renamed (quotations follow), a role fixed through a short form, one hidden, one added", () => {
    expect(corrected.people.map((p) => [p.name, p.role])).toEqual([["Elena Vásquez", "Mayor"], ["Martin Okafor", "Fisherman"], ["Tom Reyes", "Harbor master"]]);
    const elena = corrected.people[0]!;
    expect(elena.id).toBe(machine.people[0]!.id);
    expect(elena.aliases).toContain("Elena Vasquez");
    expect(corrected.attributions.filter((a) => a.personId === elena.id).every((a) => a.who === "Elena Vásquez")).toBe(true);
    expect(corrected.people[2]!.mentions).toEqual([]);
  });

  it("organizations and places: renamed, added with their mention, hidden", () => {
    const organizations = corrected.organizations.map((o) => o.name);
    expect(organizations).toContain("State Coastal Works Agency");
    expect(organizations).not.toContain("Coastal Works Agency");
    // Added last, with the first sentence that writes it (in any case) as its mention.
    expect(corrected.organizations.at(-1)).toMatchObject({ name: "Harbor Office", mentions: [{ text: "harbor office", sentenceId: "s-3-1" }] });
    expect(corrected.places.map((p) => p.name)).not.toContain("Norway");
    expect(corrected.places.find((p) => p.name === "Port Alder")!.mentions[0]!.sentenceId).toBe("s-1-1");
  });

  it("timeline: a date and label fixed, an entry hidden, one added, all in time order", () => {
    expect(corrected.timeline.map((t) => [t.dateText, t.start, t.end, t.precision, t.label])).toEqual([
      ["next Friday", "2026-03-13", "2026-03-13", "day", "Residents meet at the library"],
      ["before the summer", "2026-06-01", "2026-06-30", "month", "Council votes on the sea wall"],
    ]);
    expect(corrected.timeline[1]!.sentenceId).toBe("s-1-1");
  });

  it("quotes: a speaker fixed (linked to the corrected person), one hidden, one added in the text's order", () => {
    const fixed = corrected.attributions.find((a) => a.what.startsWith("the town cannot"))!;
    expect(fixed).toMatchObject({ who: "Elena Vásquez", personId: corrected.people[0]!.id, speakerFrom: "editor" });
    expect(corrected.attributions.some((a) => a.what.includes("40 million"))).toBe(false);
    const added = corrected.attributions.find((a) => a.verb === "read")!;
    expect(added).toMatchObject({ kind: "quote", who: "A sign at the harbor office", personId: null, what: "no more promises, no more storms", sentenceId: "s-3-1" });
    const order = corrected.attributions.map((a) => a.sentenceId);
    expect(order.indexOf("s-3-1")).toBeGreaterThan(order.indexOf("s-2-2"));
  });

  it("keyPoints replaced; title overrides; the machine's guesses are all covered", () => {
    expect(corrected.keyPoints).toEqual(["The council votes on a sea wall before summer.", "Fishermen doubt it will be built in time."]);
    expect(corrected.title).toBe("Port Alder votes on a sea wall before summer");
    expect(machine.review.guesses.map((g) => g.reviewed)).toEqual([
      "role: Martin Okafor", "role: Helen Marsh", "speaker: the town cannot afford another winter",
      "quote: no more promises, no more storms", "date: Tuesday", "date: next Friday",
    ]);
    expect(corrected.review.guesses).toEqual([]);
    expect(corrected.review.unmatchedCorrections).toEqual([]);
  });

  it("timeline: an entry added without a label gets the clause that holds its words, cut like the machine's labels", () => {
    // "last week" is a week, which the dates leave out: the editor adds it.
    const article = processWith(`${META}timeline:\n  - {text: "last week", date: 2026-02-23, end: 2026-03-01, add: true}\n  - {text: "for thirty years", date: 1996, end: 2026, add: true}\n`);
    expect(article.review.unmatchedCorrections).toEqual([]);
    expect(article.timeline.find((t) => t.dateText === "last week")).toMatchObject({
      start: "2026-02-23", end: "2026-03-01", precision: "day", sentenceId: "s-4-2",
      label: "Helen Marsh also attended the meeting last week, but did not speak",
    });
    // A sentence of 20 words: at most 16 of them, an ellipsis where the rest are left out.
    const long = article.timeline.find((t) => t.dateText === "for thirty years")!;
    expect(long).toMatchObject({ start: "1996-01-01", end: "2026-12-31", precision: "year", sentenceId: "s-2-2" });
    expect(long.label).toContain("for thirty years");
    expect(long.label.split(" ").length).toBeLessThanOrEqual(16);
    expect(long.label).toMatch(/\u2026$/);
  });

  it("no corrections leave the machine's article exactly as it was", () => {
    const { review: _review, ...article } = machine;
    expect(applyCorrections(article, NO_CORRECTIONS).article).toEqual(article);
  });

  it("the same corrections give the same article, byte for byte", () => {
    expect(JSON.stringify(processWith(CORRECTIONS))).toBe(JSON.stringify(corrected));
  });

  it("a correction or reviewed entry that matches nothing is a warning naming the file, the line and the entry", () => {
    const article = processWith(`${META}people:\n  - {name: "Andy Lugar", role: "U.S. Attorney"}\ntimeline:\n  - {text: "next Sunday", hide: true}\nquotes:\n  - {text: "words nobody said", speaker: "Kim"}\nreviewed:\n  - "role: Nobody"\n`);
    expect(article.review.unmatchedCorrections.map((u) => [u.field, u.line])).toEqual([["people", 4], ["timeline", 6], ["quotes", 8], ["reviewed", 10]]);
    const [person] = article.review.unmatchedCorrections.map(unmatchedProblem);
    expect(formatProblem(person!)).toBe(
      'warning [corrections] src/articles/harbor.yaml:4 (people): correction {name: "Andy Lugar", role: "U.S. Attorney"} matches nothing in the article\n' +
      "  fix: check the name against the page's who's who (full names and the short forms the text uses match), or add `add: true` to add the person",
    );
  });
});

describe("corrections in front matter", () => {
  it("are read with their lines, and a front matter list replaces the sidecar's", () => {
    const md = `---\ndate: 2026-03-04T09:00:00Z\npeople:\n  - {name: "Okafor", role: "Fisherman"}\n  - {name: "Nobody Known", hide: true}\n---\n${HARBOR.replace(/^.*\n\n/, "")}`;
    const read = readArticle({
      path: "src/articles/harbor.md", bytes: enc(md), siteTimeZone: site.timeZone,
      sidecar: { path: "src/articles/harbor.yaml", bytes: enc("people:\n  - {name: \"Helen Marsh\", hide: true}\nplaces:\n  - {name: \"Norway\", hide: true}\n") },
    });
    expect(read.problems).toEqual([]);
    const article = processArticleOrThrow(read.article!, site);
    expect(article.people.map((p) => [p.name, p.role])).toContainEqual(["Martin Okafor", "Fisherman"]);
    // The sidecar's people list is replaced; its places list still applies.
    expect(article.people.map((p) => p.name)).toContain("Helen Marsh");
    expect(article.places.map((p) => p.name)).not.toContain("Norway");
    expect(article.review.unmatchedCorrections).toEqual([{ file: "src/articles/harbor.md", line: 5, field: "people", entry: '{name: "Nobody Known", hide: true}' }]);
    expect(article.review.sidecar).toBe("src/articles/harbor.yaml");
  });
});

describe("the README's example", () => {
  it("applies to the sample without an error or an unmatched entry, and leaves nothing to review", () => {
    const readme = readFileSync(path.join(PROJECT_ROOT, "README.md"), "utf8");
    const example = /### Corrections[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    const file = "src/articles/000_73ba9802054c4cc1.txt";
    const sidecar = readFileSync(path.join(PROJECT_ROOT, file.replace(/\.txt$/, ".yaml")), "utf8") + example;
    const read = readArticle({ path: file, bytes: readFileSync(path.join(PROJECT_ROOT, file)), sidecar: { path: "sample.yaml", bytes: enc(sidecar) }, siteTimeZone: site.timeZone });
    expect(read.problems).toEqual([]);
    const article = processArticleOrThrow(read.article!, site);
    expect(article.review.unmatchedCorrections).toEqual([]);
    expect(article.people.find((p) => p.name === "Kim Jong Un")!.role).toBe("General Secretary of the Workers' Party");
    expect(article.timeline.find((t) => t.dateText === "2023")).toMatchObject({ start: "2023-09-01", end: "2023-09-30", precision: "month", label: "Nuclear policy written into the constitution" });
    expect(article.timeline.some((t) => t.dateText === "2022")).toBe(false);
    // Words of one label pick that entry: the other "Last September" keeps the machine's label.
    const september = article.timeline.filter((t) => t.dateText === "Last September");
    expect(september.length).toBeGreaterThan(1);
    expect(september.filter((t) => t.label === "Kim's speech to the Supreme People's Assembly").map((t) => t.sentenceId)).toEqual(["s-5-1"]);
    expect(article.review.guesses).toEqual([]);
  });
});

describe("timeline corrections on the sample", () => {
  const sampleWith = (yaml: string) => {
    const file = "src/articles/000_73ba9802054c4cc1.txt";
    const sidecar = readFileSync(path.join(PROJECT_ROOT, file.replace(/\.txt$/, ".yaml")), "utf8") + yaml;
    const read = readArticle({ path: file, bytes: readFileSync(path.join(PROJECT_ROOT, file)), sidecar: { path: "sample.yaml", bytes: enc(sidecar) }, siteTimeZone: site.timeZone });
    expect(read.problems).toEqual([]);
    return processArticleOrThrow(read.article!, site);
  };

  it("a label for date words two entries share relabels neither, and warns; a date for them moves both", () => {
    const machine = sampleWith("");
    const september = machine.timeline.filter((t) => t.dateText === "Last September");
    expect(september.map((t) => t.sentenceId)).toEqual(["s-5-1", "s-15-2"]);
    const relabelled = sampleWith('timeline:\n  - {text: "Last September", label: "Kim speaks"}\n');
    expect(relabelled.timeline).toEqual(machine.timeline);
    expect(relabelled.review.unmatchedCorrections).toHaveLength(1);
    expect(formatProblem(unmatchedProblem(relabelled.review.unmatchedCorrections[0]!))).toMatch(/^warning \[corrections\] sample\.yaml:\d+ \(timeline\): correction \{text: "Last September", label: "Kim speaks"\} \(names 2 entries: give words of one entry's label to relabel it\)/);
    const moved = sampleWith('timeline:\n  - {text: "Last September", date: 2025-09-17}\n');
    expect(moved.timeline.filter((t) => t.dateText === "Last September").map((t) => [t.start, t.precision, t.sentenceId])).toEqual([["2025-09-17", "day", "s-5-1"], ["2025-09-17", "day", "s-15-2"]]);
    expect(moved.review.unmatchedCorrections).toEqual([]);
  });
});

describe("reviewing", () => {
  it("tells relative and weekday dates from calendar ones", () => {
    for (const t of ["Monday", "last September", "next Friday", "about a month from now", "two weeks ago", "this year"]) expect(isRelativeDate(t), t).toBe(true);
    for (const t of ["February 20 and 21", "2023", "March 31 to April 2", "September 2025"]) expect(isRelativeDate(t), t).toBe(false);
  });

  it("measures how often each kind of guess agrees with a gold annotation", () => {
    const gold = {
      people: [{ name: "Martin Okafor", aliases: ["Okafor"], role: null }, { name: "Elena Vasquez", aliases: [], role: "Mayor of Port Alder" }],
      // Said on a Wednesday, "next Friday" is read here as the Friday of next week (as the editor's correction above has it).
      dates: [{ text: "Tuesday", start: "2026-03-03", end: "2026-03-03" }, { text: "next Friday", start: "2026-03-13", end: "2026-03-13" }],
      quotes: [],
      reported: [{ speaker: "Elena Vasquez", verb: "added" }, { speaker: "Martin Okafor", verb: "argued" }, { speaker: null, verb: "estimated" }],
    };
    expect(guessAccuracy(processWith(META), gold)).toEqual({
      "speaker from name": [1, 1], // said: no gold; estimated: the gold names no one, so wrong; argued: right
      "speaker from pronoun": [1, 0],
      "date from relative words": [1, 1], // Tuesday: right; next Friday: this week's, not the gold's
      "person with a role": [1, 0], // Mayor is held in the gold's role
      "person without a role": [1, 0], // Okafor: the text gives him none, nor does the gold
    });
  });

  it("counts the guesses in one line, pluralized", () => {
    const of = (n: number) => ({ review: { sidecar: "", unmatchedCorrections: [], guesses: Array.from({ length: n }, () => ({ kind: "role" as const, message: "", sentence: null, reviewed: "", fixes: [] })) } });
    expect(guessCountLine([of(0)])).toBe("no guesses to review");
    expect(guessCountLine([of(1)])).toBe("1 guess to review: npm run review");
    expect(guessCountLine([of(3), of(4)])).toBe("7 guesses to review: npm run review");
  });

  it("a reviewed: entry covers its guess, and only that one", () => {
    const article = processWith(`${META}reviewed:\n  - "role: Helen Marsh"\n  - "DATE: tuesday"\n`);
    expect(article.review.guesses.map((g) => g.reviewed)).toEqual(["role: Martin Okafor", "speaker: the town cannot afford another winter", "quote: no more promises, no more storms", "date: next Friday"]);
    expect(article.review.unmatchedCorrections).toEqual([]);
  });
});

describe("corrections in the built site", () => {
  let project: TempProject;
  let lines: string[];
  let warnings: Problem[];
  const buildIt = async () => {
    lines = [];
    const report = await project.build({ log: (l) => lines.push(l), workers: 0 });
    warnings = report.warnings;
    return report;
  };
  const page = () => project.read("briefings/harbor/index.html");
  const sidecar = () => path.join(project.root, "src/articles/harbor.yaml");

  beforeAll(async () => {
    project = makeTempProject({ withSample: false });
    project.addArticle("harbor.txt", HARBOR);
    project.addArticle("harbor.yaml", CORRECTIONS + "  \nreviewed: [\"role: Nobody\"]\n");
    await buildIt();
  });
  afterAll(() => project.remove());

  it("shows every correction on the briefing page", () => {
    const html = page();
    const section = (cls: string) => new RegExp(`<section class="${cls}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? "";
    const who = section("whos-who");
    expect(who).toContain("Elena Vásquez");
    expect(who).not.toContain("Elena Vasquez");
    expect(who).toMatch(/Martin Okafor<\/a><span class="role">Fisherman/);
    expect(who).toMatch(/Tom Reyes<\/a><span class="role">Harbor master/);
    expect(who).not.toContain("Helen Marsh");
    expect(who).toContain("State Coastal Works Agency");
    expect(who).toContain("Harbor Office");
    expect(who).toContain("Port Alder");
    expect(who).not.toContain("Norway");
    const timeline = section("timeline");
    expect(timeline).toContain('<time datetime="2026-03-13">13 March 2026</time> Residents meet at the library');
    expect(timeline).toContain("Council votes on the sea wall");
    expect(timeline).not.toContain("Tuesday");
    const said = section("said");
    expect(said).toContain("A sign at the harbor office");
    expect(said).not.toContain("40 million");
    expect(said).toMatch(/Elena Vásquez<\/a><\/span> added the town cannot afford/);
    expect(section("key-points")).toContain("Fishermen doubt it will be built in time.");
    expect(html).toContain("<h1 id=\"headline\">Port Alder votes on a sea wall before summer</h1>");
    // JSON-LD names the corrected people with their roles.
    expect(html).toContain('"jobTitle": "Fisherman"');
  });

  it("shows the key points and headline in the email, and the headline in the feeds", () => {
    for (const file of ["email.html", "email.txt"]) {
      const email = project.read(`briefings/harbor/${file}`);
      expect(email).toContain("Fishermen doubt it will be built in time.");
      expect(email).toContain("Port Alder votes on a sea wall before summer");
    }
    expect(project.read("feed.xml")).toContain("<title>Port Alder votes on a sea wall before summer</title>");
    expect(JSON.parse(project.read("feed.json")).items[0].title).toBe("Port Alder votes on a sea wall before summer");
    // The full text in the feeds stays the article's own words.
    expect(project.read("feed.xml")).toContain("Elena Vasquez said on Tuesday");
  });

  it("warns about an entry that matches nothing and prints the count of guesses, without failing", () => {
    expect(warnings.map(formatProblem)).toEqual([
      expect.stringMatching(/^warning \[corrections\] src\/articles\/harbor\.yaml:27 \(reviewed\): reviewed entry "role: Nobody" matches no guess/),
    ]);
    expect(lines).toContain("review     no guesses to review");
  });

  it("a sidecar-only edit shows on the next build (partial render), as a full render would write it", async () => {
    // A second article, so the render is partial rather than everything.
    project.addArticle("other.md", "---\ndate: 2026-03-01T09:00:00Z\ntitle: Another story\n---\nThe ferry timetable changes in April, the operator said.\n");
    await buildIt();
    const before = hashTree(project.site(""));
    writeFileSync(sidecar(), readFileSync(sidecar(), "utf8").replace('role: "Fisherman"', 'role: "Harbor fisherman"').replace('  \nreviewed: ["role: Nobody"]\n', ""));
    await buildIt();
    expect(lines.find((l) => l.startsWith("cache "))).toMatch(/1 miss\b/);
    expect(lines.find((l) => l.startsWith("render "))).toMatch(/1 changed or new briefing\b/);
    expect(page()).toMatch(/Martin Okafor<\/a><span class="role">Harbor fisherman/);
    expect(warnings).toEqual([]);
    const partial = hashTree(project.site(""));
    expect(Object.keys(partial).filter((p) => partial[p] !== before[p]).filter((p) => p.startsWith("briefings/"))).toEqual(["briefings/harbor/index.html"]);
    // The same project from nothing renders the same bytes.
    rmSync(path.join(project.root, ".cache"), { recursive: true, force: true });
    rmSync(project.site(""), { recursive: true, force: true });
    await buildIt();
    expect(hashTree(project.site(""))).toEqual(partial);
  });
});
