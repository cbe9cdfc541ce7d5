// Sentence compression: a summary has few words to spend, and news sentences
// carry parts a reader can lose without losing the point or the grammar. Each
// rule cuts only something whose removal leaves a complete sentence:
//  - an opening connective ("However,", "Yet,"): it leans on a sentence the
//    summary may not keep (cohesion.ts);
//  - a descriptive appositive after the opening name ("Kim Jong Un, the
//    General Secretary of ..., reiterated") when the article's who's who keeps
//    that role for the person;
//  - a trailing participial clause after a comma (", leaving the door open for
//    dialogue.", ", suggesting that ..."): an elaboration of the main clause,
//    which stands on its own.
// Quotations are never cut into, and attributions ("according to ...") stay:
// they say whose claim the sentence is.
import type { Person } from "../../schema.ts";
import { dropLeadingConnective, dropOpeningAppositive } from "./cohesion.ts";
import { countWords } from "./words.ts";

/** Words ending in -ing that are not participles, or that carry who said it. */
const NOT_PARTICIPLE = new Set(
  "according during something nothing anything everything morning evening thing king spring string building wedding ceiling weightlifting".split(" "),
);
const TRAILING_CLAUSE = /,\s+(\p{Ll}{3,}ing)\s[^,;:"“”‘’()]*?([.!?])$/u;
const SUBORDINATE_OPENING = /^[‘“'"(]?(?:if|even if|when|whenever|while|although|though|even though|because|as|since|unless|until|after|before|once|whether|where|wherever)\b/iu;
/** The main clause must keep this many words, the cut clause must have at least this many. */
const MIN_KEPT = 8;
const MIN_CUT = 3;

/** ", leaving the door open for dialogue." -> "." when the rest stands alone. */
export function dropTrailingParticiple(text: string): string {
  const m = TRAILING_CLAUSE.exec(text);
  if (!m || NOT_PARTICIPLE.has(m[1]!)) return text;
  const kept = text.slice(0, m.index);
  // An open quotation or bracket in the kept part would be left unclosed; after
  // an opening subordinate clause ("Even if X, defining Y is hard") the -ing
  // word starts the main clause, not an elaboration.
  if (countWords(kept) < MIN_KEPT || countWords(m[0]) < MIN_CUT || unbalanced(kept) || SUBORDINATE_OPENING.test(kept)) return text;
  return kept + m[2]!;
}

function unbalanced(text: string): boolean {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  return count(/“/g) !== count(/”/g) || count(/\(/g) !== count(/\)/g) || count(/"/g) % 2 === 1;
}

/** The opening name, if the sentence opens with one of the article's people. */
function openingPerson(text: string, people: readonly Person[]): Person | undefined {
  return people.find((p) => text.startsWith(p.name + ",") || p.mentions.some((m) => /\s/.test(m.text) && text.startsWith(m.text + ",")));
}

/**
 * The sentence with what it can lose cut off; `people` are the article's (for
 * who has a role on record). `trailing: false` keeps a trailing clause, for
 * the selection to weigh what the clause adds against its words.
 */
export function compressSentence(text: string, people: readonly Person[], { trailing = true } = {}): string {
  let out = dropLeadingConnective(text);
  const cut = dropOpeningAppositive(out);
  if (cut !== out && openingPerson(out, people)?.role) out = cut;
  return trailing ? dropTrailingParticiple(out) : out;
}
