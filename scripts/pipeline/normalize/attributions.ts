// Who said what, as who / verb / what tied to a sentence, of two kinds.
// A quote: words between quotation marks (quotations.ts finds them on the whole
// paragraph), `what` exactly those words, its speaker from the frame after it
// ('"...," said Kim', '"..." Kim said'), the clause that introduces it ('Kim
// said: "..."', 'Kim said the plan was "..."'), or the quotation it continues.
// Reported speech: a reporting verb ("stated", "noted", "argue") outside
// quotation marks, its speaker to the left (a named person or organization,
// possibly with an appositive; "he"/"she" for whoever has just spoken; "some
// analysts") or to the right ("..., said Kim"), or "according to X"; its
// `what` is the writer's paraphrase and is never shown as a quotation.
// Speakers are read in speakers.ts.
import type { Attribution, Entity, Person } from "../../schema.ts";
import type { NamedSpan, SentenceRef } from "./entities.ts";
import { findQuotations, firstRunIn, wordCount, type Quotation } from "./quotations.ts";
import { antecedent, speakerOf, SPEAKER_REACH, withoutTitles, type PlacedSpan, type Speaker, type SpeakerContext, type SpokeAt } from "./speakers.ts";

const VERBS = "said|says|say|asked|asks|commented|posted|tweeted|replied|replies|conceded|concedes|described|describes|stated|states|state|noted|notes|note|argued|argues|argue|added|adds|told|tells|criticized|criticised|criticizes|emphasized|emphasised|emphasizes|analyzed|analysed|analyzes|reaffirmed|reaffirms|warned|warns|warn|claimed|claims|claim|insisted|insists|insist|explained|explains|suggested|suggests|suggest|announced|announces|acknowledged|acknowledges|admitted|admits|asserted|asserts|confirmed|confirms|declared|declares|denied|denies|stressed|stresses|urged|urges|wrote|writes|clarified|clarifies|reiterated|reiterates|predicted|predicts|predict|speculated|speculates|speculate|believe|believes|believed|contended|contends|contend|maintained|maintains|maintain|observed|observes|concluded|concludes|conclude|estimated|estimates|estimate|expect|expects|expected|fear|fears|feared|countered|counters|alleged|alleges|vowed|vows|pledged|pledges|promised|promises|recalled|recalls|revealed|reveals|complained|complains|accused|accuses|agreed|agrees|agree|stating|saying|adding|noting|arguing|warning|insisting|claiming|suggesting|stressing|emphasizing|explaining";
const VERB_SET = new Set(VERBS.split("|"));
const LONGEST_VERB = Math.max(...[...VERB_SET].map((v) => v.length));
interface Verb { verb: string; index: number }

// Patterns with Unicode property escapes are module constants: the TypeScript transform turns
// such a literal into `new RegExp(...)` where it stands, so one inside a function was built anew on every call.
/** A character that continues a word. */
const WORD_CHARACTER = /[\p{L}\u2019'-]/u;
/** A letter. */
const LETTER = /\p{L}/u;
/** 'asked (him) for', 'asked (him) to': a request. */
const REQUEST_OBJECT = /^\s*(?:[\p{L}]+\s+)?(?:for|to)\b/u;
/** An adverb in -ly. */
const LY_ADVERB = /^\p{Ll}{3,}ly$/u;
/** 'A former staffer at': the organization after it only locates the speaker. */
const LOCATING_PREPOSITION_BEFORE = /\s(?:at|of|from|with|in|near|inside)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,3}$/u;
/** Nothing, or one word and a comma ('However, '). */
const AT_MOST_ONE_OPENER = /^(?:[\p{L}]+,\s)?$/u;
/** Up to four words between spaces. */
const FEW_WORDS = /^ (?:[\p{L}.-]+ ){0,4}$/u;
/** Whom someone told: 'told reporters', 'told CNN'. */
const TOLD_OBJECT = /^\s+(?:reporters|journalists|the \w+|\p{Lu}[\p{L}-]*|him|her|them|us|me)(?=\s|,)/u;
/** Starts in lower case. */
const STARTS_LOWER = /^\p{Ll}/u;
/** At most six words and a colon or comma to the quotation. */
const SHORT_FRAME_TAIL = /^(?:\s+[\p{L}'\u2019.-]+){0,6}\s*[:,;]?\s*$/u;
/** Starts with a capital. */
const STARTS_UPPER = /^\p{Lu}/u;

/** Reporting verbs in a paragraph, with offsets (a set lookup per word beats one long alternation). */
function findVerbs(text: string): Verb[] {
  const out: Verb[] = [];
  const lower = (i: number) => { const c = text.charCodeAt(i); return c >= 97 && c <= 122; };
  for (let i = 0; i < text.length;) {
    if (!lower(i)) { i++; continue; }
    let j = i + 1;
    while (j < text.length && lower(j)) j++;
    if (j - i >= 3 && j - i <= LONGEST_VERB) {
      const word = text.slice(i, j);
      if (VERB_SET.has(word) && reports(text, word, i)) out.push({ verb: word, index: i });
    }
    i = j;
  }
  return out;
}

/** A reporting verb at `at` that reports: a whole word, not passive ("was told"), not "agrees to" a request. */
function reports(text: string, verb: string, at: number): boolean {
  const end = at + verb.length;
  if (WORD_CHARACTER.test(text[at - 1] ?? " ") || LETTER.test(text[end] ?? " ")) return false;
  if (PASSIVE.test(text.slice(Math.max(0, at - 12), at))) return false;
  // "to the claims", "his denies": after a determiner the word is a noun, not a verb.
  if (DETERMINER_BEFORE.test(text.slice(Math.max(0, at - 7), at))) return false;
  const next = text.slice(end, end + 10);
  if (AGREE.test(verb)) return /^\s*(?:that\b|[:,])/u.test(next);
  // "asked for half his winnings", "asked him to leave" are requests; "asked whether", 'asked him, "..."' report a question.
  if (ASK.test(verb)) return !REQUEST_OBJECT.test(text.slice(end, end + 24));
  return true;
}

/** The paragraph's verbs in [from, to), with offsets from `from` (found once per paragraph, read by every frame). */
function verbsIn(verbs: Verb[], from: number, to: number): Verb[] {
  let lo = 0;
  let hi = verbs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (verbs[mid]!.index < from) lo = mid + 1; else hi = mid;
  }
  const out: Verb[] = [];
  for (let i = lo; i < verbs.length && verbs[i]!.index + verbs[i]!.verb.length <= to; i++) out.push({ verb: verbs[i]!.verb, index: verbs[i]!.index - from });
  return out;
}
/** "agrees to the request" is a deed, not speech: "agree" reports only "that ..." or a quotation. */
const AGREE = /^agree[sd]?$/u;
const ASK = /^ask(?:s|ed)?$/u;
/** "When asked", "was told", "being accused": the subject is not the one speaking; "leads them to believe": an infinitive. */
const PASSIVE = /\b(?:when|if|once|was|were|been|being|is|are|be|get|got|to)\s+$/iu;
const PARTICIPLE = /ing$/;
const DETERMINER_BEFORE = /\b(?:the|a|an|his|her|their|its|these|those|such|our|your|my)\s+$/iu;
/** Words allowed between a speaker and the verb: "Kim also stated", "Park further analyzed". */
const ADVERBS = new Set("also|further|later|previously|repeatedly|once|then|has|have|had|recently|publicly|again|did|does|do|firmly|strongly|openly|reportedly|separately|earlier|herself|himself|themselves|still|now|yet|even|only|last|not|bluntly|flatly|explicitly|privately|quickly|immediately|finally|however".split("|"));

/** Where the speaker's words end before a verb: adverbs, spaces and commas skipped. */
function speakerEnd(text: string, verbStart: number): number {
  let end = verbStart;
  for (;;) {
    while (end > 0 && (text[end - 1] === " " || text[end - 1] === ",")) end--;
    const space = text.lastIndexOf(" ", end - 1);
    const word = text.slice(space + 1, end);
    if (!ADVERBS.has(word.toLowerCase()) && !LY_ADVERB.test(word)) return end;
    end = space + 1;
  }
}
const GROUP = /(?:^|[\s,])((?:(?:some|many|most|several|other|few|prevailing|the|western|independent|local|senior|government|military|foreign|security|industry|market|legal|political|opposition|health|police|u\.s\.|us|south korean|north korean|chinese|american|russian|japanese|european)\s+){0,2}(?:analysts|experts|officials|observers|critics|sources|assessments|reports|studies|surveys|polls|diplomats|scholars|researchers|economists|lawmakers|residents|witnesses|commentators|investors|scientists|doctors|activists|others|many|some|authorities|police|prosecutors|campaigners|insiders|aides))$/i;
const GROUP_WORDS = new Set("analysts|experts|officials|observers|critics|sources|assessments|reports|studies|surveys|polls|diplomats|scholars|researchers|economists|lawmakers|residents|witnesses|commentators|investors|scientists|doctors|activists|others|many|some|authorities|police|prosecutors|campaigners|insiders|aides".split("|"));
const PRONOUN = /(?:^|[\s,"\u201C])(he|she|He|She)$/;


/** Reported speech found in a sentence, with paragraph offsets: the verb, and the span its `what` came from. */
interface Found extends Omit<Attribution, "kind"> { start: number; whatStart: number; whatEnd: number; human: boolean }

/** "quotes" of four words or more are quotations; shorter ones are terms and scare quotes inside the writer's text. */
const MIN_QUOTE_WORDS = 4;

function cleanWhat(text: string): string {
  return text
    .replace(/^[\s,:]+/, "")
    // "said on Monday that ...": the time phrase belongs to the saying, not to what was said.
    .replace(/^(?:(?:on|last|this|in|at|late|early|earlier|later)\s+[\p{L}\d]+(?:\s+[\p{L}\d]+)?,?\s+)(?=that\b)/u, "")
    .replace(/^that\s+/i, "")
    .replace(/[\s,;:]+$/, "")
    .replace(/[.!?]+["'\u201D\u2019]*$/u, (m) => (/["\u201D]/u.test(m) ? m.replace(/^[.!?]+/, "") : ""))
    .trim();
}

/**
 * The writer's own gloss after reported speech is not what was said: "He stated
 * that talks could resume, leaving the door open" ends at the comma. A trailing
 * participle clause that is not itself a reporting verb is cut off.
 */
function withoutGloss(what: string): string {
  const m = /,\s+(\p{Ll}+ing)\b/u.exec(what);
  return m && !VERB_SET.has(m[1]!) ? what.slice(0, m.index) : what;
}

interface SentenceAt { ref: SentenceRef; start: number; end: number }

/** Sentences are contiguous slices of their paragraph: their offsets in it. */
function placeSentences(text: string, sentences: SentenceRef[]): SentenceAt[] {
  let from = 0;
  return sentences.map((ref) => {
    const at = text.indexOf(ref.text, from);
    const start = at < 0 ? from : at;
    from = start + ref.text.length;
    return { ref, start, end: from };
  });
}

/** The outer quotation that holds offset `at`, if any (quotations in text order: a binary search). */
function within(quotes: Quotation[], at: number): Quotation | undefined {
  let lo = 0;
  let hi = quotes.length - 1;
  let found: Quotation | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = quotes[mid]!;
    if (q.markStart <= at) { if (!q.nested) found = q; lo = mid + 1; } else hi = mid - 1;
  }
  // The last outer one opening at or before `at`; nested ones sit inside it.
  for (let i = lo - 1; i >= 0 && !found; i--) if (!quotes[i]!.nested) found = quotes[i];
  return found && at < found.markEnd ? found : undefined;
}

/**
 * The subject of a verb that follows an appositive or a relative clause:
 * "Nick Davies, spokesman for the IAAF, which handed out the bans, said",
 * "Gerry Conlon - who was wrongly convicted - said", "Colin Asplin, Blackpool
 * Hotel Association said". The first name of the clause, not the last one
 * before the verb.
 */
function appositiveHost(text: string, named: NamedSpan[], verbAt: number): NamedSpan | undefined {
  for (const s of named) {
    if (s.end >= verbAt || s.kind !== "person") continue;
    const between = text.slice(s.end, verbAt);
    if (/[.;:!?"\u201C\u201D]/u.test(between)) continue;
    const inserted = /^\s*(?:,|\s[-\u2013\u2014])\s.*(?:,|\s[-\u2013\u2014])(?:\s+\p{Ll}+)?\s*$/u.test(between);
    const org = named.find((o) => o.kind === "org" && o.start === s.end + 2 && /^[\s,]*$/u.test(text.slice(o.end, verbAt)));
    if ((inserted || (org && between.startsWith(", "))) && AT_MOST_ONE_OPENER.test(text.slice(lastClauseStart(text, s.start), s.start))) return s;
  }
  return undefined;
}

/** The 30 characters before `at`. */
function textBefore(text: string, at: number): string {
  return text.slice(Math.max(0, at - 30), at);
}

/** Reported speech in one sentence; verbs inside quotation marks are the speaker's words, not the writer's report. */
function reportedIn(sentence: SentenceAt, named: NamedSpan[], quotes: Quotation[], ctx: SpeakerContext, paragraphVerbs: Verb[]): Found[] {
  const text = sentence.ref.text;
  const offset = sentence.start;
  const quoted = (from: number, to: number) => quotes.some((q) => !q.nested && q.markStart < offset + to && q.markEnd > offset + from);
  const found: Found[] = [];
  const verbs = verbsIn(paragraphVerbs, offset, offset + text.length).filter((v) => !within(quotes, offset + v.index));
  // A loop, not forEach: no closure made per sentence.
  for (const [vi, m] of verbs.entries()) {
    const verb = m.verb;
    const vStart = m.index;
    const vEnd = vStart + verb.length;
    const leftTrimLength = speakerEnd(text, vStart);
    const leftTail = text.slice(Math.max(0, leftTrimLength - 100), leftTrimLength);
    const commaBefore = /,\s*$/.test(text.slice(Math.max(0, vStart - 40), vStart));

    let who: string | null = null;
    let personId: string | null = null;
    let whatRange: [number, number] | null = null;
    let phrase: (Speaker & { start: number }) | null = null;
    // Where the speaker's words start, for 'Growth slowed, Ruiz said.' (the words before them are what was said).
    let subjectStart = vStart;
    let span: NamedSpan | undefined = appositiveHost(text, named, vStart) ?? named.find((s) => s.end === leftTrimLength || s.phraseEnd === leftTrimLength);
    // "Cory Doctorow, coordinator for the Electronic Frontier Foundation, said": the organization
    // closes an appositive; the person who opens the clause is speaking.
    const opener = span?.kind === "org" ? clauseOpener(ctx, text, offset, leftTrimLength, true) : null;
    if (opener) span = undefined;
    // "A former staffer at Wilson Security said": the organization only locates the speaker.
    if (span?.kind === "org" && LOCATING_PREPOSITION_BEFORE.test(text.slice(Math.max(0, span.start - 40), span.start)) &&
      !/spokes(?:man|woman|person)\s+(?:for|of|at)\s+(?:the\s+)?$/iu.test(text.slice(Math.max(0, span.start - 40), span.start))) span = undefined;
    let human = true;
    let speakerFrom: Attribution["speakerFrom"] = "name";
    if (PARTICIPLE.test(verb)) {
      // "Kim expressed confidence, stating that ...": the speaker is the clause's subject,
      // a person named earlier in the same sentence, who opens it ("Additionally, Kim ...").
      // "This raises the bar, suggesting ..." has no speaker.
      if (!commaBefore && !span) continue;
      const subject = found[found.length - 1] ?? null;
      const p = subject ? null : named.find((s) => s.kind === "person" && s.end <= vStart && AT_MOST_ONE_OPENER.test(text.slice(0, s.start))) ?? null;
      if (subject) { who = subject.who; personId = subject.personId; speakerFrom = subject.speakerFrom; }
      else if (p) { who = p.name; personId = p.id; }
    } else if (opener) {
      who = opener.who; personId = opener.personId; subjectStart = opener.start - offset; speakerFrom = opener.from ?? "name";
    } else if (span) {
      who = span.name; personId = span.kind === "person" ? span.id : null; subjectStart = span.start;
      // "A spokesman for the Information Commissioner's Office said": a person speaks for it, and may be "he" next.
      human = span.kind === "person" || /spokes(?:man|woman|person)\s+(?:for|of|at)\s+(?:the\s+)?$/iu.test(text.slice(Math.max(0, span.start - 40), span.start));
    } else if (PRONOUN.test(leftTail)) {
      const p = antecedent(ctx, offset + vStart, "person", PRONOUN.exec(leftTail)![1]!.toLowerCase());
      if (p) { who = p.who; personId = p.personId; speakerFrom = "pronoun"; subjectStart = leftTrimLength - PRONOUN.exec(leftTail)![1]!.length; }
    } else if (/(?:,\s*|\s)(?:and|but)$/.test(leftTail) && found.length > 0) {
      const prev = found[found.length - 1]!;
      who = prev.who; personId = prev.personId; speakerFrom = prev.speakerFrom;
    } else if (GROUP_WORDS.has(leftTail.slice(leftTail.lastIndexOf(" ") + 1).toLowerCase()) && GROUP.test(leftTail)) {
      // Keep "some analysts" and "prevailing assessments"; drop a lone determiner.
      const group = GROUP.exec(leftTail)![1]!;
      who = group.replace(/^the\s+/i, "");
      subjectStart = leftTrimLength - group.length;
      human = false;
      speakerFrom = "group";
    } else if (!PARTICIPLE.test(verb) && (phrase = leftSpeaker(ctx, text, offset, leftTrimLength))) {
      // "A Labour Party spokesman told ...", "The young woman said ...", "His mother Lucy, 32, said ...".
      who = phrase.who; personId = phrase.personId; human = phrase.human ?? false; speakerFrom = phrase.from ?? "name";
      subjectStart = phrase.start - offset;
    } else if (/^(?:said|says|added|told|wrote|warned|noted|stated)$/.test(verb) && commaBefore && !quoted(0, vStart)) {
      // 'Growth slowed to 1.5 percent, said Dr Ana Ruiz.': the words before, unquoted, are reported.
      // Titles and role words may stand between: "said council leader Mary Okafor".
      const inverted = named.find((s) => s.start > vEnd && s.start - vEnd < 60 && FEW_WORDS.test(text.slice(vEnd, s.start)) &&
        !/\b(?:that|and|but|to|of|in|on)\b/.test(text.slice(vEnd, s.start)));
      if (inverted) { who = inverted.name; personId = inverted.kind === "person" ? inverted.id : null; whatRange = [0, vStart]; }
    }
    if (!who) continue;
    if (whatRange === null) {
      // What: to the end of the sentence, or to the next coordinated reporting verb.
      const nextVerb = verbs.slice(vi + 1).find((n) => /,?\s+(?:and|but)\s+(?:\w+\s+)?$/.test(textBefore(text, n.index)) || /,\s+$/.test(textBefore(text, n.index)) && PARTICIPLE.test(n.verb));
      // A caption run in without its full stop ends what was said ("... was a hoax In his report, ...").
      const runIn = firstRunIn(text, vEnd);
      let whatEnd = runIn ?? text.length;
      if (nextVerb && nextVerb.index < whatEnd) whatEnd = nextVerb.index - (textBefore(text, nextVerb.index).length - textBefore(text, nextVerb.index).replace(/,?\s+(?:and|but)\s+(?:\w+\s+)?$|,\s+$/, "").length);
      let whatStart = vEnd;
      if (/^(?:told|tells)$/.test(verb)) {
        const object = TOLD_OBJECT.exec(text.slice(vEnd));
        if (object) whatStart += object[0].length;
      }
      whatRange = [whatStart, whatEnd];
      if (wordCount(cleanWhat(text.slice(whatStart, whatEnd))) < 3 && subjectStart > 0 && !quoted(0, subjectStart)) {
        // 'The plan will fail, Kim said.': the words before the speaker.
        whatRange = [0, subjectStart];
      }
    }
    const cleaned = withoutGloss(cleanWhat(text.slice(whatRange[0], whatRange[1])));
    // A clause that is all quotation is a quote's frame, not reported speech (the quote pass takes it).
    if (wordCount(cleaned) < 3) continue;
    found.push({ who, personId, speakerFrom, verb, what: cleaned, sentenceId: sentence.ref.id, start: offset + vStart, whatStart: offset + whatRange[0], whatEnd: offset + whatRange[1], human });
  }

  // According to X, ...
  for (const m of text.matchAll(/\b[Aa]ccording to\s+/g)) {
    if (within(quotes, offset + m.index!)) continue;
    const from = m.index! + m[0].length;
    const clauseEnd = text.indexOf(",", from);
    const end = clauseEnd < 0 ? text.length : clauseEnd;
    const inClause = named.filter((s) => s.start >= from && s.end <= end);
    // "according to the party's newspaper, Rodong Sinmun, ...": the name after the comma.
    const appositive = clauseEnd < 0 ? undefined : named.find((s) => s.start === clauseEnd + 2 && /^[,.]/.test(text.slice(s.phraseEnd)));
    const source = appositive ?? inClause[inClause.length - 1];
    const sourceEnd = appositive ? appositive.phraseEnd + 1 : end + 1;
    const who = source?.name ?? text.slice(from, end).replace(/^the\s+/i, "").replace(/[.]$/, "").trim();
    const range: [number, number] = m.index! < 3 ? [sourceEnd, text.length] : [0, m.index!];
    const cleaned = cleanWhat(text.slice(range[0], range[1]));
    if (!who || wordCount(cleaned) < 3) continue;
    found.push({ who, personId: source?.kind === "person" ? source.id : null, speakerFrom: "name", verb: "according to", what: cleaned, sentenceId: sentence.ref.id, start: offset + m.index!, whatStart: offset + range[0], whatEnd: offset + range[1], human: source?.kind === "person" });
  }
  return found.sort((a, b) => a.start - b.start);
}

interface Frame extends Speaker { verb: string; verbAt: number | null }

/** Adverbs and objects that may follow the verb in a closing frame: '"...," he said to me.', '... Smith told the BBC.' */
const SHORT_TAIL = /^(?:\s+[\p{L}'\u2019-]+){0,5}\s*(?:[.!?]|$)/u;

/**
 * The frame after a quotation: '"...," said a Fifa spokesman.', '"..." Mr Eddington said.',
 * '"...," according to Claire Putnam.' After a quotation that ends its own
 * sentence ("... to win." The firm said ...), only a frame that opens in lower
 * case or ends at its verb counts: otherwise the next sentence has begun.
 */
function frameAfter(q: Quotation, limit: number, ctx: SpeakerContext, paragraphVerbs: Verb[]): Frame | null {
  const text = ctx.text;
  const lead = /^[\s,;:\u2013\u2014-]*/u.exec(text.slice(q.markEnd, limit))![0].length;
  const from = q.markEnd + lead;
  const sentenceEnd = /[.!?](?=\s|$)/gu;
  sentenceEnd.lastIndex = from;
  const to = Math.min(limit, sentenceEnd.exec(text)?.index ?? text.length, from + 160);
  const frame = text.slice(from, to);
  if (frame === "") return null;
  const endsSentence = /[.!?]['"\u2019\u201D]*$/u.test(q.text) || /[.!?]/u.test(text.slice(q.end, q.markStart === q.markEnd ? q.end : q.markEnd));
  const lowerStart = STARTS_LOWER.test(frame);
  const according = /^according to\s+/iu.exec(frame);
  if (according) {
    const who = speakerOf(ctx, from + according[0].length, to);
    return who ? { ...who, verb: "according to", verbAt: from } : null;
  }
  const verbs = verbsIn(paragraphVerbs, from, to);
  const v = verbs[0];
  if (!v) return null;
  let before = frame.slice(0, v.index);
  // "Officer Chris Hegstrom, spokesman for the sheriff's office, told NBC": the name before the appositive.
  const apposed = /^([^,]+),[^.;:!?"\u201C\u201D]*,\s*$/u.exec(before);
  if (apposed) before = apposed[1]!;
  if (/[.;:!?"\u201C\u201D]/u.test(before) || wordCount(before) > 8) return null;
  if (endsSentence && !lowerStart && !SHORT_TAIL.test(frame.slice(v.index + v.verb.length) + (to < text.length ? text[to] : ""))) return null;
  if (before.trim() === "") {
    // Inverted: "said Bhanu Baweja, a strategist at UBS".
    const who = speakerOf(ctx, from + v.index + v.verb.length + 1, to);
    return who ? { ...who, verb: v.verb, verbAt: from + v.index } : null;
  }
  const who = speakerOf(ctx, from, from + (apposed ? before.length : speakerEnd(frame, v.index)));
  return who ? { ...who, verb: v.verb, verbAt: from + v.index } : null;
}

/** The clause before a quotation ends with its reporting verb and maybe an object: 'He said:', 'told the Chronicle:', 'adding:'. */
function frameBefore(q: Quotation, from: number, ctx: SpeakerContext, found: Found[], paragraphVerbs: Verb[]): Frame | null {
  // The outermost report: "Mr Howard said the police had said ID cards could "help ..."" is Howard speaking.
  const covering = found.find((f) => f.start >= from && f.start < q.markStart && f.whatEnd >= q.start);
  if (covering) return { who: covering.who, personId: covering.personId, ...(covering.speakerFrom === "name" || covering.speakerFrom === "editor" ? {} : { from: covering.speakerFrom }), verb: covering.verb, verbAt: covering.start };
  const before = ctx.text.slice(from, q.markStart);
  const verbs = verbsIn(paragraphVerbs, from, q.markStart);
  const v = verbs[verbs.length - 1];
  if (!v || !SHORT_FRAME_TAIL.test(before.slice(v.index + v.verb.length))) return null;
  const at = from + v.index;
  const left = leftSpeaker(ctx, before, from, speakerEnd(before, v.index));
  if (left) return { ...left, verb: v.verb, verbAt: at };
  const right = speakerOf(ctx, at + v.verb.length + 1, q.markStart);
  return right ? { ...right, verb: v.verb, verbAt: at } : null;
}

/**
 * The speaker named by the subject before a verb ending at `end` of `text`
 * (which starts at `offset` in the paragraph): the words since the last comma
 * ("In a statement, the company said"), else the clause's first words before
 * its appositives ("His mother Lucy, 32, of Upminster, said").
 */
function leftSpeaker(ctx: SpeakerContext, text: string, offset: number, end: number): (Speaker & { start: number }) | null {
  const near = lastClauseStart(text, end);
  const nearest = speakerOf(ctx, offset + near, offset + end);
  if (nearest) return { ...nearest, start: offset + near };
  return clauseOpener(ctx, text, offset, end);
}

/** The name that opens a clause before its appositives, as the speaker: "His mother Lucy, 32, of Upminster, said". */
function clauseOpener(ctx: SpeakerContext, text: string, offset: number, end: number, apposed = false): (Speaker & { start: number }) | null {
  let start = end;
  while (start > 0 && !CLAUSE_MARKS.includes(text[start - 1]!)) start--;
  const parts = text.slice(start, end).split(",");
  // Only across an appositive ("Lucy, 32, said", "Locke, who was ..., added"): in "Previously,
  // passengers could claim" the first words are no subject.
  if (parts.length < 2 || (parts.length < 3 && !apposed && !/^\s*(?:who|whose|which|a|an|the|of|from|\d)/u.test(parts[1]!))) return null;
  // "However, the boy's mother Lucy, 32, said": past a lone sentence adverb.
  const skip = parts.length > 2 && /^\s*\p{L}+\s*$/u.test(parts[0]!) ? parts[0]!.length + 1 : 0;
  const first = (skip ? parts[1]! : parts[0]!);
  const who = speakerOf(ctx, offset + start + skip, offset + start + skip + first.length);
  return who ? { ...who, start: offset + start + skip } : null;
}

/** Marks that end a clause for its subject: sentence punctuation and quotation marks. */
const CLAUSE_MARKS = ".;:!?\"\u201C\u201D\u2018";

/** Where the clause holding a verb starts: after the last sentence or clause mark before it. */
function lastClauseStart(text: string, verbAt: number): number {
  let i = verbAt;
  while (i > 0 && !CLAUSE_MARKS.includes(text[i - 1]!) && !(text[i - 1] === "," && !/^\s*(?:a|an|the)\s/u.test(text.slice(i, verbAt)))) i--;
  return i;
}

export interface ParagraphRef {
  text: string;
  sentences: SentenceRef[];
}

interface Placed extends Attribution { paragraph: number; at: number }

/** "Understanding and Improving the H-1B Visa Program": a title in quotation marks, not words someone said. */
function isTitle(text: string): boolean {
  const words = text.split(/\s+/u).filter((w) => LETTER.test(w) && !/^(?:a|an|the|and|or|of|in|on|to|for|with|at|by|from)$/u.test(w));
  const titled = words.filter((w) => /^\P{L}*\p{Lu}/u.test(w) && /\p{Ll}/u.test(w)).length;
  return words.length > 0 && titled / words.length >= 0.7;
}

const isQuotable = (q: Quotation) => wordCount(q.text) >= MIN_QUOTE_WORDS && !isTitle(q.text);

/** The sentence an offset falls in (sentences in order, each ending where the next starts or before). */
function sentenceIndexOf(sentences: SentenceAt[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at < sentences[mid]!.end + 1) hi = mid; else lo = mid + 1;
  }
  return Math.max(0, lo);
}

/** The last item that passes, searching from the end. */
function findLast<T>(items: T[], pass: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (pass(items[i]!)) return items[i];
  return undefined;
}

/**
 * `people` lets a capitalized name the entity pass missed still find its
 * person; `notPeople` (places, organizations) keeps "London said" from
 * becoming a person.
 */
export function extractAttributions(paragraphs: ParagraphRef[], spans: Map<string, NamedSpan[]>, people: Person[], notPeople: Entity[]): Attribution[] {
  const notNames = new Set(notPeople.flatMap((e) => [e.name, ...e.aliases]));
  const sentencesOf = paragraphs.map((p) => placeSentences(p.text, p.sentences));
  const quotesOf = paragraphs.map((p) => findQuotations(p.text));
  let sentenceNumber = 0;
  const placedOf: PlacedSpan[][] = sentencesOf.map((sentences, paragraph) => sentences.flatMap((s) => {
    const sentence = sentenceNumber++;
    return (spans.get(s.ref.id) ?? []).map((span) => {
      const start = span.start + s.start;
      // Fields written out, not spread: a spread per span showed in the profile.
      return {
        kind: span.kind, id: span.id, name: span.name, text: span.text, start, end: span.end + s.start, phraseEnd: span.phraseEnd + s.start,
        paragraph, sentence, quoted: within(quotesOf[paragraph]!, start) !== undefined,
      };
    });
  }));
  const mentions = placedOf.flat();
  const speakers: SpokeAt[] = [];
  const out: Placed[] = [];
  let sentenceBase = 0;
  // The last quotation of the paragraph before, when it ran to the paragraph's end: the next may continue it.
  let openAtEnd: Frame | null = null;

  paragraphs.forEach((p, paragraph) => {
    const sentences = sentencesOf[paragraph]!;
    const base = sentenceBase;
    sentenceBase += sentences.length;
    const sentenceIndex = (at: number) => sentenceIndexOf(sentences, at);
    const ctx: SpeakerContext = { paragraph, text: p.text, spans: placedOf[paragraph]!, mentions, people, notNames, speakers, sentenceOf: (at) => base + sentenceIndex(at) };
    const sentenceAt = (at: number) => sentences[sentenceIndex(at)] ?? sentences[sentences.length - 1]!;
    const quotes = quotesOf[paragraph]!;
    const quotableSet = new Set(quotes.filter(isQuotable));
    const quotable = (q: Quotation) => quotableSet.has(q);
    const bySentence = sentences.map((): Quotation[] => []);
    for (const q of quotableSet) bySentence[sentenceIndex(q.markStart)]!.push(q);
    const outer = quotes.filter((q) => !q.nested);
    const verbs = findVerbs(p.text);
    const frames = new Map<Quotation, Frame>();
    const found: Found[] = [];
    const spoke = (who: Speaker & { human?: boolean }, at: number) => speakers.push({ who: who.who, personId: who.personId, human: who.human ?? who.personId !== null, paragraph, at, sentence: ctx.sentenceOf(at) });

    const gap = (a: Quotation, b: Quotation) => p.text.slice(a.markEnd, b.markStart);
    const hostOf = (q: Quotation) => outer.find((o) => o.start <= q.markStart && o.end >= q.markEnd - 1);
    const ownFrame = (q: Quotation, sentenceStart: number): Frame | null => {
      if (q.nested) { const host = hostOf(q); return host ? frameBefore(q, host.start, ctx, [], verbs) : null; }
      const i = outer.indexOf(q);
      const next = outer[i + 1];
      const prev = outer[i - 1];
      return frameAfter(q, next ? next.markStart : p.text.length, ctx, verbs) ??
        frameBefore(q, Math.max(prev ? prev.markEnd : 0, sentenceStart), ctx, found, verbs);
    };
    /**
     * A quotation with no frame of its own continues the one before it (nothing between them
     * but that one's frame), or the one right after it, or the speech reported in this or the
     * last two sentences.
     */
    const continued = (q: Quotation): Frame | null => {
      const i = outer.indexOf(q);
      const prev = outer[i - 1];
      const prevFrame = prev ? frames.get(prev) : undefined;
      if (i === 0 && q.markStart === 0 && openAtEnd) return openAtEnd;
      if (prev && prevFrame) {
        const between = gap(prev, q);
        const onlyItsFrame = prevFrame.verbAt !== null && prevFrame.verbAt >= prev.markEnd && /^[^.!?]*[.!?]?[\s,;:]*$/u.test(between);
        if (/^[\s,.;:]*$/u.test(between) || onlyItsFrame) return prevFrame;
      }
      const next = outer[i + 1];
      if (next && /^[\s,.;:]*$/u.test(gap(q, next))) {
        const nextFrame = ownFrame(next, sentenceAt(next.markStart).start);
        if (nextFrame) return nextFrame;
      }
      // '... said the changes were necessary. "The boom in air travel ..."': whoever has just spoken.
      if (!STARTS_UPPER.test(q.text)) return null;
      const here = ctx.sentenceOf(q.markStart);
      const last = findLast(speakers, (sp) => (sp.paragraph < paragraph || sp.at < q.markStart) && here - sp.sentence <= SPEAKER_REACH);
      // A guess from context, not from the text's own frame: marked so the review lists it.
      return last ? { who: last.who, personId: last.personId, from: "context", verb: "said", verbAt: null } : null;
    };

    // In reading order: a sentence's reported speech, then the quotations that open in it,
    // so that a pronoun finds whoever has just spoken.
    for (const [k, sentence] of sentences.entries()) {
      const here = reportedIn(sentence, spans.get(sentence.ref.id) ?? [], quotes, ctx, verbs);
      for (const f of here) spoke(f, f.start);
      found.push(...here);
      for (const q of bySentence[k]!) {
        // A quotation inside a quotation is the speaker quoting someone: shown only when the text says who.
        const frame = ownFrame(q, sentence.start) ?? (q.nested ? null : continued(q));
        if (frame) { frames.set(q, frame); spoke({ ...frame, human: frame.human ?? true }, q.start); }
      }
    }
    const lastOuter = outer[outer.length - 1];
    openAtEnd = lastOuter && /^[\s"'\u201D\u2019]*$/u.test(p.text.slice(lastOuter.end)) ? frames.get(lastOuter) ?? null : null;

    const usedFrames = new Set<number>();
    for (const [q, frame] of frames) {
      if (frame.verbAt !== null) usedFrames.add(frame.verbAt);
      // The words exactly as quoted; a closing comma belongs to the frame ('"...," she said'), not to them.
      out.push({ kind: "quote", who: frame.who, personId: frame.personId, speakerFrom: frame.from ?? "name", verb: frame.verb, what: q.text.replace(/[,;:]$/u, ""), sentenceId: sentenceAt(q.start).ref.id, paragraph, at: q.start });
    }
    for (const f of found) {
      // The verb that frames a quotation is reported with the quotation, not again as a paraphrase.
      if (usedFrames.has(f.start)) continue;
      if (outer.some((q) => quotable(q) && q.start >= f.whatStart && q.start < f.whatEnd && frames.has(q))) continue;
      out.push({ kind: "reported", who: f.who, personId: f.personId, speakerFrom: f.speakerFrom, verb: f.verb, what: f.what, sentenceId: f.sentenceId, paragraph, at: f.start });
    }
  });
  out.sort((a, b) => a.paragraph - b.paragraph || a.at - b.at);
  // A person speaks under their name, without the titles an entity name may still carry.
  return out.map(({ paragraph: _p, at: _a, ...a }) => (a.personId ? { ...a, who: withoutTitles(a.who) } : a));
}
