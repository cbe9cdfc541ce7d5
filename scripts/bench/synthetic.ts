// Synthetic articles for the benchmark: wire copy shaped like the seed (one
// paragraph a line, short subheads without a full stop, people with roles,
// organizations, ranged and relative dates, quotations), about 900 words, 8
// to 12 paragraphs. Deterministic: article i is the same for a given seed
// whatever N is, so N=100 is the first hundred of N=1,000.
import { DateTime } from "luxon";
import * as W from "./words.ts";
import { seededRandom } from "../seeded-random.ts";
import { countWords } from "../pipeline/summarize/words.ts";

export interface SyntheticArticle {
  /** File name under src/articles/. */
  name: string;
  /** The whole file: front matter and body. */
  text: string;
  /** What bare Eleventy gets for the same article. */
  plain: { slug: string; title: string; date: string; paragraphs: string[] };
}


type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const between = (rand: Rand, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

interface Cast {
  people: { name: string; surname: string; role: string }[];
  orgs: string[];
  place: string;
  topic: string;
  month: number; // publication month, 0-based
}

/** A past date as wire copy writes it: "February 20 and 21", "last September", "March 4". */
function pastDate(rand: Rand, cast: Cast): string {
  const m = W.MONTHS[(cast.month + 11) % 12]!;
  const d = between(rand, 2, 26);
  switch (between(rand, 0, 2)) {
    case 0: return `${m} ${d} and ${d + 1}`;
    case 1: return `last ${pick(rand, W.MONTHS)}`;
    default: return `${m} ${d}`;
  }
}

/** A future date: "March 28 to April 2", "about a month from now". */
function futureDate(rand: Rand, cast: Cast): string {
  return rand() < 0.5
    ? `${W.MONTHS[(cast.month + 1) % 12]!} ${between(rand, 20, 28)} to ${W.MONTHS[(cast.month + 2) % 12]!} ${between(rand, 1, 5)}`
    : "about a month from now";
}

function sentence(rand: Rand, cast: Cast, introduced: Set<string>, first: boolean): string {
  const person = pick(rand, cast.people);
  const org = pick(rand, cast.orgs);
  const adj = pick(rand, W.ADJECTIVES);
  const noun = pick(rand, W.NOUNS);
  const clause = pick(rand, W.CLAUSES);
  // Wire style: full name and role at the first mention, surname after.
  const who = introduced.has(person.name) ? person.surname : `${person.name}, the ${person.role},`;
  const speaks = (s: string) => {
    introduced.add(person.name);
    return s;
  };
  switch (first ? 0 : between(rand, 0, 7)) {
    case 0: return speaks(`${who} ${pick(rand, W.VERBS_OF_SAYING)} on ${pastDate(rand, cast)} that ${clause}.`);
    case 1: return introduced.has(person.name)
      ? `\u201C${capitalize(clause)},\u201D ${person.surname} ${pick(rand, ["said", "added", "noted"])}, speaking in ${cast.place}.`
      : speaks(`\u201C${capitalize(clause)},\u201D said ${person.name}, the ${person.role}.`);
    case 2: return `According to ${org}, the ${adj} ${noun} on the ${cast.topic} was first discussed ${pastDate(rand, cast)}.`;
    case 3: return `Officials in ${cast.place} expect the ${noun} to be ${adj} at best, and some analysts argue that ${clause}.`;
    case 4: return `The ${cast.topic} has dominated the agenda of ${org} since ${pastDate(rand, cast)}, when ${between(rand, 2, 40)} percent of members backed the ${noun}.`;
    case 5: return `In a statement, ${org} said the ${adj} ${noun} would be presented to the U.S. and E.U. delegations ${futureDate(rand, cast)}.`;
    case 6: return speaks(`${who} told the ${pick(rand, ["Ostravian Broadcasting Service", "Vellmont Herald", "Coastal Times"])} that \u201C${clause}\u201D and that further steps were under review.`);
    default: return `Critics, including ${pick(rand, W.FIRST_NAMES)} ${pick(rand, W.LAST_NAMES)} of ${org}, say the ${noun} is ${adj} and that ${clause}.`;
  }
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The i-th synthetic article for a seed. */
export function syntheticArticle(seed: number, index: number): SyntheticArticle {
  const rand = seededRandom((seed * 0x9e3779b1) ^ (index * 0x85ebca6b) ^ 0x5bd1e995);
  const published = DateTime.fromObject({ year: 2024, month: 1, day: 1, hour: 7 }, { zone: "Asia/Seoul" }).plus({ hours: index * 13 });
  const cast: Cast = {
    people: Array.from({ length: between(rand, 3, 5) }, () => {
      const surname = pick(rand, W.LAST_NAMES);
      return { name: `${pick(rand, W.FIRST_NAMES)} ${surname}`, surname, role: pick(rand, W.ROLES) };
    }),
    orgs: Array.from({ length: 3 }, () => pick(rand, W.ORGANIZATIONS)),
    place: pick(rand, W.PLACES),
    topic: pick(rand, W.TOPICS),
    month: published.month - 1,
  };
  const paragraphCount = between(rand, 8, 12);
  const wordsPerParagraph = Math.round(900 / paragraphCount);
  const subheadAt = new Set(Array.from({ length: between(rand, 1, 3) }, () => between(rand, 2, paragraphCount - 2)));
  const introduced = new Set<string>();
  const lines: string[] = [];
  const paragraphs: string[] = [];
  for (let p = 0; p < paragraphCount; p++) {
    if (subheadAt.has(p)) lines.push(pick(rand, W.SUBHEADS));
    const sentences: string[] = [];
    while (countWords(sentences.join(" ")) < wordsPerParagraph - 10) sentences.push(sentence(rand, cast, introduced, p === 0 && sentences.length === 0));
    const text = sentences.join(" ");
    lines.push(text);
    paragraphs.push(text);
  }
  const title = `${capitalize(cast.place)}: ${capitalize(pick(rand, W.ADJECTIVES))} ${cast.topic} ${pick(rand, ["deal", "talks", "dispute", "plan"])} ${pick(rand, ["draws criticism", "moves ahead", "stalls again", "divides officials"])}`;
  const slug = `bench-${String(index).padStart(5, "0")}`;
  const date = published.toISO({ suppressMilliseconds: true })!;
  const tags = [pick(rand, W.TAGS), pick(rand, W.TAGS)].filter((t, i, all) => all.indexOf(t) === i);
  const frontMatter = [
    "---",
    `title: ${JSON.stringify(title)}`,
    `date: ${date}`,
    "timeZone: Asia/Seoul",
    "source:",
    "  name: Benchmark wire (synthetic)",
    "  url: null",
    `tags: [${tags.map((t) => JSON.stringify(t)).join(", ")}]`,
    "---",
  ].join("\n");
  return { name: `${slug}.txt`, text: `${frontMatter}\n${lines.join("\n")}\n`, plain: { slug, title, date, paragraphs } };
}

export function syntheticCorpus(seed: number, n: number): SyntheticArticle[] {
  return Array.from({ length: n }, (_, i) => syntheticArticle(seed, i));
}
