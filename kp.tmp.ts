import path from "node:path";
import { readFileSync } from "node:fs";
import { loadSite } from "./scripts/site/config.ts";
import { normalize } from "./scripts/pipeline/normalize/index.ts";
import { readPlainText } from "./scripts/pipeline/summarize/plain-text-source.ts";
import { summarize } from "./scripts/pipeline/summarize/index.ts";
const site = loadSite(path.join(process.cwd(), "_data/site.yaml"));
const dist = new Map<number, number>();
let shown = 0;
const skip = Number(process.env.SKIP ?? 0);
let seen = 0;
for (const l of readFileSync("../shared/data/summaries/dev/dev.jsonl", "utf8").trim().split("\n")) {
  const d = JSON.parse(l);
  const a = normalize(readPlainText("x.txt", d.text, site.timeZone).article!, site);
  const r = summarize(a, null, { minWords: 60, maxWords: 90 });
  dist.set(r.keyPoints.length, (dist.get(r.keyPoints.length) ?? 0) + 1);
  if (d.source === (process.env.SRC ?? "cnndm") && seen++ >= skip && shown < 4) { shown++; console.log("GIST:", r.summary.text); for (const p of r.keyPoints) console.log("  -", p); }
}
console.log([...dist].sort());
