// Dates in the text, resolved with luxon against the publication date in the
// article's zone: "February 20 and 21", "Last September", "March 31 to April 2",
// "15 December, 1953", "2022", "the 1990s", "on Friday", "in March". Each becomes
// an ISO interval with a precision, tied to its sentence. A bare weekday, month
// or day of a month is placed by the tense of its clause (tense.ts): before
// publication when it speaks of the past, after it when it speaks of the future.
// What cannot be placed stays text (a week, a season, "a year earlier", "about a
// month from now", Radio 4's "Today"): no date is better than a wrong one.
import { DateTime } from "luxon";
import type { ResolvedDate } from "../../schema.ts";
import type { SentenceRef } from "./entities.ts";
import { tenseAround, wordsOf, type Tense, type Word } from "./tense.ts";

type Precision = ResolvedDate["precision"];
interface Interval { start: DateTime; end: DateTime; precision: Precision }

const MONTH_NUMBER: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12,
};
const WEEKDAY_NUMBER: Record<string, number> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };
const ORDINAL_NUMBER: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4 };

// Month names with a capital; abbreviations with or without their full stop.
const M = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
/** Full month names only: a bare "Mar" or "Jun" is too often something else. */
const FULL_M = "(January|February|March|April|May|June|July|August|September|October|November|December)";
const D = "(\\d{1,2})(?:st|nd|rd|th)?";
const Y = "(?:,? (\\d{4}))?";
const YEAR = "(1[5-9]\\d\\d|20\\d\\d)";
const RANGE_WORD = "(?: to | through | until | till | and |\\s?[-\u2013\u2014]\\s?)";
/** Between days of two months "and" names two days, not a span. */
const CROSS_MONTH_RANGE_WORD = "(?: to | through | until | till |\\s?[-\u2013\u2014]\\s?)";
/** Between two days of one month a slash is a range too ("the weekend of 8/9 January"). */
const DAY_RANGE_WORD = "(?: to | through | until | till | and |\\s?[-\u2013\u2014/]\\s?)";
const WEEKDAY = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
/**
 * Capitalized words that may stand before a name-like capital and still leave a
 * date a date ("in November The German boss…" in run-together captions).
 */
const FUNCTION_CAPS = new Set(["The", "A", "An", "He", "She", "It", "They", "We", "I", "His", "Her", "Their", "Its", "But", "And", "In", "On", "At", "This", "That", "As", "After", "Before", "When", "While", "Scroll", "Picture", "Pictured"]);
/** Capitalized words before a bare year that make it a year ("In 2003", "Since 2001"), not a name ("Windows 2000"). */
const YEAR_LEADS = new Set(["In", "Since", "By", "From", "Until", "Till", "Before", "After", "During", "Of", "And", "But", "Between", "Through", "For", "At", "On", "The", "Around", "About", "Circa", "Or", "To", "Also", "Back", "Even", "Only", "Last", "Next", "This", "Early", "Late", "Mid", "End", "Spring", "Summer", "Autumn", "Winter", "Christmas", "Easter"]);

interface Context {
  pub: DateTime;
  text: string;
  /** The tense of the clause holding the match (computed only when a rule asks). */
  tense: () => Tense | null;
}

interface Rule {
  /** A cheap test that must pass before `re` runs (most sentences hold no date). */
  quick: RegExp;
  re: RegExp;
  /**
   * The interval; null: the words are taken (no later rule may read them) but give no date;
   * undefined: the words are not a date at all and stay free.
   */
  resolve: (m: RegExpExecArray, ctx: Context) => Interval | null | undefined;
}

function monthOf(name: string): number {
  return MONTH_NUMBER[name.toLowerCase().replace(/\.$/, "")]!;
}

/** Calendar arithmetic runs in UTC on the article's local calendar date (see publicationDate). */
function day(year: number, month: number, d: number): DateTime | null {
  const dt = DateTime.utc(year, month, d);
  return dt.isValid ? dt : null;
}

function compareMonthDay(m1: number, d1: number, m2: number, d2: number): number {
  return m1 - m2 || d1 - d2;
}

/** The year of a day of a month written without one: before publication in the past, after it in the future, else the nearest. */
function yearOfDay(month: number, d: number, pub: DateTime, tense: Tense | null): number {
  const order = compareMonthDay(month, d, pub.month, pub.day);
  if (tense === "past") return order <= 0 ? pub.year : pub.year - 1;
  if (tense === "future") return order >= 0 ? pub.year : pub.year + 1;
  let best = { year: pub.year, distance: Infinity };
  for (const year of [pub.year - 1, pub.year, pub.year + 1]) {
    const dt = day(year, month, d);
    const distance = dt ? Math.abs(dt.toMillis() - pub.toMillis()) : Infinity;
    if (distance < best.distance) best = { year, distance };
  }
  return best.year;
}

/**
 * The year of a month written without one. A month spoken of in the past began
 * before publication (this one or an earlier one); in the future, it begins
 * after it ("the trial in March", said in March, is next March), unless only
 * its end is meant ("by the end of February", said in February); with no tense
 * to go by, the nearer one.
 */
function yearOfMonth(month: number, pub: DateTime, tense: Tense | null, endOnly: boolean): number {
  if (tense === "future") return month > pub.month || (endOnly && month === pub.month) ? pub.year : pub.year + 1;
  const ahead = (month - pub.month + 12) % 12;
  // No tense to go by (a present tense, a caption): the nearer one, counted in months.
  if (tense === null && ahead > 0 && ahead <= 6) return month > pub.month ? pub.year : pub.year + 1;
  return month <= pub.month ? pub.year : pub.year - 1;
}

function dayRange(ctx: Context, m1: number, d1: number, y1: string | undefined, m2: number, d2: number, y2: string | undefined): Interval | null {
  const endYear = y2 ? Number(y2) : y1 ? Number(y1) : yearOfDay(m2, d2, ctx.pub, ctx.tense());
  // "December 30 to January 2, 2026": the start falls in the year before.
  const startYear = y1 ? Number(y1) : m1 > m2 ? endYear - 1 : endYear;
  const start = day(startYear, m1, d1);
  const end = day(endYear, m2, d2);
  if (!start || !end || end < start) return null;
  return { start, end, precision: "day" };
}

function monthSpan(year: number, month: number): Interval | null {
  const start = day(year, month, 1);
  return start ? { start, end: start.endOf("month").startOf("day"), precision: "month" } : null;
}

function yearSpan(from: number, to: number): Interval | null {
  const start = day(from, 1, 1);
  const end = day(to, 12, 31);
  return start && end && from <= to ? { start, end, precision: "year" } : null;
}

function weekdayDate(target: number, pub: DateTime, how: "last" | "next" | Tense | null): Interval {
  const base = pub.startOf("day");
  const back = (base.weekday - target + 7) % 7;
  const ahead = (target - base.weekday + 7) % 7;
  // "last Friday" and "next Friday" are never today; a bare "Friday" may be ("on Friday", published on a Friday).
  const dt = how === "last" ? base.minus({ days: back || 7 })
    : how === "next" ? base.plus({ days: ahead || 7 })
    : how === "future" ? base.plus({ days: ahead })
    : base.minus({ days: back });
  return { start: dt, end: dt, precision: "day" };
}

/** Easter Sunday (Gregorian, the anonymous algorithm). */
function easter(year: number): DateTime {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return DateTime.utc(year, month, dayOfMonth);
}

/** The word before position `at` in the text, or "" at the start. */
function wordBefore(text: string, at: number): string {
  return /(\S+)\s+$/.exec(text.slice(Math.max(0, at - 40), at))?.[1] ?? "";
}

/** "In August of the same year": the year is another expression's, which the rules do not track. */
function anaphoricYearFollows(text: string, at: number): boolean {
  return /^,? (?:of )?(?:the same|that|the following|the next|the previous|the preceding) year\b/.test(text.slice(at, at + 40));
}

/** A capitalized word right after `at` that is not a function word: the match is part of a name ("Sunday Times", "January Jones"). */
function nameFollows(text: string, at: number): boolean {
  const next = /^\s+([A-Z][a-z]+)/.exec(text.slice(at, at + 30))?.[1];
  return next !== undefined && !FUNCTION_CAPS.has(next);
}

/** Words that may follow a century used as a noun ("in the 19th Century when…"); any other lowercase word makes it an adjective. */
const CENTURY_FOLLOWERS = new Set(["and", "when", "as", "the", "was", "were", "is", "but", "or", "that", "which", "with", "to", "until", "before", "after", "by", "in", "for"]);

const MON = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?";
const MONTH_DAY = new RegExp(`${MON} \\d`);
const DAY_MONTH = new RegExp(`\\d(?:st|nd|rd|th)? (?:of )?${MON}`);
const MONTH_YEAR = new RegExp(`${MON},? (?:of )?\\d{4}|${MON} (?:of )?(?:last|this|next) year`);
const WORD_MONTH = new RegExp(`(?:ast|ext|his) ${MON}`);
const ANY_WEEKDAY = /(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day/;
const FOUR_DIGITS = /\d{4}/;

/** Words before a bare month that make it a date: "in March", "by the end of May", "early June". */
const MONTH_LEAD = "(?:\\b(?:[Ii]n|[Ss]ince|[Ff]rom|[Uu]ntil|[Tt]ill|[Bb]y|[Bb]efore|[Dd]uring|[Tt]hrough|[Tt]hroughout|[Ff]or|[Oo]f|[Aa]fter|[Cc]ome|[Aa]t)\\s+(?:(?:early|late|mid-|the (?:end|beginning|start|middle) of)\\s*)?|\\b(?:[Ee]arly|[Ll]ate|[Mm]id-|[Ee]nd of|[Bb]eginning of|[Ss]tart of|[Mm]iddle of)\\s*)";
const MONTH_LEAD_BEFORE = new RegExp(`${MONTH_LEAD}$`);
const MONTH_PAIR_BEFORE = new RegExp(`\\b(?:[Ii]n|[Ss]ince|[Ff]rom|[Uu]ntil|[Bb]etween|[Dd]uring|[Bb]y|[Bb]efore) ${FULL_M},? (?:and|or|to|until|till|through) $`);
const DETERMINER_BEFORE = /\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur) $/;
const ANY_FULL_MONTH = /(?:January|February|March|April|May|June|July|August|September|October|November|December)/;

const RULES: Rule[] = [
  // July 10 and October 31, 2013: two days, the first taking the year written after the second
  {
    quick: MONTH_DAY,
    re: new RegExp(`\\b${M} ${D}(?= (?:and|or) ${M} ${D},? (\\d{4})\\b)`, "g"),
    resolve: (m, ctx) => dayRange(ctx, monthOf(m[1]!), Number(m[2]), m[5], monthOf(m[1]!), Number(m[2]), m[5]),
  },
  // 10 July and 31 October 2013
  {
    quick: DAY_MONTH,
    re: new RegExp(`(?<![\\d.,])\\b${D} ${M}(?= (?:and|or) ${D} ${M},? (\\d{4})\\b)`, "g"),
    resolve: (m, ctx) => dayRange(ctx, monthOf(m[2]!), Number(m[1]), m[5], monthOf(m[2]!), Number(m[1]), m[5]),
  },
  // March 31 to April 2 (, 2026); not "July 10 and October 31", two days
  {
    quick: MONTH_DAY,
    re: new RegExp(`\\b${M} ${D}${Y}${CROSS_MONTH_RANGE_WORD}${M} ${D}${Y}(?!\\d)`, "g"),
    resolve: (m, ctx) => dayRange(ctx, monthOf(m[1]!), Number(m[2]), m[3], monthOf(m[4]!), Number(m[5]), m[6]),
  },
  // February 20 and 21 (, 2026); Feb. 20-21
  {
    quick: MONTH_DAY,
    re: new RegExp(`\\b${M} ${D}${RANGE_WORD}${D}${Y}(?![\\d:])`, "g"),
    resolve: (m, ctx) => dayRange(ctx, monthOf(m[1]!), Number(m[2]), m[4], monthOf(m[1]!), Number(m[3]), m[4]),
  },
  // 20 and 21 February (2026)
  {
    quick: DAY_MONTH,
    re: new RegExp(`(?<![\\d/.])\\b${D}${DAY_RANGE_WORD}${D} ${M}${Y}\\b`, "g"),
    resolve: (m, ctx) => dayRange(ctx, monthOf(m[3]!), Number(m[1]), m[4], monthOf(m[3]!), Number(m[2]), m[4]),
  },
  // February 20 (, 2026)
  {
    quick: MONTH_DAY,
    re: new RegExp(`\\b${M} ${D}${Y}(?![\\d:.,]\\d)(?!\\d)`, "g"),
    resolve: (m, ctx) => dayRange(ctx, monthOf(m[1]!), Number(m[2]), m[3], monthOf(m[1]!), Number(m[2]), m[3]),
  },
  // 20 February (2026); 15 December, 1953; the 15th of December
  {
    quick: DAY_MONTH,
    re: new RegExp(`(?<![\\d.,])\\b${D} (?:of )?${M}${Y}\\b`, "g"),
    resolve: (m, ctx) => dayRange(ctx, monthOf(m[2]!), Number(m[1]), m[3], monthOf(m[2]!), Number(m[1]), m[3]),
  },
  // ISO 2026-02-20
  {
    quick: /\d{4}-\d/,
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    resolve: (m, ctx) => dayRange(ctx, Number(m[2]), Number(m[3]), m[1], Number(m[2]), Number(m[3]), m[1]),
  },
  // the second quarter of 2005, Q2 2005
  {
    quick: /quarter|Q[1-4]/,
    re: new RegExp(`\\b(?:(first|second|third|fourth|1st|2nd|3rd|4th) quarter of|Q([1-4])) ${YEAR}\\b`, "g"),
    resolve: (m) => {
      const q = m[1] ? ORDINAL_NUMBER[m[1]]! : Number(m[2]);
      const start = day(Number(m[3]), 3 * q - 2, 1)!;
      return { start, end: start.plus({ months: 3 }).minus({ days: 1 }), precision: "month" };
    },
  },
  // September 2025, September of 2025
  {
    quick: MONTH_YEAR,
    re: new RegExp(`\\b${M},? (?:of )?(\\d{4})\\b`, "g"),
    resolve: (m) => monthSpan(Number(m[2]), monthOf(m[1]!)),
  },
  // March last year, November of this year
  {
    quick: MONTH_YEAR,
    re: new RegExp(`\\b${FULL_M} (?:of )?(last|this|next) year\\b`, "g"),
    resolve: (m, ctx) => monthSpan(ctx.pub.year + { last: -1, this: 0, next: 1 }[m[2] as "last" | "this" | "next"], monthOf(m[1]!)),
  },
  // Last September, next March, this May, earlier this month's kin "earlier this May"
  {
    quick: WORD_MONTH,
    re: new RegExp(`\\b([Ll]ast|[Nn]ext|[Tt]his|[Ee]arlier this|[Ll]ater this) ${FULL_M}\\b`, "g"),
    resolve: (m, ctx) => {
      const month = monthOf(m[2]!);
      const which = m[1]!.toLowerCase();
      const pub = ctx.pub;
      let year = pub.year;
      if (which === "last") year = month < pub.month ? pub.year : pub.year - 1;
      else if (which === "next") year = month > pub.month ? pub.year : pub.year + 1;
      return monthSpan(year, month);
    },
  },
  // Between 1997 and 2002, from 2010 to 2050 (the span without its first word)
  {
    quick: /[Bb]etween \d|[Ff]rom \d/,
    re: new RegExp(`(?<=\\b(?:[Bb]etween|[Ff]rom) )${YEAR} (?:and|to|until|till|through) ${YEAR}\\b(?![\\d%,.]\\d)`, "g"),
    resolve: (m) => yearSpan(Number(m[1]), Number(m[2])),
  },
  // 1997-2002, 2002/03, 2014-15 (a season written with its years)
  {
    quick: /\d{4}\s?[-\u2013/]\s?\d{2}/,
    re: new RegExp(`(?<![\\d$£€.,:/-])\\b${YEAR}\\s?[-\u2013/]\\s?(\\d{4}|\\d{2})\\b(?![-/]\\d)`, "g"),
    resolve: (m) => {
      const from = Number(m[1]);
      const to = m[2]!.length === 2 ? Math.floor(from / 100) * 100 + Number(m[2]) : Number(m[2]);
      // Two digits must be the next year ("2002/03"); four, a later one ("1997-2002"). Anything else is not a span of years.
      if (m[2]!.length === 2 ? to !== from + 1 : to <= from) return null;
      return yearSpan(from, to);
    },
  },
  // the 1990s
  {
    quick: /\d0s/,
    re: /(?<![\d$£€'’])\b(1[5-9]\d0|20\d0)s\b/g,
    // "the 1600s" is a century; "the 2000s" and "the 1960s" are decades.
    resolve: (m) => yearSpan(Number(m[1]), Number(m[1]) + (Number(m[1]) % 100 === 0 && Number(m[1]) < 2000 ? 99 : 9)),
  },
  // in the 19th Century (a noun); not "the 18th Century painting" (an adjective) nor "21st-century"
  {
    quick: /[Cc]entury/,
    re: /\b(\d{1,2})(?:st|nd|rd|th)[ -][Cc]entury\b/g,
    resolve: (m, ctx) => {
      const before = ctx.text.slice(Math.max(0, m.index - 40), m.index);
      const after = ctx.text.slice(m.index + m[0].length);
      const nextWord = /^\s+([a-z]+)/.exec(after)?.[1];
      const asNoun = /\b(?:in|during|since|from|until|by|through|throughout|of)\s+the\s+(?:(?:early|late|mid)[- ])?$/i.test(before) &&
        !/^[-\w]/.test(after) && (nextWord === undefined || CENTURY_FOLLOWERS.has(nextWord));
      if (!asNoun) return null;
      const n = Number(m[1]);
      return n >= 1 && n <= 21 ? yearSpan((n - 1) * 100 + 1, n * 100) : null;
    },
  },
  // A bare month, a date only in company that makes it one (the span is the month alone):
  // a preposition ("in March", "by the end of May", "early June"), the second of a pair
  // ("in March and August"), or a determiner before a noun ("its April meeting", "a March date").
  {
    quick: ANY_FULL_MONTH,
    re: new RegExp(`\\b${FULL_M}\\b(?!['\u2019]s)`, "g"),
    resolve: (m, ctx) => {
      const before = ctx.text.slice(Math.max(0, m.index - 48), m.index);
      const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 48);
      const month = monthOf(m[1]!);
      if (MONTH_LEAD_BEFORE.test(before)) {
        if (nameFollows(after, 0) || anaphoricYearFollows(after, 0)) return null;
        return monthSpan(yearOfMonth(month, ctx.pub, ctx.tense(), /(?:end of|late)\s*$/i.test(before)), month);
      }
      const pair = MONTH_PAIR_BEFORE.exec(before);
      if (pair && !/^ \d/.test(after)) {
        if (nameFollows(after, 0) || anaphoricYearFollows(after, 0)) return null;
        const first = monthOf(pair[1]!);
        const firstYear = yearOfMonth(first, ctx.pub, ctx.tense(), false);
        // The pair runs forward in time: "from November to February" crosses into the next year.
        return monthSpan(month < first ? firstYear + 1 : firstYear, month);
      }
      if (DETERMINER_BEFORE.test(before) && /^ (?!of\b|and\b|or\b)[a-z]+/.test(after)) {
        // A date or deadline in a month is set for a month ahead.
        const scheduled = /^ (?:date|deadline)\b/.test(after);
        return monthSpan(yearOfMonth(month, ctx.pub, scheduled ? "future" : ctx.tense(), false), month);
      }
      return undefined;
    },
  },
  // last Friday, next Tuesday, this Saturday, on Friday, Friday's game. Not "Good Friday", "the Sunday Times",
  // nor a weekday that heads a date ("Friday, March 11": the date says it).
  {
    quick: ANY_WEEKDAY,
    re: new RegExp(`(?<!\\b(?:Good|Black|Super|Ash|Bloody|Cyber|Palm|Holy|Easter|Shrove|Maundy|Whit|Low|Trinity|Mothering|Remembrance|Giving|Man|Girl) )\\b(?:([Ll]ast|[Nn]ext|[Tt]his) )?${WEEKDAY}\\b(?!,? (?:the )?\\d{1,2}(?:st|nd|rd|th)?(?![-\\d\\w])|,? ${MON} \\d)`, "g"),
    resolve: (m, ctx) => {
      const before = wordBefore(ctx.text, m.index);
      // "falls on a Saturday", "every Friday": any such day, not one on the calendar.
      if (/^(?:a|every|each|any|one)$/i.test(before)) return null;
      if (!/^[Oo]n$/.test(before) && nameFollows(ctx.text, m.index + m[0].length)) return null;
      // "GMTV's Sunday programme" is a programme's name.
      if (/^\s+(?:programme|program|show|edition)\b/.test(ctx.text.slice(m.index + m[0].length)) && /['\u2019]s$/.test(wordBefore(ctx.text, m.index))) return null;
      const target = WEEKDAY_NUMBER[m[2]!.toLowerCase()]!;
      const which = m[1]?.toLowerCase();
      const how = which === "last" || which === "next" ? which : which === "this" ? "future" : ctx.tense();
      return weekdayDate(target, ctx.pub, how);
    },
  },
  // three days ago, two years ago (exact counts; "about a month from now" is a guess, "two weeks ago" a week)
  {
    quick: / ago\b|from now/,
    re: /(?<!\b(?:about|around|roughly|nearly|almost|some|approximately|over|under|than|just over|just under)\s)\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}) (day|month|year)s? (from now|ago)\b/gi,
    resolve: (m, ctx) => {
      const n = NUMBER_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
      const unit = m[2]!.toLowerCase() as "day" | "month" | "year";
      const sign = m[3]!.toLowerCase() === "ago" ? -1 : 1;
      const dt = ctx.pub.plus({ [`${unit}s`]: sign * n });
      if (unit === "day") return { start: dt.startOf("day"), end: dt.startOf("day"), precision: "day" };
      return unit === "month" ? monthSpan(dt.year, dt.month) : yearSpan(dt.year, dt.year);
    },
  },
  // yesterday, today, tomorrow, tonight, last night, this morning. Not Radio 4's "Today" programme:
  // mid-sentence, a capital makes it a name.
  {
    quick: /[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|ast night|his (?:morning|afternoon|evening)/,
    re: /\b([Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|[Ll]ast night|[Tt]his (?:morning|afternoon|evening))\b/g,
    resolve: (m, ctx) => {
      const word = m[1]!.replace(/^last night$/i, "yesterday").replace(/^this \w+$/i, "today");
      const opensSentence = /^[\s"'\u2018\u201c(]*$/.test(ctx.text.slice(0, m.index));
      if (m[1]!.length === word.length && word[0] !== word[0]!.toLowerCase() && !opensSentence) return null;
      if (/^\s+(?:programme|program|show)\b/.test(ctx.text.slice(m.index + word.length))) return null;
      const offset = { yesterday: -1, today: 0, tonight: 0, tomorrow: 1 }[word.toLowerCase()]!;
      const dt = ctx.pub.startOf("day").plus({ days: offset });
      return { start: dt, end: dt, precision: "day" };
    },
  },
  // last/next/this month and year; earlier this year; earlier in the month. Weeks are left out (not a calendar unit here).
  {
    quick: /(?:ast|ext|his|the) (?:month|year)/,
    re: /\b(?:([Ll]ast|[Nn]ext|[Tt]his)|(?:earlier|later) in the) (month|year)\b/g,
    resolve: (m, ctx) => {
      const unit = m[2]!.toLowerCase() as "month" | "year";
      const shift = m[1] ? { last: -1, next: 1, this: 0 }[m[1].toLowerCase() as "last" | "next" | "this"] : 0;
      const base = ctx.pub.plus({ [`${unit}s`]: shift });
      return unit === "month" ? monthSpan(base.year, base.month) : yearSpan(base.year, base.year);
    },
  },
  // on Christmas Day, by New Year's Eve, this Easter, on Easter Sunday: days with a fixed or computable date
  // (without a preposition the name is often an adjective: "the New Year's Day record")
  {
    quick: /Christmas|Boxing|New Year|Valentine|Hallowe|Easter/,
    re: /(?:(?<=\b(?:[Oo]n|[Bb]y|[Uu]ntil|[Ss]ince|[Bb]efore|[Aa]fter|[Oo]ver|[Aa]t|[Ff]rom|[Ii]n) )|(?=(?:[Tt]his|[Ll]ast|[Nn]ext) ))(?:([Tt]his|[Ll]ast|[Nn]ext) )?(Christmas Day|Christmas Eve|Boxing Day|New Year['\u2019]s Day|New Year['\u2019]s Eve|Valentine['\u2019]s Day|Hallowe['\u2019]?en|Easter(?: Sunday| Day| Monday)?)\b(?: (\d{4}))?/g,
    resolve: (m, ctx) => {
      const name = m[2]!.replace(/\u2019/g, "'");
      const fixed: Record<string, [number, number]> = {
        "Christmas Day": [12, 25], "Christmas Eve": [12, 24], "Boxing Day": [12, 26], "New Year's Day": [1, 1],
        "New Year's Eve": [12, 31], "Valentine's Day": [2, 14], Halloween: [10, 31], "Hallowe'en": [10, 31],
      };
      const which = m[1]?.toLowerCase();
      const pub = ctx.pub;
      if (name.startsWith("Easter")) {
        // A bare "Easter" needs a this/last/next or a year: alone it is often the season.
        if (!which && !m[3] && name === "Easter") return null;
        const shift = name.endsWith("Monday") ? 1 : 0;
        const at = (y: number) => easter(y).plus({ days: shift });
        let year = m[3] ? Number(m[3]) : pub.year;
        if (!m[3]) {
          const how = which === "last" ? "past" : which === "next" ? "future" : which === "this" ? null : ctx.tense();
          if (how === "past" && at(year) > pub) year--;
          if (how === "future" && at(year) < pub.startOf("day")) year++;
        }
        const dt = at(year);
        return { start: dt, end: dt, precision: "day" };
      }
      const [month, d] = fixed[name]!;
      const tense = which === "last" ? "past" : which === "next" ? "future" : ctx.tense();
      const year = m[3] ? Number(m[3]) : yearOfDay(month, d, pub, which === "this" ? null : tense);
      const dt = day(year, month, d)!;
      return { start: dt, end: dt, precision: "day" };
    },
  },
  // Bare years: 2022, in 1998, mid-2005, Spring 2006. Not amounts ($2022, 2022 troops), not names ("Windows 2000"), not parts of numbers.
  {
    quick: FOUR_DIGITS,
    re: /(?<![\d$£€.,:/]|\d-)\b(1[5-9]\d\d|20\d\d)\b(?![\d%:/.,]\d|-\d|\s?%|\s(?:people|troops|soldiers|units|cases|votes|times|tonnes|tons|meters|metres|miles|km|feet|pounds|dollars|won|yuan|yen|euros|GMT|BST|UTC|hours|hrs|GB|MB)\b)/g,
    resolve: (m, ctx) => {
      const before = wordBefore(ctx.text, m.index);
      // "about 2000 jobs", "more than 1500 fans": a count.
      if (/^(?:about|around|some|nearly|almost|over|than|approximately|roughly|estimated|only|just|to)$/i.test(before) &&
        /^\s+[a-z]/.test(ctx.text.slice(m.index + m[0].length))) return null;
      // "at 1900", "at about 2030": a time of day on the 24-hour clock.
      if (/\bat (?:about |around )?$/i.test(ctx.text.slice(Math.max(0, m.index - 16), m.index))) return null;
      if (/^[A-Z][a-z]+$/.test(before) && !YEAR_LEADS.has(before) && !(before in MONTH_NUMBER)) return null;
      return yearSpan(Number(m[1]), Number(m[1]));
    },
  },
];

/** The publication date-time as it reads on the calendar in the article's zone (kept as UTC fields). */
export function publicationDate(isoDate: string, zone: string): DateTime {
  const local = DateTime.fromISO(isoDate, { setZone: true }).setZone(zone);
  return DateTime.utc(local.year, local.month, local.day, local.hour, local.minute);
}

/** Each distinct quick test, global, for one scan of the whole article (lastIndex is reset before each scan). */
const QUICK_SCANS = new Map(RULES.map((rule) => [rule.quick, new RegExp(rule.quick.source, `${rule.quick.flags}g`)]));

/**
 * For each rule, the indexes of the sentences its quick test passes on: one scan of the article
 * per distinct quick test (several rules share one) instead of a test per rule and sentence.
 * `whole` is the sentences joined by "\n", `starts` where each begins in it.
 */
function sentencesPassing(whole: string, sentences: SentenceRef[], starts: number[]): Map<RegExp, Set<number>> {
  const out = new Map<RegExp, Set<number>>();
  for (const [quick, scan] of QUICK_SCANS) {
    const hits = new Set<number>();
    scan.lastIndex = 0;
    for (let m = scan.exec(whole); m; m = scan.exec(whole)) {
      let k = starts.length - 1;
      while (starts[k]! > m.index) k--;
      // A match that runs past its sentence's end is checked on the sentence alone.
      const end = starts[k]! + sentences[k]!.text.length;
      if (m.index + m[0].length <= end || quick.test(sentences[k]!.text)) hits.add(k);
      // One hit is enough: go on from the next sentence.
      scan.lastIndex = Math.max(end + 1, scan.lastIndex);
    }
    out.set(quick, hits);
  }
  return out;
}

/** Every date expression in the sentences, in text order, without overlaps. */
export function extractDates(sentences: SentenceRef[], pub: DateTime): ResolvedDate[] {
  const out: ResolvedDate[] = [];
  const whole = sentences.map((s) => s.text).join("\n");
  const starts: number[] = [];
  for (let k = 0, at = 0; k < sentences.length; k++) { starts.push(at); at += sentences[k]!.text.length + 1; }
  const passing = sentencesPassing(whole, sentences, starts);
  for (const [k, s] of sentences.entries()) {
    const taken: { start: number; end: number; date: ResolvedDate | null }[] = [];
    let words: Word[] | null = null;
    for (const rule of RULES) {
      if (!passing.get(rule.quick)!.has(k)) continue;
      rule.re.lastIndex = 0;
      for (let m = rule.re.exec(s.text); m; m = rule.re.exec(s.text)) {
        const start = m.index;
        const end = m.index + m[0].length;
        if (taken.some((t) => start < t.end && end > t.start)) continue;
        const ctx: Context = { pub, text: s.text, tense: () => tenseAround(s.text, start, end, (words ??= wordsOf(s.text))) };
        const r = rule.resolve(m, ctx);
        if (r === undefined) continue;
        // A match that cannot be placed still claims its words, so a shorter rule
        // cannot give them a wrong reading (an impossible "February 30" is not "30").
        taken.push({
          start, end,
          date: r && {
            text: m[0],
            start: r.start.toISODate()!,
            end: r.end.toISODate()!,
            precision: r.precision,
            sentenceId: s.id,
          },
        });
      }
    }
    taken.sort((a, b) => a.start - b.start);
    for (const t of taken) if (t.date) out.push(t.date);
  }
  return out;
}
