import { readFileSync, readdirSync } from "node:fs";
import { extractEntities } from "./scripts/pipeline/normalize/entities.ts";
import { splitSentences } from "./scripts/pipeline/normalize/index.ts";
const dir = "/work/shared/data/extract/texts/";
const docs = readdirSync(dir).map((f) => readFileSync(dir + f, "utf8").split(/\n+/).flatMap((p) => splitSentences(p)).map((t, i) => ({ id: `s${i}`, text: t })));
for (let pass = 0; pass < 3; pass++) {
  const t = performance.now();
  const per: [number, number][] = [];
  docs.forEach((d, i) => { const a = performance.now(); extractEntities(d); per.push([performance.now() - a, i]); });
  console.log(pass, ((performance.now() - t) / docs.length).toFixed(2), "ms/article", per.sort((a, b) => b[0] - a[0]).slice(0, 3).map(([m, i]) => `${m.toFixed(1)}@${i}`).join(" "));
}
