// Edit-to-page time of `npm run dev`: N synthetic articles, the dev server
// started once, then one article's title edited several times, saved in turn
// by a plain write and by writing a copy and renaming it over the file (an
// editor's atomic save). For each edit: the time from the save until the
// rebuilt page is on disk, and until the server answers with it (what the
// browser loads after the live reload), and how long the build's stages took
// (from the lines the build process prints).
import { spawn } from "node:child_process";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { makeBenchProjects, PROJECT_ROOT } from "./project.ts";
import { median } from "./run.ts";
import { syntheticCorpus } from "./synthetic.ts";

export interface DevLatency {
  n: number;
  startupMs: number;
  /** Per edit: how it was saved, save -> page on disk, save -> page served, and the build's stage times. */
  edits: { saved: "write" | "rename"; diskMs: number; servedMs: number; stages: Record<string, number> }[];
}

/** The build stages whose times the table shows, as the build prints them. */
const STAGES = ["pipeline", "data", "render", "keep", "swap"] as const;

/** `name -> ms` of the build's stage lines ("render     108 files written … (4033 ms)") in `output`. */
function stageTimes(output: string): Record<string, number> {
  const times: Record<string, number> = {};
  for (const line of output.split("\n")) {
    const m = /^(\w+)\s.*\((\d+) ms\)$/.exec(line);
    if (m && (STAGES as readonly string[]).includes(m[1]!)) times[m[1]!] = Number(m[2]);
    const whole = /^dev\s+.* changed: rebuilt in (\d+) ms$/.exec(line);
    if (whole) times.build = Number(whole[1]);
  }
  return times;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null> | T | null): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function measureDevLatency(options: { n: number; seed: number; edits: number; log: (line: string) => void }): Promise<DevLatency> {
  const articles = syntheticCorpus(options.seed, options.n);
  const projects = makeBenchProjects(articles);
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(path.join(PROJECT_ROOT, "node_modules/.bin/tsx"), ["scripts/cli/dev.ts", "--port", String(port)], {
    cwd: projects.briefing,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (output += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (output += d));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  try {
    options.log(`dev: N=${options.n}, starting the dev server on port ${port}`);
    await until("the dev server to start", 300_000, () => (/^dev\s+serving/m.test(output) ? true : child.exitCode !== null ? Promise.reject(new Error(output)) : null));
    const startupMs = performance.now() - t0;
    // The watcher is ready before the server says it is serving: no wait here.
    const edits: DevLatency["edits"] = [];
    for (let k = 0; k < options.edits; k++) {
      const article = articles[(k * 104729 + 17) % articles.length]!;
      const file = path.join(projects.briefing, "src/articles", article.name);
      const marker = `Dev edit ${k + 1} of the benchmark`;
      const page = path.join(projects.briefing, "_site/briefings", article.plain.slug, "index.html");
      const edited = readFileSync(file, "utf8").replace(/^title: .*$/m, `title: "${marker}"`);
      const saved = k % 2 === 0 ? "write" : "rename";
      const from = output.length;
      const written = performance.now();
      if (saved === "write") {
        writeFileSync(file, edited);
      } else {
        writeFileSync(`${file}.saving`, edited);
        renameSync(`${file}.saving`, file);
      }
      const diskMs = await until("the page on disk", 180_000, () => {
        try {
          return readFileSync(page, "utf8").includes(marker) ? performance.now() - written : null;
        } catch {
          return null;
        }
      });
      const servedMs = await until("the page from the server", 60_000, async () => {
        const response = await fetch(`http://127.0.0.1:${port}/briefings/${article.plain.slug}/`);
        return (await response.text()).includes(marker) ? performance.now() - written : null;
      });
      // The build's last lines (the swap, the data file's record) come after the page is in place.
      await until("the build to finish", 60_000, () => (/^dev\s+.* changed: rebuilt/m.test(output.slice(from)) ? true : null));
      const stages = stageTimes(output.slice(from));
      edits.push({ saved, diskMs, servedMs, stages });
      options.log(`dev: edit ${k + 1} (saved by ${saved}): on disk after ${Math.round(diskMs)} ms, served after ${Math.round(servedMs)} ms; ${STAGES.map((s) => `${s} ${stages[s] ?? "–"} ms`).join(", ")}`);
    }
    return { n: options.n, startupMs, edits };
  } catch (error) {
    // Say what the dev server printed: a timeout alone does not tell why.
    throw new Error(`${(error as Error).message}\n--- npm run dev printed (last 1,500 characters):\n${output.slice(-1500)}`);
  } finally {
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
    projects.remove();
  }
}

export function formatDevLatency(d: DevLatency): string {
  return [
    `| npm run dev, N = ${d.n.toLocaleString("en-US")} | median | edits |`,
    "|---|---:|---:|",
    `| start (cold cache) to serving | ${(d.startupMs / 1000).toFixed(2)} s | – |`,
    `| article saved → page rebuilt on disk | ${Math.round(median(d.edits.map((e) => e.diskMs)))} ms | ${d.edits.length} |`,
    `| article saved → page served | ${Math.round(median(d.edits.map((e) => e.servedMs)))} ms | ${d.edits.length} |`,
    ...["build", ...STAGES].map((stage) => {
      const times = d.edits.flatMap((e) => (e.stages[stage] === undefined ? [] : [e.stages[stage]!]));
      return `| ${stage === "build" ? "the build, as the dev server timed it" : `of which the build's ${stage} stage`} | ${times.length > 0 ? `${Math.round(median(times))} ms` : "–"} | ${times.length} |`;
    }),
  ].join("\n");
}
