// Edit-to-page time of `npm run dev`: N synthetic articles, the dev server
// started once, then one article's title edited several times. For each edit:
// the time from the file write until the rebuilt page is on disk, and until
// the server answers with it (what the browser loads after the live reload).
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { makeBenchProjects, PROJECT_ROOT } from "./project.ts";
import { median } from "./run.ts";
import { syntheticCorpus } from "./synthetic.ts";

export interface DevLatency {
  n: number;
  startupMs: number;
  /** Per edit: write -> page on disk, write -> page served. */
  edits: { diskMs: number; servedMs: number }[];
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
    // Node 20's recursive fs.watch on Linux walks the folder before it reports
    // events; an edit in the first moments after start-up can go unseen. A
    // person does not edit within a second of starting the server; nor do we.
    await new Promise((r) => setTimeout(r, 3000));
    const edits: DevLatency["edits"] = [];
    for (let k = 0; k < options.edits; k++) {
      const article = articles[(k * 104729 + 17) % articles.length]!;
      const file = path.join(projects.briefing, "src/articles", article.name);
      const marker = `Dev edit ${k + 1} of the benchmark`;
      const page = path.join(projects.briefing, "_site/briefings", article.plain.slug, "index.html");
      const edited = readFileSync(file, "utf8").replace(/^title: .*$/m, `title: "${marker}"`);
      const written = performance.now();
      writeFileSync(file, edited);
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
      edits.push({ diskMs, servedMs });
      options.log(`dev: edit ${k + 1}: on disk after ${Math.round(diskMs)} ms, served after ${Math.round(servedMs)} ms`);
      // Let the rebuild finish before the next edit.
      await new Promise((r) => setTimeout(r, 1500));
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
  ].join("\n");
}
