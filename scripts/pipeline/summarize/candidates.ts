// Every sentence of the article as a summary candidate: its repaired text
// (connective dropped, opening pronoun resolved where the article says who),
// what it needs in order to be used, its quality and its centrality.
import type { NormalizedArticle, Person } from "../../schema.ts";
import { dropLeadingConnective, openingOf, replaceOpeningPronoun } from "./cohesion.ts";
import { compressSentence } from "./compress.ts";
import { antecedentOf, type PeopleIndex } from "./people.ts";
import { sentenceQuality } from "./quality.ts";
import { closesUnopenedQuotation, hasUnknownName, leaningPronoun, mayName, nameWords, opensMainClause } from "./references.ts";
import { isCaption, splitRunIns } from "./run-ins.ts";
import { cosineDense, termVectors, toDense, type TermVector } from "./score.ts";
import { contentTerms, countWords, termTable, type TermTable } from "./words.ts";

export interface Candidate {
  id: string;
  /** 0-based order in the article; a sentence's compressed variant has the same index. */
  index: number;
  sectionIndex: number;
  /** Display text after cohesion repair; `{name}` marks where a resolved pronoun's name goes. */
  text: string;
  /** The person an opening pronoun stands for, when it was resolved. */
  antecedent: { person: Person; possessive: boolean } | null;
  /** Words, counting a resolved name at its full length. */
  words: number;
  /** Usable only right after its article predecessor (an unresolved back-reference). */
  needsPredecessor: boolean;
  /** False when the sentence leans on a person named where the summary cannot go: only to reach the minimum. */
  usable: boolean;
  people: Person[];
  quality: number;
  vector: TermVector;
  /** The vector spread out, made on first use (only chosen sentences need it). */
  dense: () => Float64Array;
  /** TF-IDF cosine to the whole article, as a share of the article's most central sentence (0-1). */
  centrality: number;
  /** Indexes of the article's tags whose every content word this sentence uses. */
  tags: number[];
}

export const NAME_SLOT = "\u0000name\u0000";

const OPENS_QUOTATION = /^[‘“'"]/u;

export interface CandidateSet {
  candidates: Candidate[];
}

export function buildCandidates(article: NormalizedArticle, people: PeopleIndex, terms: TermTable = termTable()): CandidateSet {
  // Pieces, not sentences: a caption run into a sentence is cut off (run-ins.ts).
  const flat = article.sections.flatMap((section, sectionIndex) =>
    section.paragraphs.flatMap((paragraph) =>
      paragraph.sentences.flatMap((sentence) => splitRunIns(sentence.display).map((display) => ({ sentence, display, paragraph, sectionIndex }))),
    ),
  );
  const ids = flat.map((f) => f.sentence.id);
  // Each sentence whole (bar its connective and a redundant appositive) and, where
  // a trailing clause can go, compressed: the selection weighs what the clause
  // adds against its words. Vectors are of the words the summary would show.
  const whole = flat.map((f) => dropLeadingConnective(f.display));
  const short = flat.map((f) => compressSentence(f.display, article.people));
  const variants = short.flatMap((text, index) => (text !== whole[index] ? [{ index, text }] : []));
  const space = termVectors([...whole, ...variants.map((v) => v.text)], whole.length, terms);
  const { sentences: vectors, document, dimensions } = space;
  const centrality = whole.map((_, index) => cosineDense(vectors[index]!, document));
  const maxCentrality = Math.max(1e-9, ...centrality);
  const shared = flat.map(({ sentence, display, paragraph, sectionIndex }) => {
    const displayWords = countWords(display);
    const quality = isCaption(display) ? 0 : sentenceQuality(display, displayWords).weight * (paragraph.kind === "quote" ? 0.5 : 1);
    return { id: sentence.id, sectionIndex, quality, named: people.bySentence.get(sentence.id) ?? [], display, displayWords };
  });
  const personWords = nameWords(article.people.map((p) => p.name));
  const thingsBySentence = new Map<string, Set<string>>();
  for (const entity of [...article.organizations, ...article.places])
    for (const m of entity.mentions) thingsBySentence.set(m.sentenceId, (thingsBySentence.get(m.sentenceId) ?? new Set()).add(entity.id));
  const knownWords = nameWords([...article.people, ...article.organizations, ...article.places].flatMap((e) => [e.name, ...e.aliases, ...e.mentions.map((m) => m.text)]));
  /**
   * The person a pronoun of sentence `index` stands for, unless a sentence
   * between it and that person's mention has a name the article's people do
   * not list: then the pronoun may mean that one, and it is not named.
   */
  const namedAntecedent = (index: number): Person | null => {
    const person = antecedentOf(ids, index, people);
    if (!person) return null;
    for (let k = index - 1; k >= 0; k--) {
      if (hasUnknownName(flat[k]!.display, knownWords)) return null;
      if ((people.bySentence.get(ids[k]!) ?? []).includes(person)) break;
    }
    return person;
  };
  const candidate = (index: number, shown: string, vector: TermVector): Candidate => {
    const { id, sectionIndex, quality, named, display, displayWords } = shared[index]!;
    let text = shown;
    const opening = openingOf(text);
    let antecedent: Candidate["antecedent"] = null;
    let needsPredecessor = opening.kind === "back-reference";
    let lastResort = false;
    // A pronoun inside a quotation is the speaker's: it is never replaced.
    if (opening.kind === "person-pronoun" && OPENS_QUOTATION.test(text)) needsPredecessor = true;
    else if (opening.kind === "person-pronoun") {
      const person = namedAntecedent(index);
      if (person) {
        antecedent = { person, possessive: opening.possessive };
        text = replaceOpeningPronoun(text, opening, NAME_SLOT);
      } else if ((people.bySentence.get(ids[index - 1] ?? "") ?? []).length > 0 || mayName(flat[index - 1]?.display ?? "")) {
        // Two people just before (ambiguous to us), or a name normalize did
        // not take for a person: the reader of the pair knows who.
        needsPredecessor = true;
      } else {
        // The person was named where the summary cannot go (a dropped intro, a
        // caption): only a last resort, right after its predecessor, when the
        // article has too little else to reach the minimum.
        needsPredecessor = true;
        lastResort = true;
      }
    }
    // A pronoun further in with nothing before it to stand for: a "he", "she"
    // or "his" after an opening adverbial ("After the vote, he said") is named
    // as an opening one is; any other makes the sentence lean on its predecessor,
    // and when a pronoun inside the sentence ("if it recognizes them") could
    // be any of two or more things its predecessor names, the sentence is only
    // a last resort.
    let leaning = leaningPronoun(antecedent ? text.replace(NAME_SLOT, antecedent.person.name) : text, personWords);
    if (leaning && !antecedent && !leaning.inQuote && /^(?:he|she|his)$/iu.test(leaning.pronoun) && opensMainClause(text.slice(0, leaning.at))) {
      const person = namedAntecedent(index);
      if (person) {
        const possessive = leaning.pronoun.toLowerCase() === "his";
        antecedent = { person, possessive };
        text = text.slice(0, leaning.at) + NAME_SLOT + (possessive ? "’s" : "") + text.slice(leaning.at + leaning.pronoun.length);
        leaning = leaningPronoun(text.replace(NAME_SLOT, person.name), personWords);
      }
    }
    // The end of a quotation opened in the sentence before reads only after it.
    if (closesUnopenedQuotation(text)) needsPredecessor = true;
    if (leaning) {
      needsPredecessor = true;
      if (leaning.at > 0 && leaning.kind !== "person" && (thingsBySentence.get(ids[index - 1] ?? "")?.size ?? 0) >= 2) lastResort = true;
    }
    const words = antecedent ? countWords(text.replace(NAME_SLOT, antecedent.person.name)) : text === display ? displayWords : countWords(text);
    const sentencePeople = [...named];
    if (antecedent && !sentencePeople.includes(antecedent.person)) sentencePeople.push(antecedent.person);
    return { id, index, sectionIndex, text, antecedent, words, needsPredecessor, usable: !lastResort, people: sentencePeople, quality, vector, dense: lazyDense(vector, dimensions), centrality: centrality[index]! / maxCentrality, tags: [] };
  };
  const candidates = [
    ...whole.map((text, index) => candidate(index, text, vectors[index]!)),
    ...variants.map((v, k) => candidate(v.index, v.text, vectors[whole.length + k]!)),
  ];
  // A tag the text names ("Nuclear weapons") is a topic the summary should cover.
  const tagIds = article.tags.map((t) => contentTerms(t.name, terms).map((term) => space.idOf.get(term) ?? -1));
  if (tagIds.length > 0) for (const c of candidates) {
    const has = new Set(c.vector.ids);
    c.tags = tagIds.flatMap((ids, k) => (ids.length > 0 && ids.every((id) => has.has(id)) ? [k] : []));
  }
  return { candidates };
}

function lazyDense(vector: TermVector, dimensions: number): () => Float64Array {
  let dense: Float64Array | null = null;
  return () => (dense ??= toDense(vector, dimensions));
}
