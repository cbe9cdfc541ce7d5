// Everything Eleventy is given, in one place: the data file's value and the
// pages to write arrive as plugin options (https://www.11ty.dev/docs/plugins/),
// from scripts/build.ts (the Eleventy constructor's `config` callback) or from
// eleventy.config.ts (a plain `eleventy` run, on the data file as written).
// No global-data keys to fish them back out, no environment variable, no chdir.
import path from "node:path";
import type { DataFile } from "../schema.ts";
import { listFiles, relativePath } from "../list-files.ts";
import { OWN_PAGE_TEMPLATES, type PageSet } from "./shards.ts";
import { filtersPlugin } from "./filters.ts";
import { feedsPlugin } from "./feeds.ts";
import { emailPlugin, type EmailFinishing } from "../email/eleventy-plugin.ts";
import { sitePlugin } from "./pages.ts";
import { editionsPlugin } from "./editions.ts";
import { pageHelpersPlugin } from "./page-helpers.ts";
import { socialCardPlugin } from "./social-card.ts";

/** The pages a render writes besides the shared ones: null for every briefing and edition. */
export interface RenderOnly {
  /** Slugs whose own pages (briefings/<slug>/) are written. */
  articles: readonly string[];
  /** Dates of the editions whose own pages (editions/<date>/) are written. */
  editions: readonly string[];
}

export interface RenderInput {
  /** The project folder: templates in src/, includes in _includes/. */
  root: string;
  data: DataFile;
  only: RenderOnly | null;
  /** Show the review's marks on briefing pages (npm run dev's toggle, never npm run build's). */
  reviewMarks: boolean;
  /** Where social cards are kept between builds; null: drawn every time. */
  cardCache: string | null;
  emailFinishing: EmailFinishing;
  /**
   * Which pages this Eleventy writes (scripts/eleventy/shards.ts): "all", or in
   * a sharded render "own" (the briefing and edition pages of `only`) or
   * "shared" (every other page, and the assets).
   */
  pages: PageSet;
}

export function briefingSite(eleventyConfig: any, input: RenderInput): void {
  // Folders relative to the input folder (src/), so that the build works from any working directory.
  eleventyConfig.setIncludesDirectory("../_includes");
  // Eleventy's own data folder is not used: the data is the plugin option
  // below. A folder that does not exist, so that _data/briefing.json (the
  // previous build's, until the swap) is never read a second time.
  eleventyConfig.setDataDirectory("../.no-eleventy-data");
  eleventyConfig.setTemplateFormats(["njk"]);
  // Articles are the pipeline's input, not templates. Eleventy reads ignores relative to the working directory.
  const ignore = (file: string) => eleventyConfig.ignores.add(relativePath(process.cwd(), file));
  ignore(path.join(input.root, "src/articles/**"));
  // A process of a sharded render leaves out the templates of the other kind of page.
  for (const template of templatesLeftOut(input.root, input.pages)) ignore(template);
  // Eleventy's file-by-file log is noise next to the build's one line per stage.
  eleventyConfig.setQuietMode(true);

  eleventyConfig.addGlobalData("briefing", input.data);
  if (input.reviewMarks) eleventyConfig.addGlobalData("briefingReviewMarks", true);
  eleventyConfig.addPlugin(filtersPlugin);
  eleventyConfig.addPlugin(sitePlugin, input);
  eleventyConfig.addPlugin(pageHelpersPlugin);
  eleventyConfig.addPlugin(socialCardPlugin, input);
  eleventyConfig.addPlugin(feedsPlugin);
  eleventyConfig.addPlugin(emailPlugin, input);
  eleventyConfig.addPlugin(editionsPlugin, input);
}

/** The templates a render of `pages` leaves out (full paths). */
export function templatesLeftOut(root: string, pages: PageSet): string[] {
  if (pages === "all") return [];
  const src = path.join(root, "src");
  const own = new Set<string>(OWN_PAGE_TEMPLATES);
  const templates = listFiles(src, (rel) => rel === "articles" || rel === "assets").filter((file) => file.endsWith(".njk"));
  return templates.filter((file) => own.has(relativePath(src, file)) !== (pages === "own"));
}
