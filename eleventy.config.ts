// A plain `eleventy` run renders the data file as the last build wrote it
// (_data/briefing.json, validated on read). Run through tsx:
// `tsx node_modules/@11ty/eleventy/cmd.cjs --config=eleventy.config.ts`
// (Eleventy does not pick up a .ts config by itself). `npm run build` does
// not read this file: scripts/build.ts hands Eleventy the same plugins
// (scripts/eleventy/eleventy-site.ts) with the data it has just made, and
// swaps the output in atomically.
import path from "node:path";
import { readDataFile, DATA_FILE } from "./scripts/pipeline/data-file.ts";
import { briefingSite } from "./scripts/eleventy/eleventy-site.ts";

// https://www.11ty.dev/docs/config/
export default function (eleventyConfig: any) {
  const root = process.cwd();
  briefingSite(eleventyConfig, {
    root,
    data: readDataFile(path.join(root, DATA_FILE)),
    only: null,
    pages: "all",
    reviewMarks: false,
    cardCache: null,
    emailFinishing: { workers: 0 },
  });
}

export const config = {
  // The other folders are set relative to this one (scripts/eleventy/eleventy-site.ts).
  dir: { input: "src" },
};
