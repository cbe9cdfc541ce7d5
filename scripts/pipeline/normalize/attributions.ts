// Who said what: reported speech and claims as who / verb / what, tied to the
// sentence. A reporting verb ("stated", "noted", "argue") finds its speaker to
// the left (a named person or organization, possibly followed by an appositive;
// "he"/"she" for the last person named; "some analysts"), or to the right in
// the inverted form ('"...," said Kim'). "According to X" is the other form.
import type { Attribution } from "../../schema.ts";
import type { NamedSpan, SentenceRef } from "./entities.ts";

const VERBS = "said|says|say|stated|states|state|noted|notes|note|argued|argues|argue|added|adds|told|tells|criticized|criticised|criticizes|emphasized|emphasised|emphasizes|analyzed|analysed|analyzes|reaffirmed|reaffirms|warned|warns|warn|claimed|claims|claim|insisted|insists|insist|explained|explains|suggested|suggests|suggest|announced|announces|acknowledged|acknowledges|admitted|admits|asserted|asserts|confirmed|confirms|declared|declares|denied|denies|stressed|stresses|urged|urges|wrote|writes|clarified|clarifies|reiterated|reiterates|predicted|predicts|predict|speculated|speculates|speculate|believe|believes|believed|contended|contends|contend|maintained|maintains|maintain|observed|observes|concluded|concludes|conclude|estimated|estimates|estimate|expect|expects|expected|fear|fears|feared|countered|counters|alleged|alleges|vowed|vows|pledged|pledges|promised|promises|recalled|recalls|revealed|reveals|complained|complains|accused|accuses|agreed|agrees|agree|stating|saying|adding|noting|arguing|warning|insisting|claiming|suggesting|stressing|emphasizing|explaining";
const VERB_SET = new Set(VERBS.split("|"));
/** Reporting verbs in a sentence, with offsets (a set lookup per word beats one long alternation). */
function findVerbs(text: string): { verb: string; index: number }[] {
  const out: { verb: string; index: number }[] = [];
  for (const m of text.matchAll(/[a-z]{3,}/g)) {
    if (VERB_SET.has(m[0]) && !/[\p{L}\u2019'-]/u.test(text[m.index! - 1] ?? " ") && !/[\p{L}]/u.test(text[m.index! + m[0].length] ?? " ")) out.push({ verb: m[0], index: m.index! });
  }
  return out;
}
const PARTICIPLE = /ing$/;
/** Words allowed between a speaker and the verb: "Kim also stated", "Park further analyzed". */
const ADVERBS = new Set("also|further|later|previously|repeatedly|once|then|has|have|had|recently|publicly|again|did|does|do|firmly|strongly|openly|reportedly|separately|earlier|herself|himself|themselves|still|now|yet|even|only|last|not|bluntly|flatly|explicitly|privately|quickly|immediately|finally|however".split("|"));

/** Where the speaker's words end before a verb: adverbs, spaces and commas skipped. */
function speakerEnd(text: string, verbStart: number): number {
  let end = verbStart;
  for (;;) {
    while (end > 0 && (text[end - 1] === " " || text[end - 1] === ",")) end--;
    const space = text.lastIndexOf(" ", end - 1);
    const word = text.slice(space + 1, end);
    if (!ADVERBS.has(word.toLowerCase())) return end;
    end = space + 1;
  }
}
const GROUP = /(?:^|[\s,])((?:(?:some|many|most|several|other|few|prevailing|the|western|independent|local|senior|government|military|foreign|security|industry|market|legal|political|opposition|health|police|u\.s\.|us|south korean|north korean|chinese|american|russian|japanese|european)\s+){0,2}(?:analysts|experts|officials|observers|critics|sources|assessments|reports|studies|surveys|polls|diplomats|scholars|researchers|economists|lawmakers|residents|witnesses|commentators|investors|scientists|doctors|activists|others|many|some|authorities|police|prosecutors|campaigners|insiders|aides))$/i;
const GROUP_WORDS = new Set("analysts|experts|officials|observers|critics|sources|assessments|reports|studies|surveys|polls|diplomats|scholars|researchers|economists|lawmakers|residents|witnesses|commentators|investors|scientists|doctors|activists|others|many|some|authorities|police|prosecutors|campaigners|insiders|aides".split("|"));
const PRONOUN = /(?:^|[\s,"\u201C])(he|she|He|She)$/;

/** `speakerFrom` unset means the speaker is named ("according to X" included). */
interface Found extends Omit<Attribution, "kind" | "speakerFrom"> { start: number; speakerFrom?: Attribution["speakerFrom"] }

/** A quotation when the words stand between quotation marks in the sentence; reported speech otherwise. */
function kindOf(sentence: string, what: string): Attribution["kind"] {
  const at = sentence.indexOf(what);
  if (at < 0) return "reported";
  const before = sentence.slice(0, at);
  const opens = (before.match(/[\u201C"]/gu) ?? []).length;
  return opens % 2 === 1 ? "quote" : "reported";
}

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

function unquote(text: string): string {
  return cleanWhat(text.replace(/^[\s"'\u201C\u2018]+/u, "").replace(/[\s,"'\u201D\u2019]+$/u, ""));
}

export function extractAttributions(
  sentences: SentenceRef[],
  spans: Map<string, NamedSpan[]>,
): Attribution[] {
  const out: Attribution[] = [];
  let lastPerson: NamedSpan | null = null;
  for (const sentence of sentences) {
    const text = sentence.text;
    const named = spans.get(sentence.id) ?? [];
    const personBefore = (pos: number): NamedSpan | null => {
      const inSentence = named.filter((s) => s.kind === "person" && s.end <= pos);
      return inSentence[inSentence.length - 1] ?? lastPerson;
    };
    const found: Found[] = [];
    const verbs = findVerbs(text);
    verbs.forEach((m, vi) => {
      const verb = m.verb;
      const vStart = m.index;
      const vEnd = vStart + verb.length;
      const leftTrimLength = speakerEnd(text, vStart);
      const leftTail = text.slice(Math.max(0, leftTrimLength - 100), leftTrimLength);
      const commaBefore = /,\s*$/.test(text.slice(Math.max(0, vStart - 40), vStart));

      let who: string | null = null;
      let personId: string | null = null;
      let speakerFrom: Attribution["speakerFrom"] = "name";
      let what: string | null = null;
      // Where the speaker's words start, for '"...," Kim said.' (the words before them are what was said).
      let subjectStart = vStart;
      const span = named.find((s) => s.end === leftTrimLength || s.phraseEnd === leftTrimLength);
      if (PARTICIPLE.test(verb)) {
        // "Kim expressed confidence, stating that ...": the speaker is the clause's subject,
        // a person named earlier in the same sentence, who opens it ("Additionally, Kim ...").
        // "This raises the bar, suggesting ..." has no speaker.
        if (!commaBefore && !span) return;
        const subject = found[found.length - 1] ?? null;
        const p = subject ? null : named.find((s) => s.kind === "person" && s.end <= vStart && /^(?:[\p{L}]+,\s)?$/u.test(text.slice(0, s.start))) ?? null;
        if (subject) { who = subject.who; personId = subject.personId; speakerFrom = subject.speakerFrom ?? "name"; }
        else if (p) { who = p.name; personId = p.id; }
      } else if (span) {
        who = span.name; personId = span.kind === "person" ? span.id : null; subjectStart = span.start;
      } else if (PRONOUN.test(leftTail)) {
        const p = personBefore(vStart);
        if (p) { who = p.name; personId = p.id; speakerFrom = "pronoun"; subjectStart = leftTrimLength - PRONOUN.exec(leftTail)![1]!.length; }
      } else if (/(?:,\s*|\s)(?:and|but)$/.test(leftTail) && found.length > 0) {
        const prev = found[found.length - 1]!;
        who = prev.who; personId = prev.personId; speakerFrom = prev.speakerFrom ?? "name";
      } else if (GROUP_WORDS.has(leftTail.slice(leftTail.lastIndexOf(" ") + 1).toLowerCase()) && GROUP.test(leftTail)) {
        // Keep "some analysts" and "prevailing assessments"; drop a lone determiner.
        const group = GROUP.exec(leftTail)![1]!;
        who = group.replace(/^the\s+/i, "");
        speakerFrom = "group";
        subjectStart = leftTrimLength - group.length;
      } else if (/^(?:said|says|added|told|wrote|warned|noted|stated)$/.test(verb)) {
        // '"...," said Kim.'
        // Titles and role words may stand between: "said council leader Mary Okafor".
        const inverted = named.find((s) => s.start > vEnd && s.start - vEnd < 60 && /^ (?:[\p{L}.-]+ ){0,4}$/u.test(text.slice(vEnd, s.start)) &&
          !/\b(?:that|and|but|to|of|in|on)\b/.test(text.slice(vEnd, s.start)));
        if (inverted) { who = inverted.name; personId = inverted.kind === "person" ? inverted.id : null; what = unquote(text.slice(0, vStart)); }
      }
      if (!who) return;
      if (what === null) {
        // What: to the end of the sentence, or to the next coordinated reporting verb.
        const tail = (n: { index: number }) => text.slice(Math.max(0, n.index - 30), n.index);
        const nextVerb = verbs.slice(vi + 1).find((n) => /,?\s+(?:and|but)\s+(?:\w+\s+)?$/.test(tail(n)) || /,\s+$/.test(tail(n)) && PARTICIPLE.test(n.verb));
        let whatEnd = text.length;
        if (nextVerb) whatEnd = nextVerb.index - (tail(nextVerb).length - tail(nextVerb).replace(/,?\s+(?:and|but)\s+(?:\w+\s+)?$|,\s+$/, "").length);
        what = text.slice(vEnd, whatEnd);
        if (/^(?:told|tells)$/.test(verb)) what = what.replace(/^\s+(?:reporters|journalists|the \w+|\p{Lu}[\p{L}-]*|him|her|them|us|me)(?=\s|,)/u, "");
      }
      let cleaned = cleanWhat(what);
      if (cleaned.split(/\s+/).length < 3) {
        // '"We will not talk," Kim said.': the words before the speaker.
        cleaned = unquote(text.slice(0, subjectStart));
      }
      if (cleaned.split(/\s+/).length < 3) return;
      found.push({ who, personId, speakerFrom, verb, what: cleaned, sentenceId: sentence.id, start: vStart });
    });

    // According to X, ...
    for (const m of text.matchAll(/\b[Aa]ccording to\s+/g)) {
      const from = m.index! + m[0].length;
      const clauseEnd = text.indexOf(",", from);
      const end = clauseEnd < 0 ? text.length : clauseEnd;
      const inClause = named.filter((s) => s.start >= from && s.end <= end);
      // "according to the party's newspaper, Rodong Sinmun, ...": the name after the comma.
      const appositive = clauseEnd < 0 ? undefined : named.find((s) => s.start === clauseEnd + 2 && /^[,.]/.test(text.slice(s.phraseEnd)));
      const source = appositive ?? inClause[inClause.length - 1];
      const sourceEnd = appositive ? appositive.phraseEnd + 1 : end + 1;
      const who = source?.name ?? text.slice(from, end).replace(/^the\s+/i, "").replace(/[.]$/, "").trim();
      const what = m.index! < 3 ? text.slice(sourceEnd) : text.slice(0, m.index!);
      const cleaned = cleanWhat(what);
      if (!who || cleaned.split(/\s+/).length < 3) continue;
      found.push({ who, personId: source?.kind === "person" ? source.id : null, verb: "according to", what: cleaned, sentenceId: sentence.id, start: m.index! });
    }

    found.sort((a, b) => a.start - b.start);
    for (const { start: _start, ...a } of found) out.push({ kind: kindOf(text, a.what), ...a, speakerFrom: a.speakerFrom ?? "name" });
    const people = named.filter((s) => s.kind === "person");
    if (people.length > 0) lastPerson = people[people.length - 1]!;
  }
  return out;
}
