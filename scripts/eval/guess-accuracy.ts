// How sure each kind of guess is, measured on the extraction gold set:
//   npm run eval:extract && npx tsx scripts/eval/guess-accuracy.ts
// reads the articles eval:extract wrote (.cache/eval/extract/briefing/) beside
// the gold (../shared/data/extract/gold/) and counts, per way a guess was
// made, how often it agrees with the gold: speakers by where they came from
// (speakerFrom), timeline dates by relative or calendar words, people with and
// without a role. A rough matcher (an attribution is paired with a gold
// quotation by its opening words, else with reported speech by its verb), for
// ranking what npm run review lists, not a score to tune on.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Article } from "../schema.ts";
import { isRelativeDate } from "../pipeline/review.ts";
import { matchForm } from "../pipeline/corrections.ts";

interface Gold {
  people: { name: string; aliases: string[]; role: string | null }[];
  dates: { text: string; start: string; end: string }[];
  quotes: { speaker: string | null; text: string }[];
  reported: { speaker: string | null; verb: string }[];
}

const opening = (text: string, n = 6) => matchForm(text).replace(/"/g, "").split(" ").slice(0, n).join(" ");

function sameSpeaker(a: Pick<Article["attributions"][number], "who" | "speakerFrom">, speaker: string | null, gold: Gold): boolean {
  // The gold names no one for unnamed sources ("analysts"): a group agrees, a name does not.
  if (!speaker) return a.speakerFrom === "group";
  const [w, g] = [matchForm(a.who), matchForm(speaker)];
  if (w === g || g.includes(w) || w.includes(g)) return true;
  const person = gold.people.find((p) => matchForm(p.name) === g);
  return !!person && person.aliases.some((a) => w.endsWith(matchForm(a).replace(/^(?:mr|mrs|ms|dr) /, "")));
}

/** Right and wrong counts per kind of guess for one article. */
export function guessAccuracy(article: Pick<Article, "attributions" | "timeline" | "people">, gold: Gold): Record<string, [number, number]> {
  const counts: Record<string, [number, number]> = {};
  const count = (kind: string, right: boolean) => {
    const c = (counts[kind] ??= [0, 0]);
    c[right ? 0 : 1]++;
  };
  for (const a of article.attributions) {
    const quote = gold.quotes.find((q) => matchForm(q.text).includes(opening(a.what)) || matchForm(a.what).includes(opening(q.text)));
    const reported = gold.reported.filter((r) => matchForm(r.verb) === matchForm(a.verb));
    if (quote) count(`speaker from ${a.speakerFrom}`, sameSpeaker(a, quote.speaker, gold));
    else if (reported.length > 0) count(`speaker from ${a.speakerFrom}`, reported.some((r) => sameSpeaker(a, r.speaker, gold)));
  }
  for (const t of article.timeline) {
    const g = gold.dates.find((d) => matchForm(d.text) === matchForm(t.dateText));
    if (g) count(isRelativeDate(t.dateText) ? "date from relative words" : "date from calendar words", g.start === t.start && g.end === t.end);
  }
  for (const p of article.people) {
    const g = gold.people.find((x) => matchForm(x.name) === matchForm(p.name));
    if (!g) continue;
    // Without a role: right when the gold gives none either. With one: when one role holds the other.
    if (p.role === null) count("person without a role", !g.role);
    else count("person with a role", !!g.role && (matchForm(g.role).includes(matchForm(p.role)) || matchForm(p.role).includes(matchForm(g.role))));
  }
  return counts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const goldDir = path.resolve(process.argv[2] ?? "../shared/data/extract/gold");
  const predDir = path.resolve(process.argv[3] ?? ".cache/eval/extract/briefing");
  const total: Record<string, [number, number]> = {};
  const files = readdirSync(goldDir).filter((f) => f.endsWith(".json")).sort();
  for (const file of files) {
    const gold = JSON.parse(readFileSync(path.join(goldDir, file), "utf8")) as Gold;
    const [article] = JSON.parse(readFileSync(path.join(predDir, file), "utf8")) as Article[];
    for (const [kind, [right, wrong]] of Object.entries(guessAccuracy(article!, gold))) {
      const t = (total[kind] ??= [0, 0]);
      t[0] += right;
      t[1] += wrong;
    }
  }
  process.stdout.write(`${files.length} articles\n`);
  for (const [kind, [right, wrong]] of Object.entries(total).sort()) {
    process.stdout.write(`${kind.padEnd(28)} ${String(right).padStart(4)} of ${String(right + wrong).padEnd(4)} agree with the gold (${((100 * right) / (right + wrong)).toFixed(0)}%)\n`);
  }
}
