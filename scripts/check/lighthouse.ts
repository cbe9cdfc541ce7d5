// Lighthouse 12 (npm lighthouse@12.2.3; 13 needs Node 22) against Debian's
// Chromium, launched with the no-network flags and a DevTools port on
// 127.0.0.1. The site is built for the server's own URL so that canonical
// links, robots.txt and the sitemap are what a real deploy at the root serves.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CHROMIUM_ARGS, CHROMIUM_PATH, serveStatic } from "./browser.ts";
import { buildSample, copyProject } from "./sample.ts";
import { servedPath, webPages } from "./output-files.ts";
import type { CheckResult } from "./types.ts";

export const LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export const LIGHTHOUSE_MINIMUM = 95;
/**
 * Runs per page; each category's score is the median. Lighthouse's own advice
 * for variance (docs/variability.md): on a busy machine one run's simulated
 * CPU timings swing by several points, the median of a few does not.
 */
export const LIGHTHOUSE_RUNS = 3;

/** The middle value (lower middle for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

export interface LighthouseScores {
  page: string;
  /** Median of the runs, 0-100. */
  scores: Record<(typeof LIGHTHOUSE_CATEGORIES)[number], number>;
  /** Every run's scores, in order. */
  runs: Record<(typeof LIGHTHOUSE_CATEGORIES)[number], number>[];
  /** Audits that scored below 1 in a category, for the report. */
  failing: string[];
}

/** Starts Chromium with a DevTools port; resolves when it is listening. */
async function startChromium(): Promise<{ port: number; stop(): Promise<void> }> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), "briefing-lighthouse-"));
  const child: ChildProcess = spawn(CHROMIUM_PATH, [...CHROMIUM_ARGS, `--user-data-dir=${userDataDir}`, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const m = /DevTools listening on ws:\/\/127\.0\.0\.1:(\d+)\//.exec(buffer);
      if (m) resolve(Number(m[1]));
    });
    child.on("exit", (code) => reject(new Error(`chromium exited (${code}) before DevTools listened: ${buffer.slice(0, 500)}`)));
  });
  return {
    port,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Lighthouse scores (0-100) of the home page and the first briefing page of the project's site. */
export async function runLighthouse(projectRoot: string): Promise<LighthouseScores[]> {
  const { default: lighthouse } = await import("lighthouse");
  const root = copyProject(projectRoot);
  const siteDir = path.join(root, "_site");
  const server = await serveStatic(siteDir, "/");
  const chromium = await startChromium();
  try {
    await buildSample(projectRoot, server.url, root);
    const briefing = webPages(siteDir).find((p) => p.startsWith("briefings/"));
    const targets = ["index.html", ...(briefing ? [briefing] : [])];
    const results: LighthouseScores[] = [];
    for (const rel of targets) {
      const url = new URL(servedPath(rel, "/"), server.url).href;
      const runs: LighthouseScores["runs"] = [];
      const failing = new Set<string>();
      for (let run = 0; run < LIGHTHOUSE_RUNS; run++) {
        const runner = await lighthouse(url, { port: chromium.port, output: "json", logLevel: "error", onlyCategories: [...LIGHTHOUSE_CATEGORIES] });
        if (!runner) throw new Error(`Lighthouse returned nothing for ${url}`);
        const lhr = runner.lhr;
        if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        runs.push(Object.fromEntries(
          LIGHTHOUSE_CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
        ) as LighthouseScores["scores"]);
        for (const c of LIGHTHOUSE_CATEGORIES) {
          for (const ref of lhr.categories[c]?.auditRefs ?? []) {
            const audit = lhr.audits[ref.id];
            if (ref.weight > 0 && (audit?.score ?? 1) < 1) failing.add(`${c}: ${ref.id} (${audit?.displayValue ?? audit?.score})`);
          }
        }
      }
      const scores = Object.fromEntries(LIGHTHOUSE_CATEGORIES.map((c) => [c, median(runs.map((r) => r[c]))])) as LighthouseScores["scores"];
      results.push({ page: rel, scores, runs, failing: [...failing] });
    }
    return results;
  } finally {
    await chromium.stop();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

export function lighthouseResult(results: LighthouseScores[]): CheckResult {
  const errors = results.flatMap((r) =>
    LIGHTHOUSE_CATEGORIES.filter((c) => r.scores[c] < LIGHTHOUSE_MINIMUM).map(
      (c) => `${r.page}: ${c} ${r.scores[c]} < ${LIGHTHOUSE_MINIMUM} (${r.failing.filter((f) => f.startsWith(c)).join("; ")})`,
    ),
  );
  return {
    name: "lighthouse",
    ok: errors.length === 0,
    summary: `median of ${LIGHTHOUSE_RUNS} runs (mobile): ` +
      results
        .map((r) => `${r.page}: ${LIGHTHOUSE_CATEGORIES.map((c) => `${c} ${r.scores[c]} (${r.runs.map((run) => run[c]).join("/")})`).join(", ")}`)
        .join(" | "),
    errors,
    warnings: results.flatMap((r) => r.failing.map((f) => `${r.page}: ${f}`)),
  };
}
