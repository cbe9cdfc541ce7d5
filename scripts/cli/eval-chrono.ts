// npm run eval:chrono -- [DATA_DIR] [--scorer score.mjs] [--out DIR]
// Scores chrono-node (the usual JavaScript date parser, a devDependency for this
// comparison only) on the extraction gold set's dates, beside Briefing's own
// dates on the same articles: each text parsed whole against its gold
// `published` instant, in chrono's casual and strict modes. Prints the scorer's
// dates line for each, the milliseconds per article (second pass), and the gold dates chrono
// gets right that Briefing misses (where chrono would beat the project's rules).
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import * as chrono from "chrono-node";
import { loadSite } from "../site-settings.ts";
import { normalize } from "../pipeline/normalize/index.ts";
import { readArticle } from "../pipeline/read.ts";
import { BriefingError } from "../problems.ts";
import { runCli } from "./run-cli.ts";

interface GoldDate { text: string; start: string; end: string }
interface Gold { id: string; published: string; dates: GoldDate[] }
interface Dated { text: string; start: string; end: string; precision: string }

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A chrono component as an interval: the day when chrono knows it (or a weekday), else the month, else the year. */
function interval(c: chrono.ParsedComponents): { start: string; end: string; precision: string } {
  const y = c.get("year")!, m = c.get("month")!, d = c.get("day")!;
  if (c.isCertain("day") || c.isCertain("weekday") || !c.isCertain("month") && !c.isCertain("year")) return { start: iso(y, m, d), end: iso(y, m, d), precision: "day" };
  if (c.isCertain("month")) return { start: iso(y, m, 1), end: iso(y, m, lastDay(y, m)), precision: "month" };
  return { start: iso(y, 1, 1), end: iso(y, 12, 31), precision: "year" };
}

function chronoDates(parser: chrono.Chrono, text: string, published: string): Dated[] {
  return parser.parse(text, { instant: new Date(published), timezone: 0 }).map((r) => {
    const first = interval(r.start);
    const last = r.end ? interval(r.end) : first;
    return { text: r.text, start: first.start, end: last.end, precision: first.precision };
  });
}

const key = (d: { start: string; end: string }) => `${d.start}..${d.end}`;

await runCli(async () => {
  const root = process.cwd();
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    options: { scorer: { type: "string" }, out: { type: "string" } },
    allowPositionals: true,
  });
  const dataDir = path.resolve(positionals[0] ?? path.join(root, "../shared/data/extract"));
  const scorer = values.scorer ?? path.resolve(root, "../shared/tools/extract-score/score.mjs");
  const out = path.resolve(values.out ?? path.join(root, ".cache/eval/chrono"));
  const goldDir = path.join(dataDir, "gold");
  const site = loadSite(path.join(root, "_data/site.yaml"));
  const golds: Gold[] = readdirSync(goldDir).filter((f) => f.endsWith(".json")).sort()
    .map((f) => JSON.parse(readFileSync(path.join(goldDir, f), "utf8")) as Gold);

  // Read before timing: the comparison is of extraction, not of reading files.
  const sources = new Map(golds.map((g) => {
    const text = readFileSync(path.join(dataDir, "texts", `${g.id}.txt`), "utf8");
    const read = readArticle({ path: `${g.id}.txt`, bytes: Buffer.from(`---\ndate: ${g.published}\n---\n${text}`), sidecar: null, siteTimeZone: site.timeZone });
    if (!read.article) throw new BriefingError(read.problems);
    return [g.id, read.article] as const;
  }));
  const tools: { name: string; dates: (g: Gold, text: string) => Dated[] }[] = [
    { name: "Briefing", dates: (g) => normalize(sources.get(g.id)!, site).dates },
    { name: "chrono-node casual", dates: (g, text) => chronoDates(chrono.casual, text, g.published) },
    { name: "chrono-node strict", dates: (g, text) => chronoDates(chrono.strict, text, g.published) },
  ];
  const right = new Map<string, Map<string, Set<string>>>();
  for (const tool of tools) {
    const dir = path.join(out, tool.name.replace(/\W+/g, "-"));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    let ms = 0;
    const byArticle = new Map<string, Set<string>>();
    const texts = new Map(golds.map((g) => [g.id, readFileSync(path.join(dataDir, "texts", `${g.id}.txt`), "utf8")]));
    // A first pass warms the code up; the second is timed.
    for (const g of golds) tool.dates(g, texts.get(g.id)!);
    for (const g of golds) {
      const text = texts.get(g.id)!;
      const start = performance.now();
      const dates = tool.dates(g, text);
      ms += performance.now() - start;
      const gold = new Set(g.dates.map(key));
      byArticle.set(g.id, new Set(dates.map(key).filter((k) => gold.has(k))));
      writeFileSync(path.join(dir, `${g.id}.json`), JSON.stringify({ dates }));
    }
    right.set(tool.name, byArticle);
    const result = spawnSync(process.execPath, [scorer, goldDir, dir], { encoding: "utf8" });
    const line = result.stdout.split("\n").find((l) => l.startsWith("dates")) ?? result.stderr;
    process.stdout.write(`${tool.name.padEnd(20)} ${line}   ${(ms / golds.length).toFixed(2)} ms per article${tool.name === "Briefing" ? " (the whole normalize)" : ""}\n`);
  }
  const ours = right.get("Briefing")!;
  for (const name of ["chrono-node casual", "chrono-node strict"]) {
    const theirs = right.get(name)!;
    const only = golds.flatMap((g) => [...theirs.get(g.id)!].filter((k) => !ours.get(g.id)!.has(k)).map((k) => `${g.id} ${k}`));
    process.stdout.write(`gold dates ${name} gets right that Briefing misses: ${only.length}${only.length ? `\n  ${only.join("\n  ")}` : ""}\n`);
  }
  return 0;
});
