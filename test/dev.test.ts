// npm run dev end to end, on 127.0.0.1 with real HTTP requests: it serves the
// site on the loopback address only; a saved article is rebuilt in the warm
// build process, also when the editor saves by writing a copy and renaming it
// over the file, every time; the site it leaves is byte for byte what a full
// `npm run build` of the same sources writes; a template edit is built in a
// fresh process; a broken article keeps the last good page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { cpSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { hashTree, makeTempProject, PROJECT_ROOT, type TempProject } from "./helpers/project.ts";
import { syntheticArticle } from "../scripts/bench/synthetic.ts";

const TSX = path.join(PROJECT_ROOT, "node_modules/.bin/tsx");

async function until<T>(what: string, probe: () => Promise<T | null> | T | null, output: () => string, timeoutMs = 110_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve().then(probe).catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; dev printed:\n${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function freePort(): Promise<number> {
  return new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

/** `npm run dev` in `root` on a free port, its output collected. */
async function startDev(root: string, args: string[] = []) {
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(TSX, ["scripts/cli/dev.ts", "--port", String(port), ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, BRIEFING_WORKERS: "0" } });
  child.stdout!.setEncoding("utf8").on("data", (d: string) => (output += d));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (output += d));
  const dev = {
    port,
    output: () => output,
    page: async (route: string) => {
      const r = await fetch(`http://127.0.0.1:${port}${route}`);
      return r.ok ? r.text() : null;
    },
    /** Waits until `route` is served containing `text`. */
    served: (route: string, text: string) => until(`${route} with "${text}"`, async () => ((await dev.page(route))?.includes(text) ? true : null), () => output),
    /** Waits for a line of the dev server's after `from` (an output length) that matches `pattern`. */
    line: (from: number, pattern: RegExp) => until(`a line matching ${pattern}`, () => output.slice(from).split("\n").find((l) => pattern.test(l)) ?? null, () => output),
    /**
     * Waits until the server has printed nothing for a while: one save can
     * reach the watcher as two events (the truncation and the write), and
     * the second one's build must not run under the next step.
     */
    quiet: async () => {
      let seen = -1;
      await until("the server to go quiet", async () => {
        const now = output.length;
        if (now === seen) return true;
        seen = now;
        await new Promise((r) => setTimeout(r, 1500));
        return output.length === seen ? true : null;
      }, () => output);
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
  await until("the server", () => (/^dev\s+serving/m.test(output) ? true : null), () => output);
  return dev;
}

/** Saves `text` as editors do atomically: a copy beside the file, renamed over it. */
function saveByRename(file: string, text: string): void {
  const copy = path.join(path.dirname(file), `.${path.basename(file)}.saving`);
  writeFileSync(copy, text);
  renameSync(copy, file);
}

describe("npm run dev", () => {
  let project: TempProject;
  let dev: Awaited<ReturnType<typeof startDev>>;
  const articles = [0, 1, 2].map((i) => syntheticArticle(21, i));
  const a = articles[0]!;
  const route = `/briefings/${a.plain.slug}/`;

  beforeAll(async () => {
    project = makeTempProject({ withSample: false });
    for (const x of articles) project.addArticle(x.name, x.text);
    dev = await startDev(project.root);
  });
  afterAll(async () => {
    await dev?.stop();
    project?.remove();
  });

  it("serves the built site on the loopback address only", async () => {
    expect(await dev.page(route)).toContain(a.plain.title.replace(/'/g, "&#39;"));
    // Another address of this machine must not answer.
    const { networkInterfaces } = await import("node:os");
    const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === "IPv4" && !i.internal);
    if (external) {
      await expect(fetch(`http://${external.address}:${dev.port}/`, { signal: AbortSignal.timeout(3000) })).rejects.toThrow();
    }
  });

  it("rebuilds an edited article's page in the warm build process, reprocessing only that article", async () => {
    const before = dev.output().length;
    project.addArticle(a.name, a.text.replace(/^title: .*$/m, 'title: "Edited while serving"'));
    await dev.served(route, "Edited while serving");
    await dev.line(before, new RegExp(`^dev +src/articles/${a.name} changed: rebuilt in \\d+ ms$`));
    expect(dev.output().slice(before)).toMatch(/^cache\s+2 hits, 1 miss,/m);
  });

  it("sees every save made by writing a copy and renaming it over the article", async () => {
    const file = path.join(project.root, "src/articles", a.name);
    for (const title of ["First save by rename", "Second save by rename"]) {
      const before = dev.output().length;
      saveByRename(file, a.text.replace(/^title: .*$/m, `title: "${title}"`));
      await dev.served(route, title);
      await dev.line(before, /^dev +.* changed: rebuilt in \d+ ms$/);
    }
  });

  it("leaves _site/ byte for byte as a full npm run build of the same sources writes it", async () => {
    await dev.quiet();
    // A second project with the same sources, built once from nothing by the CLI.
    const fresh = makeTempProject({ withSample: false });
    try {
      cpSync(path.join(project.root, "src/articles"), path.join(fresh.root, "src/articles"), { recursive: true });
      const built = spawnSync(TSX, ["scripts/cli/build.ts"], { cwd: fresh.root, encoding: "utf8", env: { ...process.env, BRIEFING_WORKERS: "0" } });
      expect(built.status, built.stdout + built.stderr).toBe(0);
      const devSite = hashTree(project.site(""));
      expect(Object.keys(devSite).length).toBeGreaterThan(20);
      expect(devSite).toEqual(hashTree(fresh.site("")));
      expect(readFileSync(path.join(project.root, "_data/briefing.json"), "utf8")).toBe(readFileSync(path.join(fresh.root, "_data/briefing.json"), "utf8"));
    } finally {
      fresh.remove();
    }
  });

  it("rebuilds in a fresh build process when a template changes, serving the edited page", async () => {
    const before = dev.output().length;
    const template = path.join(project.root, "src/about.njk");
    writeFileSync(template, readFileSync(template, "utf8").replace("</h1>", " (edited while serving)</h1>"));
    await dev.served("/about/", "(edited while serving)");
    await dev.line(before, /^dev +src\/about\.njk changed: rebuilt in a fresh build process in \d+ ms$/);
    // The warm process that follows still builds articles.
    const next = dev.output().length;
    project.addArticle(a.name, a.text.replace(/^title: .*$/m, 'title: "Edited after the template"'));
    await dev.served(route, "Edited after the template");
    await dev.line(next, /^dev +src\/articles\/.* changed: rebuilt in \d+ ms$/);
  });

  it("keeps the last good page when an article breaks, and reports the problem", async () => {
    const before = dev.output().length;
    project.addArticle("broken.md", "---\ntitle: Broken\ndate: 2026-02-30\n---\nBody.\n");
    await until("the problem report", () => (/keeps the last good build/.test(dev.output().slice(before)) ? true : null), dev.output);
    expect(dev.output().slice(before)).toMatch(/src\/articles\/broken\.md/);
    expect(await dev.page(route)).toContain("Edited after the template");
  });
});

describe("npm run dev -- --review", () => {
  it("shows what the machine guessed on the briefing pages, which npm run build never does", async () => {
    const project = makeTempProject({ withSample: false });
    const a = syntheticArticle(22, 0);
    project.addArticle(a.name, a.text);
    const dev = await startDev(project.root, ["--review"]);
    try {
      const page = await dev.page(`/briefings/${a.plain.slug}/`);
      expect(page).toMatch(/<h2 id="review-marks-heading">To review: \d+<\/h2>/);
      expect(await dev.page("/")).not.toContain("review-marks");
    } finally {
      await dev.stop();
      project.remove();
    }
  });
});
