// Eleventy renders the data file (_data/briefing.json) and nothing else: every
// article reaches templates through it, already normalized and validated.
// Run through tsx: `tsx node_modules/@11ty/eleventy/cmd.cjs --config=eleventy.config.ts`
// (Eleventy does not pick up a .ts config by itself). `npm run build` drives it
// through scripts/build.ts, which writes the data file first and swaps the
// output in atomically.
import { filtersPlugin } from "./scripts/eleventy/filters.ts";
import { feedsPlugin } from "./scripts/eleventy/feeds.ts";
import { emailPlugin } from "./scripts/email/eleventy-plugin.ts";
import { sitePlugin } from "./scripts/eleventy/pages.ts";
import { editionsPlugin } from "./scripts/eleventy/editions.ts";
import { pageHelpersPlugin } from "./scripts/eleventy/page-helpers.ts";
import { socialCardPlugin } from "./scripts/eleventy/social-card.ts";

// https://www.11ty.dev/docs/config/
export default function (eleventyConfig: any) {
  // Articles are the pipeline's input, not templates.
  eleventyConfig.ignores.add("src/articles/**");
  // No watch targets: Eleventy never watches here. `npm run dev` (scripts/cli/dev.ts) watches
  // src/, _includes/, _data/site.yaml and this file itself and, on a change, runs the whole build
  // (scripts/build.ts: pipeline, data file, then Eleventy) again in a fresh process.
  // Eleventy's file-by-file log is noise next to the build's one line per stage.
  eleventyConfig.setQuietMode(true);

  eleventyConfig.addPlugin(filtersPlugin);
  eleventyConfig.addPlugin(sitePlugin);
  eleventyConfig.addPlugin(pageHelpersPlugin);
  eleventyConfig.addPlugin(socialCardPlugin);
  eleventyConfig.addPlugin(feedsPlugin);
  eleventyConfig.addPlugin(emailPlugin);
  eleventyConfig.addPlugin(editionsPlugin);
}

export const config = {
  dir: {
    input: "src",
    // Relative to input. scripts/build.ts points `data` at a staging folder so
    // that a failed build leaves _data/briefing.json untouched.
    includes: "../_includes",
    data: process.env.BRIEFING_DATA_DIR ?? "../_data",
  },
  // Nunjucks for every template, including Markdown and HTML files.
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
  markdownTemplateEngine: "njk",
};
