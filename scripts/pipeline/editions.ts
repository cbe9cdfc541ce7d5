// Editions: the briefings grouped by period (a day or a week in the site's
// zone), one page, one email and one feed item each. A period starts at
// `edition.sendAt` on its first day and the edition goes out when the period
// ends, so a 07:00 morning edition holds what was published since 07:00 the
// day before. An article's front matter may name another edition (`edition:`).
import { DateTime } from "luxon";
import type { Article, Edition, Site } from "../schema.ts";

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

type EditionSettings = Site["edition"];

function sendAtParts(settings: EditionSettings): { hour: number; minute: number } {
  const [hour, minute] = settings.sendAt.split(":").map(Number);
  return { hour: hour ?? 0, minute: minute ?? 0 };
}

/** First day (YYYY-MM-DD) of the period that holds calendar day `day` (a luxon date at midnight). */
function periodStartOfDay(day: DateTime, settings: EditionSettings): DateTime {
  if (settings.cadence === "daily") return day;
  const first = WEEKDAYS.indexOf(settings.weekStartsOn) + 1;
  return day.minus({ days: (day.weekday - first + 7) % 7 });
}

/** The first day of the edition an instant (ISO date-time with offset) falls in. */
export function editionDateOf(iso: string, site: Pick<Site, "timeZone" | "edition">): string {
  const { hour, minute } = sendAtParts(site.edition);
  // Shifting back by sendAt turns "from sendAt to sendAt" into a calendar day.
  const local = DateTime.fromISO(iso, { setZone: true }).setZone(site.timeZone).minus({ hours: hour, minutes: minute }).startOf("day");
  return periodStartOfDay(local, site.edition).toISODate()!;
}

/** The first day of the period holding calendar day `date`: what an `edition:` in front matter means. */
export function editionDateOfDay(date: string, site: Pick<Site, "timeZone" | "edition">): string {
  return periodStartOfDay(DateTime.fromISO(date, { zone: site.timeZone }).startOf("day"), site.edition).toISODate()!;
}

/** The edition an article belongs to: front matter's choice, else its date's. */
export function articleEdition(article: Pick<Article, "date" | "edition">, site: Pick<Site, "timeZone" | "edition">): string {
  return article.edition !== null ? editionDateOfDay(article.edition, site) : editionDateOf(article.date, site);
}

/**
 * Every edition of `articles` (newest first, as the data file orders them),
 * newest first; each lists its articles newest first, the lead first.
 */
export function buildEditions(articles: readonly Article[], site: Pick<Site, "timeZone" | "edition">): Edition[] {
  const byDate = new Map<string, Article[]>();
  for (const article of articles) {
    const date = articleEdition(article, site);
    const list = byDate.get(date) ?? [];
    list.push(article);
    byDate.set(date, list);
  }
  const { hour, minute } = sendAtParts(site.edition);
  const days = site.edition.cadence === "daily" ? 1 : 7;
  return [...byDate.keys()].sort().reverse().map((date) => {
    const members = byDate.get(date)!;
    const first = DateTime.fromISO(date, { zone: site.timeZone });
    let updated = members[0]!.updated ?? members[0]!.date;
    for (const a of members) {
      const t = a.updated ?? a.date;
      if (Date.parse(t) > Date.parse(updated)) updated = t;
    }
    return {
      date,
      end: first.plus({ days: days - 1 }).toISODate()!,
      sendAt: first.plus({ days }).set({ hour, minute }).toISO({ includeOffset: true })!,
      updated,
      articles: members.map((a) => a.slug),
    };
  });
}
