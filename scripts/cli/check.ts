// npm run check: audits the site with the tools the field trusts and exits
// non-zero on any error, one summary line per check.
//
//   npm run check                      build the project's articles twice into temp
//                                      folders, at the domain root (https://example.org/)
//                                      and under a path prefix (https://example.org/briefing/),
//                                      and audit both
//   npm run check -- --site _site      audit an already built site instead (base URL
//                                      from _data/briefing.json, or --base-url URL)
//   npm run check -- --lighthouse      also run Lighthouse on the home and a briefing page
//   npm run check -- --verbose         list every warning on its own line (by
//                                      default they are grouped by message and counted)
//
// Screenshots of a briefing page (1280 and 375 px, light and dark) go to
// .artifacts/screenshots/.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runCli } from "./run-cli.ts";
import { countOf } from "../count.ts";
import { buildSample } from "../check/sample.ts";
import { formatResult, runSiteChecks } from "../check/run.ts";
import { lighthouseResult, runLighthouse } from "../check/lighthouse.ts";
import type { CheckResult, CheckTarget } from "../check/types.ts";

export const ROOT_URL = "https://example.org/";
export const PREFIX_URL = "https://example.org/briefing/";
export const SCREENSHOT_DIR = ".artifacts/screenshots";

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      site: { type: "string" },
      "base-url": { type: "string" },
      lighthouse: { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
    },
  });
  // `npm run check --lighthouse` (without the "--") reaches us as an npm config variable.
  const wantLighthouse = values.lighthouse || process.env.npm_config_lighthouse === "true";
  const projectRoot = process.cwd();
  const screenshotDir = path.join(projectRoot, SCREENSHOT_DIR);
  const all: CheckResult[] = [];
  const print = (result: CheckResult, label: string) => {
    all.push(result);
    process.stdout.write(formatResult(result, label, values.verbose) + "\n");
  };

  if (values.site) {
    const siteDir = path.resolve(values.site);
    const baseUrl = values["base-url"] ?? JSON.parse(readFileSync(path.join(projectRoot, "_data/briefing.json"), "utf8")).site.url;
    const target: CheckTarget = { siteDir, baseUrl, pathPrefix: new URL(baseUrl).pathname };
    const { results, screenshots } = await runSiteChecks(target, { screenshotDir, screenshotLabel: "site" });
    for (const r of results) print(r, baseUrl);
    if (screenshots.length) process.stdout.write(`  screenshots: ${screenshots.map((s) => path.relative(projectRoot, s)).join(", ")}\n`);
  } else {
    for (const [label, url] of [["root", ROOT_URL], ["prefix", PREFIX_URL]] as const) {
      const sample = await buildSample(projectRoot, url);
      try {
        const { results, screenshots } = await runSiteChecks(sample.target, { screenshotDir, screenshotLabel: label });
        for (const r of results) print(r, `${label} ${url}`);
        if (screenshots.length) process.stdout.write(`  screenshots: ${screenshots.map((s) => path.relative(projectRoot, s)).join(", ")}\n`);
      } finally {
        sample.remove();
      }
    }
  }

  if (wantLighthouse) {
    const result = lighthouseResult(await runLighthouse(projectRoot));
    print(result, "root http://127.0.0.1");
  }

  const failed = all.filter((r) => !r.ok);
  const warningCount = all.reduce((n, r) => n + (r.warnings?.length ?? 0), 0);
  const warned = warningCount > 0 ? `, ${countOf(warningCount, "warning")}` : "";
  process.stdout.write(failed.length === 0 ? `check: all ${all.length} checks passed${warned}\n` : `check: ${failed.length} of ${all.length} checks failed (${failed.map((r) => r.name).join(", ")})${warned}\n`);
  return failed.length === 0 ? 0 : 1;
});
