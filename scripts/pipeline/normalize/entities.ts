// People, organizations and places, by rules over capitalized word runs.
// A run is read in this order: a whole place ("New York"), an organization
// (a cue word such as Ltd, Council, Party, University, FC, a club word, "&",
// "of" tails), a title before a name ("U.S. Attorney Andy Luger", "Lord
// Hanningfield": the title becomes the role, the name stays bare), a given
// name first ("Jordan Spieth", not the country), places from the gazetteer,
// acronyms, and last the evidence around a name (a role before it, an
// appositive after it, a reporting verb). Short forms ("Blair", "Mr Blair",
// "FA") are merged into the full name they stand for and kept as aliases. A
// run that no rule claims is left out: a missing person is better than a
// false one.
// Why not compromise: on the gold set it scores lower and costs ~25 times this
// (npm run eval:extract prints both).
import type { Entity, Person } from "../../schema.ts";
import {
  COMMON_CAPITALIZED, DEMONYMS, FAMILY_FIRST_SURNAMES, GIVEN_NAMES, HONORIFICS, KNOWN_ORGS, MAX_PLACE_WORDS, MONTHS,
  NOT_ACRONYMS, ORG_HEADS, ORG_KEYWORDS, ORG_NOUNS, PLACES, ROLE_NOUNS, TITLE_WORDS, TOWN_NEEDS_CUE_BELOW, WEEKDAYS,
  type PlaceEntry,
} from "./gazetteer.ts";
import { claimId, slugify } from "./slug.ts";
import { capitalizedRuns, isUpper, tokenize, type Token } from "./tokens.ts";

export interface SentenceRef {
  id: string;
  text: string;
}

/** Where a person or organization is named in a sentence, for attributions. */
export interface NamedSpan {
  kind: "person" | "org";
  id: string;
  name: string;
  text: string;
  start: number;
  end: number;
  /** End of an appositive that follows the name (", a professor of ..., "), or `end`. */
  phraseEnd: number;
}

export interface EntityResult {
  people: Person[];
  organizations: Entity[];
  places: Entity[];
  /** Named spans per sentence id, in text order. */
  spans: Map<string, NamedSpan[]>;
}

const LAW_WORDS = new Set(["Act", "Treaty", "Accord", "Accords", "Agreement", "Convention", "Protocol", "Doctrine", "Declaration", "Initiative", "Bill", "Amendment", "Law", "Code", "Charter"]);
const EVENT_WORDS = new Set(["Games", "Olympics", "Cup", "War", "Summit", "Festival", "Championship", "Championships", "Open", "Congress", "Awards", "Award", "Prize", "Trophy", "Grand Prix", "Marathon", "Show", "Week", "Day"]);
/** First words of club names ("Real Madrid", "Borussia Dortmund"). */
const CLUB_PREFIXES = new Set(["Real", "Atletico", "Athletic", "Borussia", "Deportivo", "Celta", "Rayo", "Sporting", "Inter", "Olympique", "Dynamo", "Dinamo", "Bayern", "Racing", "AC", "FC", "SC", "AS", "SS", "Paris Saint-Germain"]);
/** Last words of club and team names after a place ("Manchester City", "Glasgow Warriors"). */
const CLUB_SUFFIXES = new Set(["City", "United", "Rovers", "Athletic", "Wanderers", "Albion", "Hotspur", "Warriors", "Blues", "Rugby", "Town", "Villa", "Rangers", "Celtic", "Dragons", "Lions", "Tigers", "Bears", "Giants", "Knights", "Saints", "Sharks", "Bulls", "Stars", "Kings", "Hearts", "Thistle", "Academicals", "Argyle", "Orient", "Forest", "Palace", "Hibernian", "Wednesday", "Olympiacos"]);
/** Title words that end a title before a name even when they are not honorifics ("U.S. Attorney Andy Luger"). */
const TITLE_HEADS = new Set(["MP", "MEP", "MSP", "Supt", "Supt.", "Det", "Insp", "Attorney", "Sheriff", "Superintendent", "Sergeant", "Constable", "Officer", "Detective", "Inspector", "Chief", "Commissioner", "Mayor", "Governor", "Secretary", "Minister", "Director", "Chairman", "Chairwoman", "Coach", "Manager", "Leader", "Spokesman", "Spokeswoman", "Baroness", "Baron", "Viscount", "Earl", "Duke", "Duchess", "Count", "Countess", "Marquess", "Justice", "Judge", "Senator", "Sen.", "Rep.", "Representative", "Congressman", "Congresswoman", "President", "Chancellor", "Premier", "General", "Gen.", "Admiral", "Colonel", "Col.", "Captain", "Capt.", "Lieutenant", "Lt.", "Sgt.", "Major", "Maj.", "Prosecutor", "Ambassador", "Envoy"]);
/** Last words of named places that are not in any gazetteer: "Beaty Street", "River Senne" (first), "Miami Beach". */
const PLACE_FEATURES = new Set(["Street", "Road", "Avenue", "Lane", "Square", "Boulevard", "Drive", "Bay", "Lake", "River", "Island", "Islands", "Beach", "Airport", "Valley", "Mountain", "Mountains", "Hill", "Hills", "Canyon", "Desert", "Forest", "Coast", "Peninsula", "Strait", "Sea", "Ocean", "Gulf", "Heights", "Estate"]);
/** Last words of named structures: not a place by these rules, and never a person ("Kelvin Harbour bridge"). */
const STRUCTURES = new Set(["Bridge", "Harbour", "Harbor", "Park", "Tower", "Stadium", "Arena", "Hall", "Building", "Station", "Palace", "Castle", "Cathedral", "Abbey", "Gardens", "Garden", "Theatre", "Theater", "Prison", "Hotel", "Mall", "Market", "Pier", "Dock", "Docks", "Tunnel", "Dam", "Memorial", "Monument", "Gate", "Green", "Common", "Wharf", "Quay"]);
/** Letters after a name: "Guy Mansfield QC" is Guy Mansfield. */
const POST_NOMINALS = new Set(["QC", "KC", "MP", "MEP", "MSP", "AM", "OBE", "MBE", "CBE", "KBE", "DBE", "Jr", "Jr.", "Sr", "Sr.", "PhD", "MD"]);
/** Capitalized words that are never part of a person's name. */
const NOT_NAMES = new Set(["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Twenty", "Hundred", "Thousand", "Million", "Easter", "Christmas", "Ramadan", "Eid", "Diwali", "Hanukkah", "Thanksgiving", "Halloween", "God", "Internet", "Web", "PC", "PCs", "TV", "Windows", "Mac", "iPhone", "Twitter", "Instagram", "Facebook", "YouTube"]);
/** "analyst at Dresdner Kleinwort Wasserstein", "partner at BDO Stoy Hayward": the name after a role and "at" is where the person works. */
const WORKPLACE_BEFORE = /\b(?:analyst|economist|partner|director|executive|chief|head|spokesman|spokeswoman|spokesperson|officer|manager|researcher|professor|lecturer|chairman|president|founder|worker|employee|consultant|strategist|editor|reporter|correspondent|trader|official|coordinator|adviser|advisor|fellow|boss|staff) (?:at|of|with|for) (?:the )?$/;
/** Capitalized words that qualify a title: "Assistant US Attorney", "Homicide Sergeant", "Shadow Foreign Secretary". */
const TITLE_MODIFIERS = new Set(["Assistant", "Associate", "Acting", "Deputy", "Vice", "Senior", "Junior", "Chief", "Principal", "Special", "District", "County", "City", "State", "Federal", "National", "Shadow", "Former", "Homicide", "Police", "Fire", "Army", "Navy", "Air", "Lance", "Staff", "Master", "Home", "Foreign", "Defence", "Defense", "Health", "Education", "Transport", "Culture", "Sports", "Immigration", "Justice", "Treasury", "Energy", "Environment", "Trade", "Business", "Labour", "Conservative", "Tory", "Democratic", "Republican", "Liberal", "Lib", "Dem", "High", "Supreme", "Lord", "Attorney", "Solicitor", "Surgeon", "Postmaster", "Under", "Permanent", "Executive", "Managing", "Creative", "Artistic", "Technical", "Operating", "Financial", "Medical", "Head", "Team"]);
/** A company noun just before a name: "tobacco firm Philip Morris", "carmaker Ford". */
const ORG_NOUN_BEFORE = /(?:^|[\s(])(?:firm|company|companies|giant|maker|makers|carmaker|automaker|chain|brand|label|insurer|lender|retailer|supermarket|group|conglomerate|newspaper|broadcaster|agency|charity|airline|carrier|bank|club|outfit|publisher|manufacturer|subsidiary|startup|start-up|regulator|watchdog)\s+$/;
/** Honorifics that say nothing of a role ("Mr", "Lord"): not used as one. */
const BARE_HONORIFIC = /^(?:Mr|Mrs|Ms|Mx|Miss|Dr|Sir|Dame|Lord|Lady|Baroness|Baron|Prof)\.?$/;
/** Lower-case words between two capitalized ones that belong to a name ("Nick Van den Brul", "Khaldoon al Mubarak"). */
const NAME_PARTICLES = /^ (?:van|von|den|der|de|da|di|du|del|della|dos|das|al|el|bin|ibn|le|la|ter|ten|van der|van den|de la|von der)(?: |-)$/;
const LOCATIVE_BEFORE = /(?:^|\s)(?:in|at|from|near|outside|to|around|across|into|towards?|via|through|throughout|within)\s+$/i;
/** In a sports article only these keep a city a place: "at Kilmarnock" is the club. */
const SPORT_LOCATIVE_BEFORE = /(?:^|\s)(?:in|from|near|outside|around|across|throughout|within|born in|based in|grew up in|moved to)\s+(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-east|north-west|south-east|south-west)\s+)?$/i;
const REPORTING = /^,?\s*(?:also |further |later |previously |repeatedly |once |then |has |had )?(?:said|says|stated|states|noted|notes|argued|argues|added|adds|told|tells|criticized|criticised|emphasized|emphasised|analyzed|analysed|reaffirmed|warned|claimed|insisted|explained|suggested|announced|acknowledged|admitted|asserted|confirmed|declared|denied|stressed|urged|wrote|writes|clarified|reiterated|expressed|recalled|revealed|vowed|pledged|promised|believes|thinks|was|is|has|had|who|will|would|could)\b/u;
const APPOSITIVE = /^, (?:\p{N}+, )?(?:(?:a|an|the|who is|who was|now|then|formerly) )?([^,.;()]{3,140}?)(?=[,.;]|$)/u;
/** Words in the text that say an article is about sport: then a bare city or country is a team. */
const SPORT_WORDS = /\b(?:football|soccer|rugby|cricket|striker|midfielder|defender|goalkeeper|winger|full-back|centre-back|hooker|premiership|la liga|bundesliga|serie a|champions league|premier league|goals?|scored|fixtures?|squad|relegation|title race|matches|kick-off|penalty|semi-final|quarter-final|play-offs?|caps|tries|six nations|pro12|league|season|coach|manager|match|club|clubs)\b/gi;
/** A town this big is a place on its own even when it is also a given name or a word ("Sydney"). */
const CITY_ON_ITS_OWN = 500000;

/** A run's token; `ampersand` marks the first token of a run joined by "&" ("Standard & Poor's"). */
type RunToken = Token & { ampersand?: boolean };

interface Candidate {
  sentence: SentenceRef;
  order: number;
  tokens: Token[];
  /** Title words stripped from the front ("U.S. Attorney"), or null. */
  title: string | null;
  role: string | null;
  /** The role is only an unlisted word before the name ("hooker"): it never replaces another. */
  weakRole: boolean;
  /**
   * The role is one shared along a list ("senior shadow cabinet members A, B and C"): one the
   * text states of the person alone ("shadow home secretary B") replaces it.
   */
  sharedRole?: boolean;
  kind: "person" | "org" | "place" | "unknown";
  place: PlaceEntry | null;
  phraseEnd: number;
  /** The run is a nickname the article gave this full name ("Sugar Bear" for "Mike Thompson"). */
  nicknameOf?: string;
}

interface Context {
  sentence: SentenceRef;
  text: string;
  /** A sports article: bare cities and countries are clubs and teams. */
  sport: boolean;
  appearsInLowerCase: (word: string) => boolean;
  /** The role before the last name, for the names listed after it ("members A, B and C"). */
  listRole: { role: string; end: number } | null;
  out: Candidate[];
  /** The article's candidate counter, shared by its sentences' contexts (text order). */
  counter: { order: number };
}

// Patterns with Unicode property escapes are module constants: the TypeScript transform turns
// such a literal into `new RegExp(...)` where it stands, so one inside a function was built anew on every call.
/** A gap inside a name that stays as written: a space, a particle, '&', 'and', a hyphen. */
const NAME_GAP = /^(?:['\u2019]s?)?(?: | [\p{Ll}]+(?: [\p{Ll}]+)? | & | and |-)$/u;
/** 'BBC', 'MPs'. */
const CAPITALS_WORD = /^\p{Lu}{2,6}s?$/u;
/** 'U.S.', 'U.N.'. */
const DOTTED_INITIALS = /^(?:\p{Lu}\.){2,4}$/u;
/** 'AT&T', 'M&S'. */
const CAPITALS_WITH_AMPERSAND = /^\p{Lu}[\p{Lu}&]{1,5}$/u;
/** A word of three or more capitals ('SEOUL'). */
const THREE_CAPITALS = /^\p{Lu}{3,}$/u;
/** 'Europe-chasing', 'Glasgow-based'. */
const HYPHENATED_ADJECTIVE = /-\p{Ll}+(?:ing|ed|based|born|led|backed|owned|run|bound|wide)$/u;
/** A single capital letter. */
const ONE_CAPITAL = /^\p{Lu}$/u;
/** How a word of a name starts: a capital and a lower-case letter, an initial, Mc/Mac, a hyphenated capital. */
const NAME_WORD_SHAPE = /^\p{Lu}[\p{Ll}\p{M}'\u2019-]|^\p{Lu}{1,2}$|^Mc\p{Lu}|^Mac\p{Lu}|^\p{Lu}\p{Ll}*-\p{Lu}/u;
/** A lower-case word. */
const LOWER_WORD = /^\p{Ll}[\p{Ll}&-]*$/u;
/** A capitalized possessive ('Council's'). */
const CAPITALIZED_POSSESSIVE = /^\p{Lu}[\p{L}.&-]*['\u2019]s?$/u;
/** A capitalized word. */
const CAPITALIZED_WORD = /^\p{Lu}[\p{L}.&-]*$/u;
/** A word of letters, digits, dots, '&' or hyphens. */
const PLAIN_WORD = /^[\p{L}&\p{N}][\p{L}\p{N}.&-]*$/u;
/** '39-year-old'. */
const AGE_WORD = /^\p{N}+-(?:year|month)-old$/u;
/** 'first-team', '14-time'. */
const HYPHENATED_WORD = /^[\p{L}\p{N}]+-[\p{L}]+$/u;
/** Letters only. */
const LETTERS_ONLY = /^\p{L}+$/u;
/** 'U.S.', 'J.'. */
const INITIALISM = /^(?:\p{Lu}\.)+$/u;
/** An article right before a name. */
const ARTICLE_BEFORE = /(?:^|[^\p{L}])(?:the|a|an|The|A|An)\s+$/u;
/** One or two capitals. */
const ONE_OR_TWO_CAPITALS = /^\p{Lu}{1,2}$/u;
/** A letter. */
const LETTER = /\p{L}/u;

/** '39-year-old ' or 'aged 39 ' opening a phrase. */
const AGE_OPENING = /^(?:\p{N}+-year-old|aged \p{N}+) /u;
/** What 'who is/was' predicates: a determiner phrase, a possessive, 'in charge of'. */
const RELATIVE_PREDICATE = /^(?:(?:a|an|the) (.+)|(\p{Lu}[\p{L}.&-]*['\u2019]s .+)|(in charge of .+))$/u;
/** Words that open a clause, not an appositive. */
const NOT_APPOSITIVE_OPENING = /^(?:who|which|that|said|says|told|tells|added|and|but|or|as|if|when|while|where|according|in|on|at|for|with|he|she|they|it|\p{Ll}+ed)\b/iu;
/** A number. */
const DIGITS_ONLY = /^\p{N}+$/u;
/** ', a ', ', the ', ', one of the ' opening an appositive. */
const DETERMINED_APPOSITIVE = /^, (?:\p{N}+, )?(?:a|an|the|one of the) /u;
/** A 'for'/'with' phrase that describes rather than names. */
const DESCRIBING_FOR_WITH = / (?:for|with) (?!(?:the )?\p{Lu}).*$/u;
/** ' and Y's': the next owner after a title. */
const NEXT_OWNER = / (?:and|or) \p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)*['\u2019]s?$/u;
/** ' of 11 years'. */
const LENGTH_OF_MARRIAGE = / of \p{N}+ (?:years|months)$/u;
/** A head noun before 'of', 'at', 'for'. */
const HEAD_BEFORE_OF = /^(?:the |a |an |his |her |their |its )?((?:[\p{L}-]+ ){0,3}?([\p{Ll}-]+)) (?:of|at|for) /u;
/** Leading characters that are no letters or digits. */
const LEADING_NON_WORD = /^[^\p{L}\p{N}]+/u;
/** Nothing, or one word (and a comma). */
const AT_MOST_ONE_WORD = /^(?:\p{L}+,? )?$/u;
/** ', 24,' after a name. */
const AGE_AFTER_NAME = /^,\s*\p{N}+,/u;
/** Starts with a capital or '&'. */
const STARTS_UPPER_OR_AMPERSAND = /^[\p{Lu}&]/u;
/** An initial, with or without its dot. */
const INITIAL_WORD = /^\p{Lu}\.?$/u;
/** Starts in lower case. */
const STARTS_LOWER = /^\p{Ll}/u;
/** A word of four or more capitals (a dateline's 'SEOUL'). */
const FOUR_CAPITALS = /^\p{Lu}{4,}$/u;
/** 'Conlon's father': an owner's name and the role. */
const OWNER_AND_ROLE = /^(\p{Lu}[\p{L}.-]*(?: \p{Lu}[\p{L}.-]*){0,2})['\u2019]s? (.+)$/u;
/** An acronym of two to seven capitals. */
const ACRONYM_KEY = /^\p{Lu}[\p{Lu}&]{1,6}$/u;

function joinTokens(sentence: string, tokens: Token[]): string {
  return sentence.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end);
}

/** A name as written, except that a gap other than a space, a particle or "&"/"and" (a dropped nickname) becomes one space. */
function nameText(sentence: string, tokens: Token[]): string {
  let out = sentence.slice(tokens[0]!.start, tokens[0]!.end);
  for (let i = 1; i < tokens.length; i++) {
    const gap = sentence.slice(tokens[i - 1]!.end, tokens[i]!.start);
    out += (NAME_GAP.test(gap) ? gap : " ") + sentence.slice(tokens[i]!.start, tokens[i]!.end);
  }
  return out;
}

function isAcronym(word: string): boolean {
  if (NOT_ACRONYMS.has(word) || PLACES.has(word)) return false;
  return CAPITALS_WORD.test(word) || DOTTED_INITIALS.test(word) || CAPITALS_WITH_AMPERSAND.test(word);
}

function titleCase(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}

/** Place names by first word, for a quick miss on most capitalized words. */
const PLACE_FIRST_WORDS = new Set([...PLACES.keys()].map((p) => p.split(" ")[0]!));
/** Every leading part of a place name of several words ("New", "New York"): a longer match is only tried after one. */
const PLACE_PREFIXES = new Set([...PLACES.keys()].flatMap((p) => {
  const words = p.split(" ");
  return words.slice(1).map((_, i) => words.slice(0, i + 1).join(" "));
}));

interface PlaceMatch { entry: PlaceEntry; length: number }

/** ", Arizona": a state, region or country right after a name says the name is a place. */
function followedByRegion(text: string, end: number): boolean {
  if (!text.startsWith(", ", end)) return false;
  const next = /^[\p{Lu}][\p{L}.]*(?: \p{Lu}[\p{L}.]*)?/u.exec(text.slice(end + 2))?.[0] ?? "";
  const entry = PLACES.get(next) ?? PLACES.get(next.split(" ")[0]!);
  return entry !== undefined && entry.kind !== "city";
}

/** Longest gazetteer place at `from` in `tokens`, in words. With `options`, a doubtful town needs a cue. */
function placeAt(tokens: Token[], from: number, options?: { text: string; appearsInLowerCase: (word: string) => boolean }): PlaceMatch | null {
  const first = tokens[from];
  if (!first) return null;
  if (!PLACE_FIRST_WORDS.has(first.text)) {
    // Most words fail here on their second letter ("Kilmarnock"): a char test before the Unicode pattern.
    const second = first.text.charCodeAt(1);
    if (second >= 97 && second <= 122) return null;
    const upper = THREE_CAPITALS.test(first.text) ? PLACES.get(titleCase(first.text)) : undefined;
    return upper && upper.kind !== "city" ? { entry: upper, length: 1 } : null;
  }
  let surface = "";
  let best: PlaceMatch | null = null;
  for (let n = 1; n <= MAX_PLACE_WORDS && from + n <= tokens.length; n++) {
    const t = tokens[from + n - 1]!;
    surface = n === 1 ? t.text : `${surface} ${t.text}`;
    const entry = PLACES.get(surface);
    if (entry) best = { entry, length: n };
    // A possessive ends a name: only the last word of a place may carry one.
    if (t.possessive || !PLACE_PREFIXES.has(surface)) break;
  }
  if (best && best.entry.kind !== "country" && options) {
    const start = tokens[from]!.start;
    const end = tokens[from + best.length - 1]!.outerEnd;
    const cued = LOCATIVE_BEFORE.test(options.text.slice(Math.max(0, start - 12), start)) || followedByRegion(options.text, end);
    // A town needs a cue ("in Dingwall", "Wittmann, Arizona"); so does a city named like a
    // given name or a word the article also writes in lower case ("Michael", "Home").
    const word = best.length === 1 ? tokens[from]!.text : "";
    const doubtful = best.entry.kind === "city" && best.entry.population < TOWN_NEEDS_CUE_BELOW ||
      best.entry.population < CITY_ON_ITS_OWN && word !== "" && (GIVEN_NAMES.has(word) || COMMON_CAPITALIZED.has(word) || options.appearsInLowerCase(word));
    if (doubtful && !cued) return null;
  }
  return best;
}

/** Countries are never part of a person's name; a town or a province may be ("Taylor", "Duarte"). */
function isBigPlace(word: string): boolean {
  const p = PLACES.get(word);
  return p !== undefined && p.kind === "country";
}

function isNameWord(t: Token): boolean {
  const w = t.text;
  // An initial ("W.", "B") or a capitalized word that is not a known non-name.
  if (w.length === 2 && w[1] === ".") return true;
  // "Europe-chasing", "Glasgow-based": an adjective, not a name.
  if (w.includes("-") && HYPHENATED_ADJECTIVE.test(w)) return false;
  if (w.length === 1 && ONE_CAPITAL.test(w)) return true;
  // Months are not excluded: a run is split at a month unless it is a given name ("June Shannon").
  return NAME_WORD_SHAPE.test(w) && !DEMONYMS.has(w) && !ORG_KEYWORDS.has(w) &&
    !WEEKDAYS.has(w) && !COMMON_CAPITALIZED.has(w) && !isBigPlace(w) && !NOT_NAMES.has(w);
}

const ROLE_MODIFIERS = new Set("past|council|board|former|ex|deputy|vice|assistant|acting|interim|senior|junior|chief|new|incoming|outgoing|then|longtime|veteran|retired|late|head|general|foreign|defense|defence|finance|health|home|affairs|prime|shadow|opposition|team|club|party|state|national|regional|local|district|county|city|federal|sports|news|managing|executive|co|founding|lead|principal|associate|reality|famous|fellow|celebrity|tv|television|film|pop|rock|r&b|country|jazz|hip-hop|rap|world|olympic|double|triple|first-team|star|medical|political|legal|economic|science|technology|business|music|fashion|sport|football|rugby|cricket|tennis|golf|boxing|race|racing|chief|aviation|industry|market|security|intelligence|police|homicide|campaign|immigration|transport|education|environment|culture|media|digital|investigative|chief|marketing|sales|financial|operating|technical|creative|artistic|estranged|older|younger|eldest|oldest|youngest|second|third|first|future|would-be|alleged|convicted|suspected|accused|self-styled|so-called|best|close|long-time|lifelong|child|teenage|young|elderly|local|independent|right-back|left-back|centre-back|attacking|defensive|holding|central|contract|goal|european|american|british".split("|"));
const DETERMINERS = /^(?:the|a|an|and|of|to|for|with|by|as|at|in|on|said|says|that|from|his|her|its|their|our|my|your|is|was|are|were|be|been|has|had|have|when|while|who|which|but|or|after|before|said|told|like|including|against|between|than|into|about|over|under|not|also|did|does|will|would|could|can)$/i;

/**
 * Lower-case words that stand before names without naming a role: verbs, prepositions,
 * conjunctions, and the words of picture captions and "Scroll down for video" links.
 */
const NOT_ROLE_HEADS = new Set("the|a|an|and|or|but|nor|of|to|for|with|by|as|at|in|on|from|into|onto|upon|than|that|this|these|those|his|her|its|their|our|my|your|who|whom|whose|which|what|when|while|if|because|so|then|said|says|say|told|tells|tell|met|meets|meet|beat|beats|sees|saw|see|seen|joined|joins|join|became|become|becomes|named|call|called|calls|including|include|includes|like|unlike|featuring|starring|features|feature|is|was|are|were|be|been|being|has|had|have|do|does|did|will|would|can|could|should|may|might|must|not|no|about|after|before|against|between|under|over|during|without|within|behind|alongside|among|amongst|via|per|both|either|neither|whether|also|only|even|just|still|yet|ago|today|yesterday|tomorrow|thanks|thank|sir|dear|hello|hi|left|right|where|how|why|all|some|many|most|few|every|each|any|other|another|such|out|up|down|off|around|near|since|until|till|towards|toward|despite|through|across|beside|besides|beyond|whereas|unless|although|though|whilst|just|ask|asks|let|lets|make|makes|made|get|gets|got|give|gives|gave|take|takes|took|put|puts|keep|keeps|kept|leave|leaves|left|bring|brings|brought|send|sends|sent|want|wants|need|needs|love|loves|hate|hates|know|knows|knew|think|thinks|thought|believe|believes|hope|hopes|play|plays|face|faces|faced|sign|signs|hit|hits|win|wins|won|lose|loses|lost|follow|follows|replace|replaces|succeed|succeeds|back|backs|support|supports|oppose|opposes|visit|visits|urge|urges|ask|asks|praise|praises|accuse|accuses|blame|blames|sue|sues|hire|hires|fire|fires|sack|sacks|appoint|appoints|elect|elects|defeat|defeats|marry|marries|dating|date|dates|interview|interviews|quote|quotes|cite|cites|am|pm|per|cent|percent|years|year|months|days|weeks|times|time|old|new|video|photo|picture|footage|image|gallery".split("|"));

/** `plural`: the head was plural ('members'), a role the names after it share. */
const DASH_OR_LIST_END = /(?:[\u2014\u2013:-]|such as|including)$/u;
/** "(Coaches)" or "Shooter:" right before a name. */
const ROLE_LABEL = /(?:\((\p{Lu}\p{Ll}+)\)|(?:^|\s)(\p{Lu}\p{Ll}+):)$/u;
interface RoleFound { role: string; known: boolean; plural: boolean }

/**
 * Role words just before a name: "North Korean leader", "former coach", "Arsenal defender and
 * vice-captain", "Frankie's mother", "Glasgow hooker". The head is the last word before the name,
 * unless it is a verb or a function word; `known` when it is a listed role noun (then the name is
 * a person's). Also a role before a dash or colon that opens a list ("players at Kilmarnock — X").
 */
function roleBefore(sentence: string, start: number): RoleFound | null {
  if (start < 2 || sentence[start - 1] !== " ") return null;
  let head = sentence.slice(Math.max(0, start - 120), start - 1);
  // "reality star 'Mama' June Harlow": the role stands before the nickname.
  if (/['"\u2019\u201D]$/u.test(head)) head = head.replace(TRAILING_NICKNAME, "");
  // A label: "Shooter: X" opening a caption, "(Coaches) X and Y" inserted in a quotation.
  const label = ROLE_LABEL.exec(head);
  if (label) {
    const word = (label[1] ?? label[2]!).toLowerCase();
    const singular = [word, word.replace(/s$/, ""), word.replace(/es$/, "")].find((w) => ROLE_NOUNS.has(w));
    if (singular) return { role: singular, known: true, plural: singular !== word };
  }
  // "players at Kilmarnock — X, Y": the role is the phrase before the dash, with its "at" tail.
  // Also "past winners of the Booker Prize, such as X, Y and Z", "executives including X".
  // Both patterns end on a dash, a colon, "such as" or "including": most heads end on none of them.
  const dash = !DASH_OR_LIST_END.test(head) ? null : /^(.*?) (?:at|of|for|with) ((?:the )?(?:\p{Ll}+ )?(?:\p{Lu}[\p{L}.&'-]*)(?: \p{Lu}[\p{L}.&'-]*){0,3})(?: ?[\u2014\u2013:-]|,? such as|,? including)$/u.exec(head) ??
    /^(.*?)(?: ?[\u2014\u2013:]|,? such as|,? including)$/u.exec(head);
  let tail = "";
  if (dash) {
    head = dash[1]!;
    tail = dash[2] ? ` ${sentence.slice(Math.max(0, start - 120), start - 1).slice(dash[1]!.length + 1).replace(/(?: ?[\u2014\u2013:-]|,? such as|,? including)$/u, "")}` : "";
    const last = head.split(" ").pop()!.toLowerCase();
    if (!ROLE_NOUNS.has(last) && !ROLE_NOUNS.has(last.replace(/s$/, ""))) return null;
  }
  const words = head.split(" ");
  const raw = words[words.length - 1]!;
  if (!LOWER_WORD.test(raw)) return null;
  const singular = ROLE_NOUNS.has(raw.replace(/s$/, "")) && !ROLE_NOUNS.has(raw) ? raw.replace(/s$/, "") : raw;
  const known = ROLE_NOUNS.has(singular);
  // An unlisted head is a verb after "to" or a modal ("to symbolize Trump").
  // An unlisted head in -s is a plural ("products X, Y") or an adjective ("a nervous X"), not one person's role.
  if (!known && (NOT_ROLE_HEADS.has(raw) || /(?:ly|ed|ing|s)$/.test(raw) || raw.length < 3 ||
      /^(?:to|will|would|can|could|should|may|might|must|did|does|do|not|never|cannot|n't|that|which|who|they|we|you|i)$/i.test(words[words.length - 2] ?? ""))) return null;
  // Modifiers: capitalized words ("North Korean", "Borussia Dortmund", a possessive name that ends
  // the role), known lower-case ones ("former", "deputy"), a role noun joined by "and"; up to five.
  const role = [singular];
  for (let i = words.length - 2; i >= 0 && role.length < 6; i--) {
    const w = words[i]!;
    if (CAPITALIZED_POSSESSIVE.test(w) && !COMMON_CAPITALIZED.has(w.replace(/['\u2019]s?$/u, ""))) {
      // The whole owner's name: "Northfield Council's chief planner", not "Council's chief planner".
      let from = i;
      while (from > 0 && i - from < 3 && CAPITALIZED_WORD.test(words[from - 1]!) && !COMMON_CAPITALIZED.has(words[from - 1]!) && !DETERMINERS.test(words[from - 1]!)) from--;
      role.unshift(...words.slice(from, i + 1));
      break;
    }
    if (w === "and" && i > 0 && ROLE_NOUNS.has(words[i - 1]!.toLowerCase())) { role.unshift(w); continue; }
    if (DETERMINERS.test(w) || !PLAIN_WORD.test(w)) break;
    // "to watch boyfriend X", "will meet coach X": a word after "to" or a modal is a verb, not a modifier.
    if (/^(?:to|will|would|can|could|should|may|might|must)$/i.test(words[i - 1] ?? "")) break;
    if (AGE_WORD.test(w)) break;
    // Before a listed role noun any plain word may qualify it ("shadow cabinet member"); before an
    // unlisted head only known modifiers do.
    const plain = known && !NOT_ROLE_HEADS.has(w) && !/(?:ly|ing|ed)$/.test(w) && w.length > 2 &&
      !/^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|hundreds|thousands|several|both)$/.test(w);
    if (isUpper(w) ? COMMON_CAPITALIZED.has(w) || MONTHS.has(w) || WEEKDAYS.has(w) : !ROLE_MODIFIERS.has(w) && !ROLE_NOUNS.has(w) && !plain && !HYPHENATED_WORD.test(w)) break;
    role.unshift(w);
  }
  return { role: role.join(" ") + tail, known, plural: singular !== raw };
}

const BODY_APPOSITIVE = /^, ((?:\p{Lu}[\p{L}&'\u2019-]* ){1,4}(\p{Lu}[\p{L}-]*))(?:,| said\b| says\b| told\b)/u;

/** A verb right after an appositive's role noun: the phrase is a clause ("the chef filed ..."). */
const APPOSITIVE_VERB = /^(?:has|had|have|is|was|were|are|will|would|can|could|should|must|said|says|told|\p{Ll}{3,}ed)$/u;

/** Roles that only relate a person to another ("her beau", "compatriot"): the first stated, the first to give way. */
const RELATION_ROLE = /(?:^|\s)(?:boyfriend|girlfriend|beau|compatriot|fiance|fiancee|friend|neighbour|neighbor|flatmate|roommate|classmate|teammate|colleague|rival|ally)$/u;

/** Words for any person, with at most a relative clause or a place after them: they describe, they state no role. */
const GENERIC_PERSON = /^(?:\p{Ll}+ )?(?:man|woman|person|boy|girl|guy|lady|gentleman|individual)(?: (?:who|whom|whose|that|from|in|of)\b.*)?$/u;

/** The appositive after a name, when it names a role: ", a professor of ... at ...,". */
function appositiveAfter(sentence: string, end: number): { role: string; end: number; org: boolean } | null {
  if (sentence.charCodeAt(end) !== 44) return null;
  // "X, Blackpool Hotel Association, said": the body a speaker speaks for is the role given.
  const body = BODY_APPOSITIVE.exec(sentence.slice(end, end + 100));
  if (body && ORG_KEYWORDS.has(body[2]!)) return { role: body[1]!, end: end + 2 + body[1]!.length, org: false };
  const m = APPOSITIVE.exec(sentence.slice(end, end + 160));
  if (!m) return null;
  const phrase = m[1]!.trim().replace(AGE_OPENING, "");
  // "X, who was Kellock's best man,", "X, who is in charge of Y": a relative clause with "is"/"was"
  // predicates a role when a determiner, a possessive or "in charge of" follows; "X, who was
  // arrested", "X, who is 45" predicate something else.
  const relative = /^, who (?:is|was) /u.test(m[0]);
  if (relative) {
    const predicate = RELATIVE_PREDICATE.exec(phrase);
    if (!predicate) return null;
    const role = (predicate[1] ?? predicate[2] ?? predicate[3]!).replace(/ (?:who|which|that|whose|where|since|after|when)\b.*$/u, "");
    return role.split(" ").length <= 10 ? { role, end: end + m[0].length, org: false } : null;
  }
  if (NOT_APPOSITIVE_OPENING.test(phrase)) return null;
  if (DIGITS_ONLY.test(phrase)) return null;
  // "X, 45, shot his girlfriend": a clause about someone else, not X's role.
  if (/\b(?:his|her|their|its)\b/u.test(phrase.split(" ").slice(0, 3).join(" ")) && !/^(?:his|her|their)\b/u.test(phrase)) return null;
  const head = phrase.split(" ").slice(0, 6).map((w) => w.toLowerCase().replace(/[\u2019']s$/u, ""));
  const orgIndex = head.findIndex((w) => ORG_NOUNS.has(w));
  const roleIndex = head.findIndex((w) => ROLE_NOUNS.has(w) || ROLE_NOUNS.has(w.replace(/s$/, "")) || TITLE_WORDS.has(w.charAt(0).toUpperCase() + w.slice(1)) && HONORIFICS.has(w.charAt(0).toUpperCase() + w.slice(1)));
  // "X, an obstetrician and gynecologist who believes ...": a determiner-led phrase names a role
  // even when its noun is not listed; the clause after "who" is not part of it.
  const determined = DETERMINED_APPOSITIVE.test(m[0]) && !/^(?:\p{N}|time|day|year|week|month|moment|way|place|case|fact|same|first|last|end|start|rest|number|result|reason|idea|point|one(?! of)|other|latter|former)\b/u.test(phrase) &&
    // "X, a man who does not work there": a word for any person is no role.
    !GENERIC_PERSON.test(phrase);
  if (roleIndex < 0 && orgIndex < 0 && (!determined || phrase.replace(/ (?:who|which|that|whose|where|for|with|since|after|when)\b.*$/u, "").split(" ").length > 6)) return null;
  // "X, the famous chef filed for divorce": a role noun with its verb after it opens a clause, not an appositive.
  if (roleIndex >= 0 && APPOSITIVE_VERB.test(phrase.split(" ")[roleIndex + 1] ?? "")) return null;
  // "X, the team doctor": a role noun anywhere makes X a person; "X, a newspaper" is an organization.
  const org = orgIndex >= 0 && roleIndex < 0;
  // The role ends before a relative clause, or a "for"/"with" phrase that describes the employer
  // rather than naming it ("coordinator for digital civil liberties group X"; "spokesman for X" stays).
  const role = phrase.replace(/ (?:who|which|that|whose|where|since|after|when)\b.*$/u, "").replace(DESCRIBING_FOR_WITH, "");
  return { role, end: end + m[0].length, org };
}

/** "X is among three British authors who ...", "X was a famous chef": a role stated with "is"/"was". */
function copularRole(sentence: string, end: number): string | null {
  const m = /^,? (?:is|was|has been|had been|became|remains|is now|was once) (?:a |an |the |one of (?:the )?|among (?:the )?)(?:(?:\p{N}+|two|three|four|five|six|seven|eight|nine|ten|several|many|few) )?([^,.;:()"\u201C]{3,60}?)(?= who\b| which\b| that\b| to\b| and\b| in\b| on\b| at\b| for\b| from\b| with\b|[,.;:]|$)/u.exec(sentence.slice(end, end + 100));
  if (!m) return null;
  const words = m[1]!.split(" ");
  const last = words[words.length - 1]!.toLowerCase();
  const singular = ROLE_NOUNS.has(last.replace(/s$/, "")) && !ROLE_NOUNS.has(last) ? last.replace(/s$/, "") : last;
  if (!ROLE_NOUNS.has(singular)) return null;
  return [...words.slice(0, -1), singular].join(" ");
}

/** "X will be confirmed as Kilmarnock's permanent manager", "X was appointed as chairman": a role given with "as". */
const AS_ROLE = /^,? (?:(?:will be|was|has been|had been|is|is being|were|is to be|has been formally) )?(?:confirmed|appointed|named|installed|elected|chosen|hired|sworn in|unveiled|reappointed|re-elected) as (?:(?:the|a|an|its|their) )?((?:\p{Lu}[\p{L}.&-]*(?: \p{Lu}[\p{L}.&-]*){0,2}['\u2019]s )?[^,.;:()"\u201C]{3,60}?)(?= on\b| in\b| at\b| for\b| after\b| to\b| until\b| from\b| with\b| and\b|[,.;:]|$)/u;
/** "Peter Marsh (chairman) said": a role noun in brackets after the name; not "(pictured)". */
const BRACKETED_ROLE = /^ \((?:(?:the|a|an) )?((?:[\p{L}&-]+ ){0,3}([\p{Ll}-]+))\)/u;

function asOrBracketedRole(sentence: string, end: number): string | null {
  const m = AS_ROLE.exec(sentence.slice(end, end + 140)) ?? BRACKETED_ROLE.exec(sentence.slice(end, end + 60));
  if (!m) return null;
  const last = m[1]!.split(" ").pop()!.toLowerCase();
  return ROLE_NOUNS.has(last) ? m[1]! : null;
}

/**
 * "X has said he will leave his role as Borussia Dortmund boss": the role the name's own clause
 * gives with "his/her role (job, post) as"; no other name may stand between, whose role it could be.
 */
const OWN_ROLE_AS = /^[^,.;:!?\p{Lu}]{0,80}?\b(?:his|her) (?:role|job|post|position) as (?:the |a |an )?((?:[\p{L}.&'\u2019-]+ ){0,4}?([\p{L}-]+))(?= at\b| for\b| in\b| until\b| when\b| after\b| and\b| to\b| since\b| before\b| on\b|[,.;:]|$)/u;

function ownRoleAs(sentence: string, end: number): string | null {
  const m = OWN_ROLE_AS.exec(sentence.slice(end, end + 160));
  return m && ROLE_NOUNS.has(m[2]!.toLowerCase()) ? m[1]! : null;
}

/** "Robbie Williams' autobiography Feel", "X's new novel, Cloud Atlas": the person wrote the book. */
const WORK_AFTER_POSSESSIVE = /^ (?:(?:new|latest|first|second|debut|last|best-selling|bestselling|acclaimed|award-winning|[\p{L}]+-shortlisted|[\p{L}]+-winning) )?(?:novel|book|autobiography|memoir|memoirs|biography)\b,? ?((?:The |A )?\p{Lu}[\p{L}'\u2019-]*(?: (?:(?:of|the|and|in|on|a|to) )*\p{Lu}[\p{L}'\u2019-]*)*)?/u;

function authorOf(sentence: string, end: number): string | null {
  const m = WORK_AFTER_POSSESSIVE.exec(sentence.slice(end, end + 120));
  if (!m) return null;
  // "X's novel The Salt Road and Y's memoir ...": the title stops before the next owner.
  const title = m[1]?.replace(NEXT_OWNER, "");
  return title ? `author of ${title}` : "author";
}

/** "the film Harbour Lights, starring X": X is a star of the work named before "starring". */
const STARRING = /(?:\b(?:film|movie|drama|series|show|play|musical|sitcom|programme|program) ((?:\p{Lu}[\p{L}'\u2019-]*)(?: (?:\p{Lu}[\p{L}'\u2019-]*|of|the|a|an|in|on|and|to|for))*))?,? starring $/u;

function starring(sentence: string, start: number): string | null {
  if (!sentence.endsWith("starring ", start)) return null;
  const m = STARRING.exec(sentence.slice(Math.max(0, start - 100), start));
  if (!m) return null;
  return m[1] ? `star of ${m[1]}` : "star";
}

/**
 * "His first wife is Debra Ponzek", "one of the ringleaders was believed to be a Russian, Ivan
 * Petrov": a role named before "is"/"was" and the name; a nationality may stand between.
 */
const ROLE_IS_NAME = /(?:^|\s)(?:(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]he|\p{Lu}[\p{L}-]*['\u2019]s) |([Oo]ne of (?:the|his|her|their) ))((?:[\p{Ll}-]+ ){0,3}?([\p{Ll}-]+)) (?:is|was|has been|had been|will be)(?: (?:believed|thought|said|understood|reported|alleged) to be)?(?: an? (\p{Lu}\p{Ll}+),)? $/u;

function roleIsName(sentence: string, start: number): string | null {
  if (!/(?:is|was|been|be|\p{Ll},) $/u.test(sentence.slice(Math.max(0, start - 6), start))) return null;
  const m = ROLE_IS_NAME.exec(sentence.slice(Math.max(0, start - 100), start));
  if (!m || m[4] !== undefined && !DEMONYMS.has(m[4])) return null;
  // "one of the ringleaders": the group's plural noun is a role noun in the singular.
  const head = m[1] ? m[3]!.replace(/s$/, "") : m[3]!;
  return ROLE_NOUNS.has(head) ? `${m[1]?.toLowerCase() ?? ""}${m[2]}` : null;
}

const AGE_BEFORE_NAME = /, (?:\p{N}+-year-old|aged \p{N}+) $/u;

/** "the party's official newspaper, Rodong Sinmun": what the words before ", NAME" (or " - NAME") call it. */
function nounBeforeComma(sentence: string, nameStart: number): { org: boolean; person: boolean; phrase: string } | null {
  // "the leader, 21-year-old Jordan Spieth": an age between the comma and the name.
  const age = AGE_BEFORE_NAME.exec(sentence.slice(Math.max(0, nameStart - 24), nameStart));
  const start = age ? nameStart - age[0].length + 2 : nameStart;
  // "his younger brother - Lee Thompson": a dash sets the name off as a comma does.
  const dash = / [-\u2013\u2014] $/u.test(sentence.slice(Math.max(0, start - 3), start));
  if (!dash && sentence.charCodeAt(start - 2) !== 44) return null;
  const before = sentence.slice(Math.max(0, start - 100), start);
  if (!dash && !before.endsWith(", ")) return null;
  const clause = before.slice(0, dash ? -3 : -2).split(/[,;:]| (?:that|and|but|said|by|to|according to|with) /).pop()!.trim();
  // "her husband of 11 years, Todd Thompson": the length of a marriage is not the head.
  const words = clause.replace(LENGTH_OF_MARRIAGE, "").split(" ");
  const last = (words[words.length - 1] ?? "").toLowerCase();
  // "chairman of the Bar Council, Guy Mansfield": the head is the role noun before "of", not the council.
  const headOf = HEAD_BEFORE_OF.exec(clause);
  // The role starts after the last determiner or verb before its head: "She thanked her husband of 11 years" -> "husband of 11 years".
  const rolePhrase = (head: string) => {
    const all = clause.replace(LEADING_NON_WORD, "").split(" ");
    const at = all.lastIndexOf(head);
    let from = 0;
    for (let k = 0; k < at; k++) if (/^(?:the|a|an|his|her|their|its|thanked|said|told|met|married|joined)$/i.test(all[k]!)) from = k + 1;
    return all.slice(from).join(" ");
  };
  if (headOf && ROLE_NOUNS.has(headOf[2]!)) return { org: false, person: true, phrase: rolePhrase(headOf[2]!) };
  if (ORG_NOUNS.has(last)) return { org: true, person: false, phrase: clause };
  if (ROLE_NOUNS.has(last)) return { org: false, person: true, phrase: rolePhrase(last) };
  // "one of the so-called Guildford Four, Gerry Conlon", "one of the victims, X": membership of a group.
  if (/^one of (?:the|his|her|their) /u.test(clause) && words.length <= 7) return { org: false, person: true, phrase: clause };
  return null;
}

/**
 * Every form a word can take where the text writes it after a space and before a non-letter:
 * each stretch after a space, cut at each character that is not a lower-case or non-ASCII
 * letter ("ex-killie," gives "ex", "ex-killie" and "ex-killie,"). A lower-cased word is in
 * this set exactly when the text has it in lower case as a whole word.
 */
function lowerCaseWordsOf(all: string): Set<string> {
  const out = new Set<string>();
  for (let start = all.indexOf(" "); start >= 0; start = all.indexOf(" ", start)) {
    const from = start + 1;
    let i = from;
    for (; i < all.length; i++) {
      const c = all.charCodeAt(i);
      if (c === 32) break;
      // Curly quotes and dashes (General Punctuation) are no letters: no Unicode test for them.
      if (c >= 97 && c <= 122 || c > 127 && (c < 0x2000 || c > 0x206f) && LETTER.test(all[i]!)) continue;
      if (i > from) out.add(all.slice(from, i));
    }
    if (i > from) out.add(all.slice(from, i));
    start = i;
    if (i >= all.length) break;
  }
  return out;
}

export function extractEntities(sentences: SentenceRef[]): EntityResult {
  // Lower-case words of the article: a capitalized sentence opener that also
  // appears in lower case ("Analysts", "Recognizing") is not a name.
  const all = " " + sentences.map((s) => s.text).join(" ");
  // One pass over the article instead of one scan of it per word asked about.
  const lowerWords = lowerCaseWordsOf(all);
  const appearsInLowerCase = (word: string): boolean => lowerWords.has(word.toLowerCase());
  const sport = (all.match(SPORT_WORDS) ?? []).length >= 4;

  const candidates: Candidate[] = [];
  const counter = { order: 0 };
  const blankedSentences = sentences.map((s) => withoutNicknames(s.text));
  const nicknames = nicknamesOf(sentences, blankedSentences);
  // The nickname's own words ("Uncle", "Poodle"), not the given name or surname a form also holds ("Mama June").
  const nicknameWords = new Set([...nicknames.keys()].flatMap((form) => form.split(" ")));
  for (const name of nicknames.values()) for (const word of name.split(" ")) nicknameWords.delete(word);
  for (const [index, sentence] of sentences.entries()) {
    const text = sentence.text;
    const ctx: Context = { sentence, text, sport, appearsInLowerCase, listRole: null, out: candidates, counter };
    const blanked = blankedSentences[index]!;
    const merged = mergeRuns(text, capitalizedRuns(blanked, tokenize(blanked)));
    const runs = nicknameWords.size > 0 ? merged.flatMap((run) => splitBeforeNickname(run, nicknames, nicknameWords)) : merged;
    let coveredTo = -1;
    for (let run of runs) {
      // An organization's "of" tail already took these words ("Bank of England").
      if (run[0]!.start < coveredTo) continue;
      // "Sugar Bear's home": a nickname the article gave someone is that person.
      const nicknameOf = nicknames.size > 0 && run.length <= 3 ? nicknames.get(run.map((t) => t.text).join(" ")) : undefined;
      if (nicknameOf !== undefined) { pushCandidate(ctx, "person", run, { nicknameOf }); continue; }
      // Sentence openers and quoted openers.
      const first = run[0]!;
      const atStart = /^["'\u201C\u2018(\s-]*$/u.test(text.slice(0, Math.min(first.start, 4))) && first.start <= 4 ||
        /[:"\u201C\u2018(]\s*$/u.test(text.slice(Math.max(0, first.start - 3), first.start));
      // "Prince Edward will ...": an honorific before a name opens a sentence as a title, even in
      // an article that also writes "prince" in lower case.
      const titled = HONORIFICS.has(first.text) && run.length >= 2;
      // "defender Per Mertesacker", "singer Will Lane": mid-sentence, right after a listed role
      // noun, a common word with capitals and a surname after it can only be a given name.
      if (!atStart && COMMON_CAPITALIZED.has(first.text) && run.length >= 2 && run.length <= 3 && !HONORIFICS.has(first.text) &&
          ROLE_NOUNS.has(wordBefore(text, first.start)) && run.slice(1).every(isNameWord)) {
        personCandidate(ctx, run, null, first.start, true);
        continue;
      }
      if (COMMON_CAPITALIZED.has(first.text) && !HONORIFICS.has(first.text) && !TITLE_HEADS.has(first.text) && !placeAt(run, 0, ctx) ||
          atStart && !titled && (/(?:ly|ing)$/.test(first.text) || appearsInLowerCase(first.text)) && !GIVEN_NAMES.has(first.text)) {
        run = run.slice(1);
      }
      const before = candidates.length;
      for (const part of splitAtDates(run)) classifyRun(ctx, part);
      for (const c of candidates.slice(before)) if (c.kind === "org") coveredTo = Math.max(coveredTo, c.tokens[c.tokens.length - 1]!.end);
    }
  }
  roleFromNextSubject(sentences, candidates);
  const result = resolve(candidates, appearsInLowerCase);
  roleFromDescription(sentences, result);
  return result;
}

/**
 * "the Greek sprinter", "the famous chef", "the manager": a definite description built on a
 * listed role noun, standing alone: no name after it, no "of", not a possessive, no comma
 * (", hot young star Jordan Spieth" names whom it means).
 */
// The words are read in a look-ahead, so that "the charges against the Greek sprinter" still finds the second "the".
const DESCRIPTION = /(?<![\p{L}'\u2019])[Tt]he (?=((?:[\p{L}\p{N}-]+ ){0,3}[\p{L}\p{N}-]+))/gu;
const DESCRIPTION_END = /^(?:['\u2019\u2014-]| \p{Lu}| of\b| who\b| whose\b| and\b| or\b|,(?! who\b| which\b))/u;

/**
 * The description in the words that start at `from` after "the": modifiers and the first listed
 * role noun that ends it, or null.
 */
function descriptionIn(text: string, from: number, words: string[]): string | null {
  let end = from - 1;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    end += w.length + 1;
    if (NOT_ROLE_HEADS.has(w) || DETERMINERS.test(w)) return null;
    // "the former Swansea City man": "man" after a capitalized name is one who played or worked there.
    const head = ROLE_NOUNS.has(w) || ORG_MAN.test(w) && k > 0 && isUpper(words[k - 1]!);
    if (head && !DESCRIPTION_END.test(text.slice(end, end + 12))) return text.slice(from, end);
  }
  return null;
}
/** Words for a person that, after a club's or a body's name, say the person belongs there ("the Chelsea man"). */
const ORG_MAN = /^(?:man|woman)$/;
/** A lower-case letter and a space: what stands before a capital "The" that opens a run-on sentence. */
const RUN_ON_BEFORE = /\p{Ll} $/u;
/** ", who cost £10m," between a description that opens a sentence and its verb. */
const RELATIVE_ASIDE = /^, (?:who|whose) [^,;:]{1,80},/u;
/** A name followed by its verb is the subject of the clause: a description later in that clause is someone else. */
const SUBJECT_VERB = /^ (?:has|had|have|is|was|were|are|will|would|could|can|should|may|might|must|did|does|said|says|told|tells|\p{Ll}+(?:ed|es))\b/u;

/**
 * "Kostas Kenteris' lawyer has called for the charges against the Greek sprinter to be
 * dropped": a definite description names a person mentioned earlier in the same sentence, the
 * nearest one the text has given no role. Not the subject of the description's own clause
 * ("X has said the champion ..." is about someone else). Only people without a role get one
 * this way, so a role stated with the name always wins. A sentence before is too far, except
 * for a description that opens its sentence as the subject ("The lawyer added ..."): that one
 * carries on the person the previous sentence opens on; elsewhere a description there as often
 * brings in someone new.
 */
function roleFromDescription(sentences: SentenceRef[], result: EntityResult): void {
  const byId = new Map(result.people.map((p) => [p.id, p]));
  for (let i = 0; i < sentences.length; i++) {
    const text = sentences[i]!.text;
    if (!text.includes("the ") && !text.includes("The ")) continue;
    const here = result.spans.get(sentences[i]!.id) ?? [];
    const previous = i > 0 ? result.spans.get(sentences[i - 1]!.id) ?? [] : [];
    if (!here.some((s) => s.kind === "person") && !(text.startsWith("The ") && previous.some((s) => s.kind === "person"))) continue;
    for (const m of text.matchAll(DESCRIPTION)) {
      const wordsFrom = m.index! + 4;
      const role = descriptionIn(text, wordsFrom, m[1]!.split(" "));
      if (role === null) continue;
      const at = m.index!;
      const afterRole = text.slice(wordsFrom + role.length);
      if (at === 0 && SUBJECT_VERB.test(afterRole.replace(RELATIVE_ASIDE, ""))) {
        // The previous sentence must open on the person, after at most one word ("But X said").
        const prevText = sentences[i - 1]?.text ?? "";
        const subject = previous.find((s) => s.kind === "person" && AT_MOST_ONE_WORD.test(prevText.slice(0, s.start)));
        const person = subject && byId.get(subject.id);
        if (person && person.role === null) person.role = role;
        continue;
      }
      // "... the cheque book The former Leeds man, who ...": a capital "The" after a lower-case word
      // opens a sentence run on without its full stop (a caption): no earlier clause holds it.
      const runOn = at > 0 && text.charCodeAt(at) === 84 && RUN_ON_BEFORE.test(text.slice(Math.max(0, at - 3), at));
      const found = here.filter((s) => s.kind === "person" && s.end <= at).reverse().find((s) => {
        const person = byId.get(s.id);
        if (!person || person.role !== null) return false;
        if (runOn) return true;
        // "X, 24, said": the verb may follow an age.
        const verbAt = s.end + (AGE_AFTER_NAME.exec(text.slice(s.end))?.[0].length ?? 0);
        return !(SUBJECT_VERB.test(text.slice(verbAt)) && !/[,;:]/.test(text.slice(verbAt, at)));
      });
      if (found) byId.get(found.id)!.role = role;
    }
  }
}

/** The lower-case word just before `at` ("defender" in "defender Per Mertesacker"), or "". */
function wordBefore(text: string, at: number): string {
  if (text.charCodeAt(at - 1) !== 32) return "";
  let i = at - 1;
  while (i > 0 && text.charCodeAt(i - 1) >= 97 && text.charCodeAt(i - 1) <= 122) i--;
  return text.slice(i, at - 1);
}

/** "The prime minister was ...", "The Tory leader said ...": a sentence that opens on a role noun. */
const ROLE_SUBJECT = /^The ((?:[\p{L}-]+ ){0,3}?([\p{Ll}-]+)) (?:said|says|was|is|has|had|added|told|insisted|denied|admitted|warned|will|would)\b/u;

/**
 * "Tony Blair has apologised ... The prime minister was commenting ...": when a sentence opens
 * on a person's name and the next opens on "The <role>", the role is that person's (the
 * subject carries on). A weak role: any role the text states with the name wins over it.
 */
function roleFromNextSubject(sentences: SentenceRef[], candidates: Candidate[]): void {
  for (let i = 1; i < sentences.length; i++) {
    const m = ROLE_SUBJECT.exec(sentences[i]!.text);
    if (!m || !ROLE_NOUNS.has(m[2]!)) continue;
    const previous = sentences[i - 1]!;
    const subject = candidates.find((c) => c.sentence === previous && c.kind === "person" && c.tokens[0]!.start - (c.title?.length ?? 0) <= 1);
    if (subject && subject.role === null) { subject.role = m[1]!; subject.weakRole = true; }
  }
}

/**
 * Joins runs that one name spans: "Supreme People's Assembly" (a possessive inside an
 * organization), "Nick Van den Brul" (a particle), "Standard & Poor's" (an ampersand).
 */
function mergeRuns(text: string, allRuns: Token[][]): RunToken[][] {
  const out: RunToken[][] = [];
  const runs = allRuns;
  for (const run of runs) {
    const prev = out[out.length - 1];
    const last = prev?.[prev.length - 1];
    if (prev && last) {
      const gap = text.slice(last.outerEnd, run[0]!.start);
      const orgPossessive = last.possessive && gap === " " && ORG_KEYWORDS.has(run[run.length - 1]!.text) && placeAt(prev, 0)?.length !== prev.length &&
        !GIVEN_NAMES.has(prev[0]!.text) && !FAMILY_FIRST_SURNAMES.has(prev[0]!.text) && !KNOWN_ORGS.has(prev[0]!.text) &&
        !prev.some((t) => ORG_KEYWORDS.has(t.text));
      const particle = !last.possessive && NAME_PARTICLES.test(gap) && isNameWord(run[0]!) && prev.length <= 3;
      const ampersand = !last.possessive && (gap === " & " || gap === " and " && run.length >= 2 && ORG_KEYWORDS.has(run[run.length - 1]!.text) &&
        !prev.some((t) => ORG_KEYWORDS.has(t.text))) && prev.length <= 3 && run.length <= 4;
      if (orgPossessive || particle || ampersand) {
        // An ampersand makes the whole an organization: marked on its first token.
        out[out.length - 1] = ampersand ? [{ ...prev[0]!, ampersand: true }, ...prev.slice(1), ...run] : [...prev, ...run];
        continue;
      }
    }
    out.push(run);
  }
  return out;
}

/** "Mike 'Sugar Bear' Thompson": a quoted nickname between a capitalized name and the next. */
/** What every nickname starts with; a cheap test before NICKNAME's look-behind runs at every position. */
const NICKNAME_OPENING = / ['"\u2018\u201C]\p{Lu}/u;
const NICKNAME = /(?<=\b\p{Lu}\p{Ll}+) ['"\u2018\u201C]\p{Lu}[^'"\u2019\u201D]{0,25}['"\u2019\u201D] (?=\p{Lu}\p{Ll})/gu;
/** "reality star 'Mama' June Harlow": a quoted nickname before a given name and a surname, after a lower-case word or opening the sentence. */
const NICKNAME_BEFORE = /['"\u2018\u201C](?<=(?:^|\p{Ll} ).)\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)?['"\u2019\u201D] (?=\p{Lu}\p{Ll}+ \p{Lu}[\p{L}-]*\p{Ll})/gu;
/** The same two with their parts: the nickname and the name around it or after it. */
const NICKNAME_INSIDE_PARTS = /\b(\p{Lu}\p{Ll}+) ['"\u2018\u201C](\p{Lu}[^'"\u2019\u201D]{0,25})['"\u2019\u201D] (\p{Lu}[\p{L}-]*\p{Ll})/gu;
const NICKNAME_BEFORE_PARTS = /['"\u2018\u201C](?<=(?:^|\p{Ll} ).)(\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)?)['"\u2019\u201D] (\p{Lu}\p{Ll}+) (\p{Lu}[\p{L}-]*\p{Ll})/gu;
/** A quoted nickname at the end of the words before a name: "star 'Mama'". */
const TRAILING_NICKNAME = / ['"\u2018\u201C]\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)?['"\u2019\u201D]$/u;

/**
 * The forms a quoted nickname gives a person, each with the name it stands for: "Mike 'Sugar
 * Bear' Thompson" -> "Sugar Bear", "Bear"; "'Mama' June Harlow" -> "Mama June", "Mama Harlow" (and the
 * nickname alone when it has two words). A later "Sugar Bear's home" is then Mike Thompson's.
 */
function nicknamesOf(sentences: SentenceRef[], blanked: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [i, { text }] of sentences.entries()) {
    // Only a sentence that had a nickname blanked out holds one.
    if (blanked[i] === text) continue;
    for (const m of text.matchAll(NICKNAME_INSIDE_PARTS)) {
      out.set(m[2]!, `${m[1]} ${m[3]}`);
      // "Uncle Poodle" is "Poodle" for short, as a surname stands for a name.
      const last = m[2]!.split(" ").pop()!;
      if (last !== m[2] && !COMMON_CAPITALIZED.has(last) && !HONORIFICS.has(last)) out.set(last, `${m[1]} ${m[3]}`);
    }
    for (const m of text.matchAll(NICKNAME_BEFORE_PARTS)) {
      const full = `${m[2]} ${m[3]}`;
      out.set(`${m[1]} ${m[2]}`, full);
      out.set(`${m[1]} ${m[3]}`, full);
      if (m[1]!.includes(" ")) out.set(m[1]!, full);
    }
  }
  return out;
}
const STARTS_WITH_QUOTED_CAPITAL = /^['"\u2018\u201C]\p{Lu}/u;

/** The sentence with quoted nicknames blanked out (same length, so offsets hold): the name runs on over them. */
function withoutNicknames(text: string): string {
  return NICKNAME_OPENING.test(text) || STARTS_WITH_QUOTED_CAPITAL.test(text)
    ? text.replace(NICKNAME, (m) => " ".repeat(m.length)).replace(NICKNAME_BEFORE, (m) => " ".repeat(m.length))
    : text;
}

/**
 * "his older brother Billy Poodle then says" (a caption run on): a word of a nickname the article
 * gave someone ("Lee 'Uncle Poodle' Thompson") is no surname of the name before it; the run splits there.
 */
function splitBeforeNickname(run: RunToken[], nicknames: Map<string, string>, nicknameWords: Set<string>): RunToken[][] {
  if (run.length < 2 || nicknames.has(run.map((t) => t.text).join(" "))) return [run];
  const at = run.findIndex((t, i) => i > 0 && nicknameWords.has(t.text) && !nicknameWords.has(run[i - 1]!.text));
  return at < 0 ? [run] : [run.slice(0, at), run.slice(at)];
}

/** Months and weekdays are dates, not names: they split a run. */
function splitAtDates(run: Token[]): Token[][] {
  const parts: Token[][] = [];
  let current: Token[] = [];
  for (const [i, t] of run.entries()) {
    // "June Shannon", "January Jones": a month before a name word is a given name.
    const next = run[i + 1];
    const givenName = MONTHS.has(t.text) && LETTERS_ONLY.test(t.text) && next !== undefined && isNameWord(next) && !MONTHS.has(next.text) && !isBigPlace(next.text);
    if (!givenName && (MONTHS.has(t.text) || WEEKDAYS.has(t.text))) { if (current.length) parts.push(current); current = []; }
    else current.push(t);
  }
  if (current.length) parts.push(current);
  return parts;
}

/** A word that can be part of a title before a name: a title word, a place, a demonym, an initialism. */
function isTitleWord(t: Token): boolean {
  return TITLE_WORDS.has(t.text) || TITLE_HEADS.has(t.text) || PLACES.has(t.text) || DEMONYMS.has(t.text) || INITIALISM.test(t.text) ||
    TITLE_MODIFIERS.has(t.text);
}

/** The last title word before a name in a run: "U.S. Attorney Andy Luger" -> 1. */
function titleEnd(run: Token[]): number {
  for (let k = run.length - 2; k >= 0; k--) {
    const w = run[k]!.text;
    if (!TITLE_WORDS.has(w) && !TITLE_HEADS.has(w)) continue;
    if (!HONORIFICS.has(w) && !TITLE_HEADS.has(w)) return -1;
    const name = run.slice(k + 1);
    if (name.length > 4 || !name.every(isNameWord)) return -1;
    return k;
  }
  return -1;
}

/** Records a candidate for the sentence in hand. */
function pushCandidate(ctx: Context, kind: Candidate["kind"], tokens: Token[], extra: Partial<Candidate> = {}): void {
  ctx.out.push({ sentence: ctx.sentence, order: ctx.counter.order++, tokens, title: null, role: null, weakRole: false, kind, place: null, phraseEnd: tokens[tokens.length - 1]!.end, ...extra });
}

/**
 * In a sports article a bare city or country is its club or team ("beat Barcelona"), unless
 * the words before it say where ("in Barcelona").
 */
function pushPlaceCandidate(ctx: Context, tokens: Token[], entry: PlaceEntry): void {
  const start = tokens[0]!.start;
  const team = ctx.sport && (entry.kind !== "region" || entry.population >= TOWN_NEEDS_CUE_BELOW) && tokens.length === 1 && !SPORT_LOCATIVE_BEFORE.test(ctx.text.slice(Math.max(0, start - 30), start));
  // The place stays on the candidate: a team named like a person's surname ("Johnston") is that person.
  pushCandidate(ctx, team ? "org" : "place", tokens, { place: entry });
}

// Helpers are module functions taking the context, not closures made per run: closures made
// on every call showed in the profile (allocation and, under tsx, a name assigned to each).
function classifyRun(ctx: Context, run: Token[]): void {
  if (run.length === 0) return;
  const { text } = ctx;
  if (run[0]!.text === "The" && !placeAt(run, 0)) run = run.slice(1);
  if (run.length === 0) return;
  const last = run[run.length - 1]!;
  if (LAW_WORDS.has(last.text)) return;
  // An event is not an organization, but the place in its name is a place ("Athens Olympics").
  if (EVENT_WORDS.has(last.text) && run.length > 1) {
    const place = placeAt(run, 0, ctx);
    if (place && place.length === run.length - 1) pushCandidate(ctx, "place", run.slice(0, -1), { place: place.entry });
    return;
  }

  // A whole place: "New York", "Tarrant County", "Kansas City".
  const whole = placeAt(run, 0, ctx);
  const wholeRun = run;
  // "Prince Edward", "Lord Hastings": an honorific and one name is a person, even where a place has that name.
  const titledName = run.length === 2 && HONORIFICS.has(run[0]!.text) && whole?.entry.kind !== "country";
  if (whole && whole.length === run.length && !(run[0] as RunToken).ampersand && !titledName) {
    if (run.length === 1 && GIVEN_NAMES.has(run[0]!.text) && ctx.appearsInLowerCase(run[0]!.text)) return;
    pushPlaceCandidate(ctx, run, whole.entry);
    return;
  }
  // "Standard & Poor's", "Langlands & Bell".
  if ((run[0] as RunToken).ampersand) { pushCandidate(ctx, "org", run); return; }
  // Clubs: "Real Madrid", "Manchester City", "Glasgow Warriors".
  if (run.length >= 2 && CLUB_PREFIXES.has(run[0]!.text)) { pushCandidate(ctx, "org", run); return; }
  if (run.length >= 2 && CLUB_SUFFIXES.has(last.text) && placeAt(run, 0)) { pushCandidate(ctx, "org", run); return; }

  // Organizations: a keyword ends the name ("Ewha Womans University", "U.S. Supreme Court"),
  // unless it is part of a place's name ("United States").
  // Places are looked up only in a run that holds a keyword at all (most hold none).
  const inPlace = new Set<number>();
  const hasKeyword = run.some((t) => ORG_KEYWORDS.has(t.text));
  for (let i = 0; hasKeyword && i < run.length; i++) {
    const place = placeAt(run, i);
    if (place && place.length > 1) { for (let k = i; k < i + place.length; k++) inPlace.add(k); i += place.length - 1; }
  }
  const keywordAt = findLastIndex(run, (t, i) => ORG_KEYWORDS.has(t.text) && !inPlace.has(i));
  if (keywordAt >= 0) {
    const orgTokens = run.slice(0, keywordAt + 1);
    const withOf = extendOrgWithOf(text, orgTokens);
    const lone = orgTokens.length === 1 && !KNOWN_ORGS.has(orgTokens[0]!.text) && withOf.tokens === orgTokens;
    const lastWord = orgTokens[orgTokens.length - 1]!.text;
    const isEvent = EVENT_WORDS.has(lastWord) && orgTokens.length > 1 && orgTokens[orgTokens.length - 2]!.text === "Party";
    if (!isEvent && !lone) pushCandidate(ctx, "org", withOf.tokens, { phraseEnd: withOf.end });
    if (keywordAt + 1 < run.length) classifyRun(ctx, run.slice(keywordAt + 1));
    return;
  }
  const headOf = run.length === 1 && ORG_HEADS.has(run[0]!.text) ? extendOrgWithOf(text, run) : null;
  if (headOf && headOf.tokens !== run) { pushCandidate(ctx, "org", headOf.tokens, { phraseEnd: headOf.end }); return; }

  if (run.length >= 3 && POST_NOMINALS.has(last.text) && run.slice(0, -1).every(isNameWord)) run = run.slice(0, -1);
  // Titles in front: "President Donald Trump", "U.S. Attorney Andy Luger", "Lord Hanningfield".
  const k = titleEnd(run);
  if (k >= 0) {
    const name = run.slice(k + 1);
    // "U.S. Attorney", "Maricopa County Sheriff": titles with places; "BBC Mr Howard": "BBC" is not the title's.
    let j = k;
    for (;;) {
      // A place of several words in the title ("New York"), else one title word.
      const len = [4, 3, 2].find((n) => j - n >= 0 && placeAt(run, j - n)?.length === n) ?? (j > 0 && isTitleWord(run[j - 1]!) ? 1 : 0);
      if (len === 0) break;
      j -= len;
    }
    if (j > 0) classifyRun(ctx, run.slice(0, j));
    const titleTokens = run.slice(j, k + 1);
    // "former New York Mayor X", "Alabama Sen. X": the place in the title is a place the text names.
    for (let i = 0; i < titleTokens.length; i++) {
      const place = placeAt(titleTokens, i);
      if (place && place.entry.kind !== "city" || place && place.length > 1) { pushCandidate(ctx, "place", titleTokens.slice(i, i + place.length), { place: place.entry }); i += place.length - 1; }
    }
    personCandidate(ctx, name, joinTokens(text, titleTokens), titleTokens[0]!.start);
    return;
  }

  // Streets, rivers, beaches: "Beaty Street", "River Senne", "Miami Beach".
  if (run.length >= 2 && (PLACE_FEATURES.has(last.text) || run[0]!.text === "River" || run[0]!.text === "Lake" || run[0]!.text === "Mount")) {
    pushCandidate(ctx, "place", run, { place: { name: joinTokens(text, run), kind: "city", population: 0 } });
    return;
  }
  // "hooker Dougie Hall": after a listed role noun a name that ends like a building is a person's.
  if (run.length >= 2 && STRUCTURES.has(last.text) && !ROLE_NOUNS.has(wordBefore(text, run[0]!.start))) return;
  // A given name first: "Jordan Spieth" is a person, "North Korea" is not.
  if (run.length >= 2 && run.length <= 4 && GIVEN_NAMES.has(run[0]!.text) && (placeAt(run, 0)?.length ?? 0) <= 1 &&
      run.slice(1).every(isNameWord)) {
    personCandidate(ctx, run, null, run[0]!.start, true);
    return;
  }
  // Places from the gazetteer, longest first, anywhere in the run.
  for (let i = 0; i < run.length; i++) {
    // At the run's start the answer is `whole`'s, unless the run has been trimmed since.
    const place = i === 0 && run === wholeRun ? whole : placeAt(run, i, ctx);
    if (!place) continue;
    // A town or province inside a longer run of name words is a name's word ("Kanye West", "Ferran Soriano").
    if (place.entry.kind !== "country" && place.length < run.length && run.every(isNameWordOrCity)) break;
    if (i > 0) classifyRun(ctx, run.slice(0, i));
    pushPlaceCandidate(ctx, run.slice(i, i + place.length), place.entry);
    classifyRun(ctx, run.slice(i + place.length));
    return;
  }
  if (run.length === 1 && (KNOWN_ORGS.has(run[0]!.text) || isAcronym(run[0]!.text))) { pushCandidate(ctx, "org", run); return; }
  if (run.some((t) => KNOWN_ORGS.has(t.text))) {
    const i = run.findIndex((t) => KNOWN_ORGS.has(t.text));
    if (i > 0) classifyRun(ctx, run.slice(0, i));
    pushCandidate(ctx, "org", [run[i]!]);
    classifyRun(ctx, run.slice(i + 1));
    return;
  }
  // "in Wittmann, Arizona": a name the gazetteer lacks, placed by the region after it.
  const start = run[0]!.start;
  if (run.length <= 3 && LOCATIVE_BEFORE.test(text.slice(Math.max(0, start - 12), start)) && followedByRegion(text, last.outerEnd)) {
    const name = joinTokens(text, run);
    pushCandidate(ctx, "place", run, { place: { name, kind: "city", population: 0 } });
    return;
  }
  personCandidate(ctx, run, null, run[0]!.start);
}

function isNameWordOrCity(t: Token): boolean {
  return isNameWord(t) || PLACES.get(t.text)?.kind === "city";
}

/** A name with no cue inside the run: the words around it decide. */
function personCandidate(ctx: Context, name: Token[], title: string | null, outerStart: number, givenFirst = false): void {
  const { text } = ctx;
  if (!name.every((t, i) => isNameWord(t) || givenFirst && i === 0) || name.length > 4 || name.every((t) => TITLE_WORDS.has(t.text) || TITLE_HEADS.has(t.text))) return;
  if (title === null && WORKPLACE_BEFORE.test(text.slice(Math.max(0, outerStart - 40), outerStart))) { pushCandidate(ctx, "org", name); return; }
  // "tobacco firm Philip Morris": a company noun right before the name makes it the company's.
  if (title === null && ORG_NOUN_BEFORE.test(text.slice(Math.max(0, outerStart - 24), outerStart))) { pushCandidate(ctx, "org", name); return; }
  const lastToken = name[name.length - 1]!;
  const end = lastToken.end;
  const after = text.slice(lastToken.outerEnd);
  const appositive = lastToken.possessive ? null : appositiveAfter(text, lastToken.outerEnd);
  const before = nounBeforeComma(text, outerStart);
  if (title === null && (before?.org || appositive?.org)) { pushCandidate(ctx, "org", name, { phraseEnd: appositive?.end ?? end }); return; }
  const titleRole = title && !BARE_HONORIFIC.test(title) ? title.replace(/^(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady)\.? /, "") : null;
  // A plural role before one name that no list follows is not that person's ("assessed by
  // veterinary experts Koepke had been ...": a caption run into the next sentence).
  const before0 = roleBefore(text, outerStart);
  const prefix = before0?.plural && !LIST_FOLLOWS.test(text.slice(lastToken.outerEnd, lastToken.outerEnd + 8)) ? null : before0;
  // A list shares the role before its first name: "senior shadow cabinet members A, B and C".
  const listed = ctx.listRole && /^(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)$/.test(text.slice(ctx.listRole.end, outerStart)) ? ctx.listRole.role : null;
  // A listed role noun before the name beats a title; an unlisted word before it ("hooker") does not.
  const stated = appositive ? null : lastToken.possessive ? authorOf(text, lastToken.outerEnd) :
    copularRole(text, lastToken.outerEnd) ?? asOrBracketedRole(text, lastToken.outerEnd) ?? roleIsName(text, outerStart) ?? ownRoleAs(text, lastToken.outerEnd) ??
    starring(text, outerStart);
  const role = appositive?.role ?? before?.phrase ?? (prefix?.known ? prefix.role : null) ?? listed ?? stated ?? titleRole ?? prefix?.role ?? null;
  const personLike = title !== null || givenFirst || appositive !== null || before !== null || prefix?.known === true || listed !== null ||
    name.length >= 2 && (FAMILY_FIRST_SURNAMES.has(name[0]!.text) || REPORTING.test(after));
  // No evidence at all: a two- or three-word name whose words the article never writes in lower
  // case and the gazetteer does not know ("Salman Rushdie, JM Coetzee and Kazuo Ishiguro").
  // A name after "the" is a thing's ("the Nou Camp", "the Golden Globes").
  const afterArticle = ARTICLE_BEFORE.test(text.slice(Math.max(0, outerStart - 5), outerStart));
  const nameShaped = !afterArticle && name.length >= 2 && name.length <= 3 && name.every((t) => !PLACES.has(t.text) && !ctx.appearsInLowerCase(t.text) && !isAcronym(t.text) || ONE_OR_TWO_CAPITALS.test(t.text)) &&
    !ONE_OR_TWO_CAPITALS.test(lastToken.text);
  // "R&B singer Usher", "midfielder Isco": one word right after a listed role noun is a person
  // known by one name, unless it is an initialism, a given name (that person's first name) or a
  // word the article also writes in lower case.
  // "the singer, Pink,": the role noun before the comma does the same.
  const oneName = name.length === 1 && title === null && (prefix?.known === true && !prefix.plural && role === prefix.role || before?.person === true && role === before.phrase) &&
    !isAcronym(lastToken.text) && !GIVEN_NAMES.has(lastToken.text) && !ctx.appearsInLowerCase(lastToken.text);
  // "Port Alder will vote": a name that opens with a word for a kind of place is no person, whatever follows it.
  const placeShaped = title === null && GEOGRAPHIC_HEAD.test(name[0]!.text);
  const kind = !placeShaped && ((personLike || nameShaped) && (name.length >= 2 || title !== null) || oneName) ? "person" : "unknown";
  const sharedRole = role !== null && appositive === null && before === null && (role === listed && !prefix?.known || role === prefix?.role && prefix.known && prefix.plural);
  pushCandidate(ctx, kind, name, { title, role, weakRole: role !== null && role === prefix?.role && !prefix.known, sharedRole, phraseEnd: appositive?.end ?? end });
  // Only a listed role noun is shared along a list: "products Alan Hartley, ..." shares nothing.
  // "skipper Kellock and Hall": a singular role is the first name's alone.
  ctx.listRole = (prefix?.known && prefix.plural || listed) && !appositive ? { role: prefix?.known && prefix.plural ? prefix.role : listed!, end: lastToken.outerEnd } : null;
}

/** Another name after this one, in a list: ", B", " and B", " & B". */
const LIST_FOLLOWS = /^(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)\p{Lu}/u;

/** A name that opens with a word for a kind of place ("Port Alder", "Mount Keller") names a place, not a person. */
const GEOGRAPHIC_HEAD = /^(?:Port|Fort|Mount|Mt|Lake|Loch|Lough|Cape|Glen|Isle|Bay|Point|River)$/u;

function findLastIndex<T>(list: T[], test: (x: T, i: number) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!, i)) return i;
  return -1;
}

/** "Ministry of Foreign Affairs": extends an organization over "of"/"for" and a capitalized tail. */
function extendOrgWithOf(text: string, tokens: Token[]): { tokens: Token[]; end: number } {
  const last = tokens[tokens.length - 1]!;
  const end = last.end;
  if (!ORG_HEADS.has(last.text) && !ORG_KEYWORDS.has(last.text) || last.possessive) return { tokens, end };
  const m = /^ (?:of|for|on) (?:the )?((?:\p{Lu}[\p{L}\p{M}'\u2019-]*)(?: (?:and |of |for |& )?\p{Lu}[\p{L}\p{M}'\u2019-]*)*)/u.exec(text.slice(end, end + 120));
  if (!m) return { tokens, end };
  const offset = end + m[0].length - m[1]!.length;
  let tail = tokenize(m[1]!).map((t) => ({ ...t, start: t.start + offset, end: t.end + offset, outerEnd: t.outerEnd + offset }));
  // A date is not part of the name: "Court of Appeal on Tuesday".
  const dateAt = tail.findIndex((t) => MONTHS.has(t.text) || WEEKDAYS.has(t.text));
  if (dateAt >= 0) tail = tail.slice(0, dateAt);
  // A possessive ends the name: "Collective of Prostitutes' rights".
  const possessiveAt = tail.findIndex((t) => t.possessive);
  if (possessiveAt >= 0) tail = tail.slice(0, possessiveAt + 1);
  const lastTail = tail[tail.length - 1];
  if (!lastTail) return { tokens, end };
  return { tokens: [...tokens, lastTail], end: lastTail.end };
}

/** The other forms the text used for an entity, in order of first use. */
function aliasesOf(entity: Pick<Entity, "name" | "mentions">): string[] {
  return [...new Set(entity.mentions.map((m) => m.text))].filter((text) => text !== entity.name);
}

/** "O’Toole" and "O'Toole" are one name. */
function foldApostrophes(name: string): string {
  return name.replace(/\u2019/g, "'");
}

/** Initials of an organization's name, for its acronym: "Football Association" -> "FA". */
function initialsOf(name: string): string {
  return name.split(/[\s-]+/).filter((w) => STARTS_UPPER_OR_AMPERSAND.test(w) && !/^(?:The|Of|And|For)$/.test(w)).map((w) => w[0]).join("");
}

interface PersonBuild { person: Person; firstOrder: number; roleFromTitle: boolean; weakRole: boolean; sharedRole: boolean; keys: string[]; given: string }
interface EntityBuild { entity: Entity; firstOrder: number; forms: string[] }

/** Merges candidates into people, organizations and places, short forms into full names. */
function resolve(candidates: Candidate[], appearsInLowerCase: (word: string) => boolean): EntityResult {
  const people = new Map<string, PersonBuild>();
  const byKey = new Map<string, PersonBuild[]>();
  const orgs = new Map<string, EntityBuild>();
  const places = new Map<string, EntityBuild>();
  const spans = new Map<string, NamedSpan[]>();
  const ids = new Set<string>();
  const uniqueId = (name: string, prefix: string) => claimId(ids, slugify(name) || prefix);
  // People are named over a dropped nickname; organizations and places exactly as written.
  // A person's written name is asked for several times per candidate: built once each.
  const personNames = new Map<Candidate, string>();
  const surface = (c: Candidate) => {
    if (c.kind !== "person" && c.kind !== "unknown") return joinTokens(c.sentence.text, c.tokens);
    let name = personNames.get(c);
    if (name === undefined) personNames.set(c, (name = nameText(c.sentence.text, c.tokens)));
    return name;
  };
  const addSpan = (c: Candidate, kind: NamedSpan["kind"], id: string, name: string) => {
    const list = spans.get(c.sentence.id) ?? [];
    list.push({ kind, id, name, text: surface(c), start: c.tokens[0]!.start, end: c.tokens[c.tokens.length - 1]!.end, phraseEnd: c.phraseEnd });
    spans.set(c.sentence.id, list);
  };
  // A person's mention keeps an honorific title ("Mr Blair", "Lord Hanningfield", "Prince Edward"): that is the form used.
  const mention = (c: Candidate) => {
    const titleWords = c.title?.split(" ") ?? [];
    const honorific = titleWords.length > 0 && titleWords.length <= 2 && titleWords.every((w) => HONORIFICS.has(w) || TITLE_HEADS.has(w));
    const text = honorific ? `${c.title} ${surface(c)}` : surface(c);
    return { text, sentenceId: c.sentence.id };
  };
  const addPerson = (name: string, c: Candidate) => {
    const words = name.split(" ").filter((w) => !INITIAL_WORD.test(w) && !STARTS_LOWER.test(w));
    const build: PersonBuild = { person: { id: uniqueId(name, "person"), name, aliases: [], role: null, mentions: [] }, firstOrder: c.order, roleFromTitle: false, weakRole: false, sharedRole: false, keys: [], given: words[0] ?? name };
    people.set(name, build);
    people.set(foldApostrophes(name), build);
    // A short form is the family name: first word for family-first names, else the last
    // (and the last two for "Van den Brul"-like names).
    const keys = new Set([words[0]!, words[words.length - 1]!]);
    if (!FAMILY_FIRST_SURNAMES.has(words[0]!) && words.length > 1) keys.delete(words[0]!);
    const tokens = name.split(" ");
    if (tokens.length >= 3) keys.add(tokens.slice(1).join(" "));
    build.keys = [...keys];
    for (const k of keys) byKey.set(k, [...(byKey.get(k) ?? []), build]);
    return build;
  };
  const mentionPerson = (build: PersonBuild, c: Candidate) => {
    build.person.mentions.push(mention(c));
    const titleRole = c.title && !BARE_HONORIFIC.test(c.title) ? c.title : null;
    // A role the text states beats a title, which beats a bare word before the name ("nervous").
    // A relation to someone ("boyfriend", "compatriot") gives way to what the person is or does.
    const relationHeld = build.person.role !== null && !build.roleFromTitle && RELATION_ROLE.test(build.person.role);
    if (c.role && c.role !== titleRole && (build.person.role === null || (build.roleFromTitle || build.weakRole) && !c.weakRole || build.sharedRole && !c.sharedRole && !c.weakRole ||
        relationHeld && !c.weakRole && !c.sharedRole && !RELATION_ROLE.test(c.role))) {
      build.person.role = c.role; build.roleFromTitle = false; build.weakRole = c.weakRole; build.sharedRole = c.sharedRole === true;
    }
    else if (titleRole && (build.person.role === null || build.weakRole || build.sharedRole)) { build.person.role = titleRole; build.roleFromTitle = true; build.weakRole = false; build.sharedRole = false; }
    addSpan(c, "person", build.person.id, build.person.name);
  };
  const addEntity = (map: Map<string, EntityBuild>, key: string, c: Candidate, prefix: string) => {
    let e = map.get(key);
    // A dateline's capitals ("SEOUL") name the place as the gazetteer writes it.
    const written = surface(c);
    const form = c.place && FOUR_CAPITALS.test(written) ? c.place.name : written;
    if (!e) { e = { entity: { id: uniqueId(form, prefix), name: form, aliases: [], mentions: [] }, firstOrder: c.order, forms: [] }; map.set(key, e); }
    e.entity.mentions.push({ text: form, sentenceId: c.sentence.id });
    if (!e.forms.includes(form)) e.forms.push(form);
    return e;
  };

  // A name the text once calls an organization ("firm Philip Morris") is that organization throughout.
  const orgNames = new Set(candidates.filter((c) => c.kind === "org").map((c) => orgKey(surface(c))));
  for (const c of candidates) {
    if ((c.kind === "person" || c.kind === "unknown") && c.title === null && orgNames.has(orgKey(surface(c)))) c.kind = "org";
  }
  // Full names first, so that a short form anywhere can find its person.
  for (const c of candidates) {
    if (c.kind !== "person" || c.tokens.length < 2 || c.nicknameOf !== undefined) continue;
    const name = surface(c);
    if (!people.has(name) && !people.has(foldApostrophes(name))) addPerson(name, c);
  }
  const lastMentioned = new Map<PersonBuild, number>();
  const shortFormOf = (c: Candidate): PersonBuild | undefined => {
    if (c.tokens.length > 2) return undefined;
    const text = surface(c);
    const matches = byKey.get(text) ?? byKey.get(c.tokens[c.tokens.length - 1]!.text) ?? (c.tokens.length === 1 ? undefined : byKey.get(c.tokens[0]!.text)) ?? [];
    const build = matches.slice().sort((a, b) => (lastMentioned.get(b) ?? b.firstOrder) - (lastMentioned.get(a) ?? a.firstOrder))[0];
    if (build && c.tokens.length === 2 && !build.keys.includes(c.tokens[0]!.text) && !build.person.name.includes(text)) return undefined;
    return build;
  };
  // A lone given name ("Lucy") is the person of that first name, or a person of its own.
  const byGiven = (word: string) => [...new Set(people.values())].filter((p) => p.given === word);
  for (const c of candidates) {
    const name = surface(c);
    if (c.kind === "place" && !(c.tokens.length === 1 && c.place?.kind === "city" && byKey.has(name))) {
      addEntity(places, c.place!.name, c, "place");
      continue;
    }
    if (c.kind === "org" && c.place && c.tokens.length === 1 && byKey.has(name)) {
      const build = shortFormOf(c);
      if (build) { mentionPerson(build, { ...c, kind: "person" }); lastMentioned.set(build, c.order); continue; }
    }
    if (c.kind === "org") {
      const e = addEntity(orgs, orgKey(name), c, "org");
      addSpan(c, "org", e.entity.id, e.entity.name);
      continue;
    }
    if (c.nicknameOf !== undefined) {
      const owner = people.get(c.nicknameOf);
      if (owner) { mentionPerson(owner, c); lastMentioned.set(owner, c.order); }
      continue;
    }
    let build = people.get(name) ?? people.get(foldApostrophes(name)) ?? shortFormOf(c);
    // A lone given name is a person only with a role that says so ("his daughter Sophie").
    if (!build && c.tokens.length === 1 && GIVEN_NAMES.has(name) && !appearsInLowerCase(name) && c.role !== null && !c.weakRole) {
      const owners = byGiven(name);
      build = owners.length === 1 ? owners[0] : owners.length === 0 ? addPerson(name, c) : undefined;
    }
    // "Sir Joshua" after "Joshua Reynolds": a titled given name is the one person of that first name.
    if (!build && c.title !== null && c.tokens.length === 1) {
      const owners = byGiven(name);
      if (owners.length === 1) build = owners[0];
    }
    if (!build && c.kind === "unknown" && c.title !== null && c.tokens.length <= 2) build = addPerson(name, c);
    if (!build && c.kind === "person") build = addPerson(name, c);
    if (!build) continue;
    mentionPerson(build, c);
    lastMentioned.set(build, c.order);
  }
  mergeAcronyms(orgs);

  const byFirst = <T extends { firstOrder: number }>(a: T, b: T) => a.firstOrder - b.firstOrder;
  // An organization or place is named by the fullest form used ("United States" over "U.S.").
  for (const e of [...orgs.values(), ...places.values()]) {
    e.entity.name = e.forms.reduce((best, f) => (f.length > best.length ? f : best), e.entity.name);
  }
  for (const e of [...[...new Set(people.values())].map((p) => p.person), ...[...orgs.values(), ...places.values()].map((o) => o.entity)]) {
    e.aliases = aliasesOf(e);
  }
  const found = [...new Set(people.values())].map((p) => p.person);
  for (const person of found) if (person.role) person.role = ownerSpelledOut(person.role, person, found);
  return {
    people: [...new Set(people.values())].filter((p) => p.person.mentions.length > 0).sort(byFirst).map((p) => p.person),
    organizations: [...orgs.values()].sort(byFirst).map((o) => o.entity),
    places: [...places.values()].sort(byFirst).map((p) => p.entity),
    spans,
  };
}

/**
 * "Conlon's father" -> "father of Gerry Conlon": a role that hangs on another person of the
 * article (its name, an alias or its surname) names that person in full, so the reader need not
 * know which Conlon. A possessive
 * that is not one person's short form (an organization, two Conlons) stays as written.
 */
function ownerSpelledOut(role: string, self: Person, people: Person[]): string {
  const m = OWNER_AND_ROLE.exec(role);
  if (!m) return role;
  const owners = people.filter((p) => p !== self && (p.name === m[1] || p.aliases.includes(m[1]!) || p.name.split(" ").pop() === m[1]));
  return owners.length === 1 ? `${m[2]} of ${owners[0]!.name}` : role;
}

/** Party names the British press uses for one another ("Tories" for the Conservatives). */
const SAME_PARTY: Record<string, string> = { Tories: "Conservatives", Tory: "Conservatives", "Conservative Party": "Conservatives", "Liberal Democrats": "Lib Dems", "Lib Dem": "Lib Dems", "Labour Party": "Labour" };

/** The form an organization's name reduces to for merging: no "The", no trailing "Party", singular. */
function orgKey(name: string): string {
  const bare = name.replace(/^The /, "");
  return SAME_PARTY[bare] ?? bare;
}

/**
 * "FA" and "Football Association", "Evening Chronicle" and "Newcastle Evening Chronicle", "Labour" and
 * "Labour Party", "Tories" and "Conservatives" are one organization: the short form's mentions join the full name's.
 */
function mergeAcronyms(orgs: Map<string, EntityBuild>): void {
  for (const [key, short] of [...orgs]) {
    const acronym = key.replace(/s$/, "");
    const isAcronymKey = ACRONYM_KEY.test(acronym);
    const words = key.split(" ");
    const full = [...orgs.values()].find((o) => o !== short && o.forms.some((f) => {
      if (isAcronymKey) return f.includes(" ") && initialsOf(f) === acronym;
      // A city's team and its club's full name: "Glasgow" and "Glasgow Warriors".
      if (words.length === 1 && f.startsWith(`${key} `) && CLUB_SUFFIXES.has(f.slice(key.length + 1))) return true;
      // A shorter name that ends the longer one, unless it is only a generic word ("League").
      if (f.length <= key.length || !f.endsWith(` ${key}`)) return false;
      return words.length > 1 || !ORG_KEYWORDS.has(key) && !CLUB_SUFFIXES.has(key);
    }));
    if (!full) continue;
    full.entity.mentions.push(...short.entity.mentions);
    full.forms.push(...short.forms.filter((f) => !full.forms.includes(f)));
    full.firstOrder = Math.min(full.firstOrder, short.firstOrder);
    orgs.delete(key);
  }
}
