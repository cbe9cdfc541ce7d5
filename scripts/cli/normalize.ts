// npm run --silent normalize -- FILE... : the normalized articles as a JSON
// array on stdout (the objects the data file holds, drafts included).
import path from "node:path";
import { loadSite } from "../site-settings.ts";
import { processArticleOrThrow } from "../pipeline/process-article.ts";
import { BriefingError, formatProblem } from "../problems.ts";
import { readArticleFile } from "../pipeline/read.ts";
import { runCli } from "./run-cli.ts";

await runCli(async () => {
  const files = process.argv.slice(2).filter((a) => a !== "--");
  if (files.length === 0) {
    process.stderr.write("usage: npm run --silent normalize -- FILE...\n");
    return 2;
  }
  const root = process.cwd();
  const site = loadSite(path.join(root, "_data/site.yaml"));
  const articles = [];
  for (const file of files) {
    const result = readArticleFile(root, path.resolve(file), site.timeZone);
    for (const p of result.problems) process.stderr.write(formatProblem(p) + "\n");
    if (!result.article) throw new BriefingError(result.problems.filter((p) => p.severity === "error"));
    articles.push(processArticleOrThrow(result.article, site));
  }
  process.stdout.write(JSON.stringify(articles, null, 2) + "\n");
});
