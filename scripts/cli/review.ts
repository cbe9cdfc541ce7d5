// npm run review [-- SLUG...] [--json] [--strict]: what the machine guessed in
// each article and the editor has not yet checked, with the sidecar lines that
// correct, hide or accept each guess. The output is YAML comments around
// snippets that start at the first column, so any snippet pastes as it is.
//   --json    the same as one JSON object, for tools
//   --strict  exit 1 when anything is left to review (a publishing gate for CI)
// Runs the build's pipeline (its caches included) and renders nothing.
import path from "node:path";
import { parseArgs } from "node:util";
import { defaultProcessor } from "../build.ts";
import { runPipeline } from "../pipeline/run.ts";
import { BriefingError, formatProblem, problem } from "../problems.ts";
import { loadSite } from "../site-settings.ts";
import type { Article } from "../schema.ts";
import { runCli } from "./run-cli.ts";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One article's guesses as text: a comment per guess, then its snippets. */
function formatArticleReview(article: Pick<Article, "slug" | "sourcePath" | "review">): string {
  const { guesses, sidecar } = article.review;
  const lines = [`# ${article.sourcePath} (${article.slug}): ${guesses.length === 0 ? "nothing to review" : `${plural(guesses.length, "guess", "guesses")}; corrections go in ${sidecar}`}`];
  guesses.forEach((g, i) => {
    lines.push("#", `# ${i + 1}. ${g.kind}: ${g.message}`);
    if (g.sentence) lines.push(`#    from ${g.sentence.id}: ${g.sentence.text}`);
    for (const fix of g.fixes) lines.push(`# ${fix.action}:`, fix.yaml);
  });
  if (guesses.length > 0) {
    lines.push("#", `# To accept all ${guesses.length} as they are, add to ${sidecar} (into its reviewed: list if it has one):`);
    lines.push("reviewed:", ...guesses.map((g) => `  - ${JSON.stringify(g.reviewed)}`));
  }
  return lines.join("\n") + "\n";
}

await runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: "boolean", default: false }, strict: { type: "boolean", default: false } },
  });
  const root = process.cwd();
  const site = loadSite(path.join(root, "_data/site.yaml"), process.env);
  const result = await runPipeline(
    { root, articlesDir: path.join(root, "src/articles"), site },
    defaultProcessor(root, process.env, {}, () => {}),
  );
  const errors = result.problems.filter((p) => p.severity === "error");
  if (!result.checked || errors.length > 0) throw new BriefingError(errors.length > 0 ? errors : result.problems);
  for (const w of result.problems) process.stderr.write(formatProblem(w) + "\n");

  let articles = result.checked.data.articles;
  if (positionals.length > 0) {
    const bySlug = new Map(articles.map((a) => [a.slug, a]));
    const unknown = positionals.filter((s) => !bySlug.has(s));
    if (unknown.length > 0) {
      throw new BriefingError(unknown.map((slug) => problem({
        file: "npm run review", stage: "review", message: `no published article has the slug "${slug}"`,
        fix: `use one of: ${[...bySlug.keys()].slice(0, 10).join(", ")}${bySlug.size > 10 ? ", …" : ""}`,
      })));
    }
    articles = positionals.map((s) => bySlug.get(s)!);
  }
  const total = articles.reduce((n, a) => n + a.review.guesses.length, 0);
  if (values.json) {
    const out = {
      guesses: total,
      articles: articles.map((a) => ({ slug: a.slug, sourcePath: a.sourcePath, ...a.review })),
    };
    process.stdout.write(JSON.stringify(out, null, 2) + "\n");
  } else {
    process.stdout.write(articles.map(formatArticleReview).join("\n"));
    const withGuesses = articles.filter((a) => a.review.guesses.length > 0).length;
    process.stdout.write(total === 0
      ? `\n# nothing to review in ${plural(articles.length, "article", "articles")}\n`
      : `\n# ${plural(total, "guess", "guesses")} to review in ${plural(withGuesses, "article", "articles")} of ${articles.length}\n`);
  }
  return values.strict && total > 0 ? 1 : 0;
});
