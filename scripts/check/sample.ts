// Builds a project's articles into a throwaway copy of the project, so that
// `npm run check` can audit the site at the domain root and under a path
// prefix without touching the project's own _site/ or _data/briefing.json.
// The copy holds the real templates, site.yaml and config; scripts and
// node_modules are symlinked.
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { build, type BuildReport } from "../build.ts";
import type { CheckTarget } from "./types.ts";

export interface SampleBuild {
  target: CheckTarget;
  report: BuildReport;
  /** The throwaway project; remove() deletes it. */
  root: string;
  remove(): void;
}

/** A copy of the project at `projectRoot` in a new temp folder, ready to build. */
export function copyProject(projectRoot: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "briefing-check-"));
  for (const dir of ["src", "_includes"]) cpSync(path.join(projectRoot, dir), path.join(root, dir), { recursive: true });
  mkdirSync(path.join(root, "_data"));
  cpSync(path.join(projectRoot, "_data/site.yaml"), path.join(root, "_data/site.yaml"));
  cpSync(path.join(projectRoot, "eleventy.config.ts"), path.join(root, "eleventy.config.ts"));
  for (const link of ["scripts", "node_modules", "package.json"]) symlinkSync(path.join(projectRoot, link), path.join(root, link));
  return root;
}

/** Builds the project's articles for `siteUrl` into a copy; the target is what the checks audit. */
export async function buildSample(projectRoot: string, siteUrl: string, root = copyProject(projectRoot)): Promise<SampleBuild> {
  const report = await build({ root, env: { SITE_URL: siteUrl } });
  return {
    target: { siteDir: path.join(root, "_site"), baseUrl: report.data.site.url, pathPrefix: report.data.site.pathPrefix },
    report,
    root,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
