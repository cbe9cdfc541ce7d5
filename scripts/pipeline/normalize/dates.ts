// Dates in the text, resolved with luxon against the publication date in the
// article's zone: "February 20 and 21", "Last September", "March 31 to April 2",
// "2022", "about a month from now". Each becomes an ISO interval with a
// precision, tied to its sentence. An expression the rules cannot place (a bare
// weekday, "in May") stays text: no date is better than a wrong one.
import { DateTime } from "luxon";
import type { ResolvedDate } from "../../schema.ts";
import type { SentenceRef } from "./entities.ts";

type Precision = ResolvedDate["precision"];

const MONTH_NUMBER: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, a_few: 3, several: 3, couple: 2,
};
const WEEKDAY_NUMBER: Record<string, number> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };

// Month names with a capital; abbreviations with or without their full stop.
const M = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
const D = "(\\d{1,2})(?:st|nd|rd|th)?";
const Y = "(?:,? (\\d{4}))?";
const RANGE_WORD = "(?: to | through | until | till | and |\\s?[-\u2013\u2014]\\s?)";

interface Rule {
  /** A cheap test that must pass before `re` runs (most sentences hold no date). */
  quick: RegExp;
  re: RegExp;
  resolve: (m: RegExpExecArray, pub: DateTime) => { start: DateTime; end: DateTime; precision: Precision } | null;
}

function monthOf(name: string): number {
  return MONTH_NUMBER[name.toLowerCase().replace(/\.$/, "")]!;
}

/**
 * Calendar arithmetic runs in UTC on the article's local calendar date: the
 * zone matters once, when the publication instant becomes a local date (and
 * UTC needs no Intl look-ups, which cost more than the rest of the extraction).
 */
const CALENDAR = "utc";

function day(year: number, month: number, d: number, _zone: typeof CALENDAR): DateTime | null {
  const dt = DateTime.utc(year, month, d);
  return dt.isValid ? dt : null;
}

/** The year that puts month/day nearest the publication date (news speaks of the recent past and near future). */
function nearestYear(month: number, d: number, pub: DateTime): number | null {
  let best: { year: number; distance: number } | null = null;
  for (const year of [pub.year - 1, pub.year, pub.year + 1]) {
    const dt = day(year, month, d, CALENDAR);
    if (!dt) continue;
    const distance = Math.abs(dt.toMillis() - pub.toMillis());
    if (!best || distance < best.distance) best = { year, distance };
  }
  return best?.year ?? null;
}

function dayRange(
  pub: DateTime, m1: number, d1: number, y1: string | undefined, m2: number, d2: number, y2: string | undefined,
): { start: DateTime; end: DateTime; precision: Precision } | null {
  const zone = CALENDAR;
  const endYear = y2 ? Number(y2) : y1 ? Number(y1) : nearestYear(m2, d2, pub);
  if (endYear === null) return null;
  // "December 30 to January 2, 2026": the start falls in the year before.
  const startYear = y1 ? Number(y1) : m1 > m2 ? endYear - 1 : endYear;
  const start = day(startYear, m1, d1, zone);
  const end = day(endYear, m2, d2, zone);
  if (!start || !end || end < start) return null;
  return { start, end, precision: "day" };
}

const MON = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?";
/** Month then day, day then month, month then year, a word then month. */
const MONTH_DAY = new RegExp(`${MON} \\d`);
const DAY_MONTH = new RegExp(`\\d ${MON}`);
const MONTH_YEAR = new RegExp(`${MON},? (?:of )?\\d{4}`);
const WORD_MONTH = new RegExp(`(?:ast|ext|his) ${MON}`);

const RULES: Rule[] = [
  // March 31 to April 2 (, 2026)
  {
    quick: MONTH_DAY,
    re: new RegExp(`\\b${M} ${D}${Y}${RANGE_WORD}${M} ${D}${Y}(?!\\d)`, "g"),
    resolve: (m, pub) => dayRange(pub, monthOf(m[1]!), Number(m[2]), m[3], monthOf(m[4]!), Number(m[5]), m[6]),
  },
  // February 20 and 21 (, 2026); Feb. 20-21
  {
    quick: MONTH_DAY,
    re: new RegExp(`\\b${M} ${D}${RANGE_WORD}${D}${Y}(?![\\d:])`, "g"),
    resolve: (m, pub) => dayRange(pub, monthOf(m[1]!), Number(m[2]), m[4], monthOf(m[1]!), Number(m[3]), m[4]),
  },
  // 20 and 21 February (2026)
  {
    quick: DAY_MONTH,
    re: new RegExp(`\\b${D}${RANGE_WORD}${D} ${M}(?: (\\d{4}))?\\b`, "g"),
    resolve: (m, pub) => dayRange(pub, monthOf(m[3]!), Number(m[1]), m[4], monthOf(m[3]!), Number(m[2]), m[4]),
  },
  // February 20 (, 2026)
  {
    quick: MONTH_DAY,
    re: new RegExp(`\\b${M} ${D}${Y}(?![\\d:.,]\\d)(?!\\d)`, "g"),
    resolve: (m, pub) => dayRange(pub, monthOf(m[1]!), Number(m[2]), m[3], monthOf(m[1]!), Number(m[2]), m[3]),
  },
  // 20 February (2026)
  {
    quick: DAY_MONTH,
    re: new RegExp(`(?<![\\d.,])\\b${D} ${M}(?: (\\d{4}))?\\b`, "g"),
    resolve: (m, pub) => dayRange(pub, monthOf(m[2]!), Number(m[1]), m[3], monthOf(m[2]!), Number(m[1]), m[3]),
  },
  // ISO 2026-02-20
  {
    quick: /\d{4}-\d/,
    re: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    resolve: (m, pub) => dayRange(pub, Number(m[2]), Number(m[3]), m[1], Number(m[2]), Number(m[3]), m[1]),
  },
  // September 2025, September of 2025
  {
    quick: MONTH_YEAR,
    re: new RegExp(`\\b${M},? (?:of )?(\\d{4})\\b`, "g"),
    resolve: (m, pub) => monthSpan(Number(m[2]), monthOf(m[1]!), pub),
  },
  // Last September, next March, this May
  {
    quick: WORD_MONTH,
    re: new RegExp(`\\b([Ll]ast|[Nn]ext|[Tt]his|[Ee]arlier this|[Ll]ater this) ${M}\\b`, "g"),
    resolve: (m, pub) => {
      const month = monthOf(m[2]!);
      const which = m[1]!.toLowerCase();
      let year = pub.year;
      if (which === "last") year = month < pub.month ? pub.year : pub.year - 1;
      else if (which === "next") year = month > pub.month ? pub.year : pub.year + 1;
      return monthSpan(year, month, pub);
    },
  },
  // last Friday, next Tuesday
  {
    quick: /(?:ast|ext) [MTWFS]/,
    re: /\b([Ll]ast|[Nn]ext) (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g,
    resolve: (m, pub) => {
      const target = WEEKDAY_NUMBER[m[2]!.toLowerCase()]!;
      const base = pub.startOf("day");
      const dt = m[1]!.toLowerCase() === "last"
        ? base.minus({ days: ((base.weekday - target + 6) % 7) + 1 })
        : base.plus({ days: ((target - base.weekday + 6) % 7) + 1 });
      return { start: dt, end: dt, precision: "day" };
    },
  },
  // about a month from now, two years ago
  {
    quick: / ago\b|from now/i,
    re: /\b(?:(?:about|around|roughly|nearly|almost|some|approximately|just over|just under|more than|less than) )?(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3}) (day|week|month|year|decade)s? (from now|ago)\b/gi,
    resolve: (m, pub) => {
      const n = NUMBER_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
      const unit = m[2]!.toLowerCase();
      const amount = unit === "decade" ? { years: 10 * n } : { [`${unit}s`]: n };
      const dt = (m[3]!.toLowerCase() === "ago" ? pub.minus(amount) : pub.plus(amount)).startOf("day");
      return { start: dt, end: dt, precision: "approximate" };
    },
  },
  // yesterday, today, tomorrow
  {
    quick: /[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight/,
    re: /\b([Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight)\b/g,
    resolve: (m, pub) => {
      const offset = { yesterday: -1, today: 0, tonight: 0, tomorrow: 1 }[m[1]!.toLowerCase()]!;
      const dt = pub.startOf("day").plus({ days: offset });
      return { start: dt, end: dt, precision: "day" };
    },
  },
  // last/next/this week, month, year
  {
    quick: /(?:ast|ext|his) (?:week|month|year)/,
    re: /\b([Ll]ast|[Nn]ext|[Tt]his) (week|month|year)\b/g,
    resolve: (m, pub) => {
      const unit = m[2]!.toLowerCase() as "week" | "month" | "year";
      const shift = { last: -1, next: 1, this: 0 }[m[1]!.toLowerCase() as "last" | "next" | "this"];
      const base = pub.plus({ [`${unit}s`]: shift });
      return { start: base.startOf(unit), end: base.endOf(unit), precision: unit === "week" ? "approximate" : unit };
    },
  },
  // the 1990s
  {
    quick: /\d0s/,
    re: /(?<![\d$£€'’])\b(1[89]\d0|20\d0)s\b/g,
    resolve: (m, pub) => yearSpan(Number(m[1]), Number(m[1]) + 9, pub),
  },
  // Bare years: 2022, 2023. Not amounts ($2022, 2022 troops), not parts of ranges or numbers.
  {
    quick: /\d{4}/,
    re: /(?<![\d$£€.,:/-])\b(1[89]\d\d|20\d\d)\b(?![\d%:/.,]\d|-\d|\s?%|\s(?:people|troops|soldiers|units|cases|votes|times|tonnes|tons|meters|metres|miles|km|feet|pounds|dollars|won|yuan|yen|euros)\b)/g,
    resolve: (m, pub) => yearSpan(Number(m[1]), Number(m[1]), pub),
  },
];

function monthSpan(year: number, month: number, pub: DateTime): { start: DateTime; end: DateTime; precision: Precision } | null {
  const start = day(year, month, 1, CALENDAR);
  return start ? { start, end: start.endOf("month"), precision: "month" } : null;
}

function yearSpan(from: number, to: number, pub: DateTime): { start: DateTime; end: DateTime; precision: Precision } | null {
  const zone = CALENDAR;
  const start = day(from, 1, 1, zone);
  const end = day(to, 12, 31, zone);
  return start && end ? { start, end, precision: "year" } : null;
}

/** The publication date-time as it reads on the calendar in the article's zone (kept as UTC fields). */
export function publicationDate(isoDate: string, zone: string): DateTime {
  const key = `${isoDate} ${zone}`;
  const cached = publicationDates.get(key);
  if (cached) return cached;
  if (publicationDates.size > 10_000) publicationDates.clear();
  const local = DateTime.fromISO(isoDate, { setZone: true }).setZone(zone);
  const pub = DateTime.utc(local.year, local.month, local.day, local.hour, local.minute);
  publicationDates.set(key, pub);
  return pub;
}

// Zone look-ups go through Intl and cost more than a whole article's dates; an archive repeats dates.
const publicationDates = new Map<string, DateTime>();

/** Every date expression in the sentences, in text order, without overlaps. */
export function extractDates(sentences: SentenceRef[], pub: DateTime): ResolvedDate[] {
  const out: ResolvedDate[] = [];
  for (const s of sentences) {
    const taken: { start: number; end: number; date: ResolvedDate | null }[] = [];
    for (const rule of RULES) {
      if (!rule.quick.test(s.text)) continue;
      rule.re.lastIndex = 0;
      for (let m = rule.re.exec(s.text); m; m = rule.re.exec(s.text)) {
        const start = m.index;
        const end = m.index + m[0].length;
        if (taken.some((t) => start < t.end && end > t.start)) continue;
        const r = rule.resolve(m, pub);
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
