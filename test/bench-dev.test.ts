// npm run dev end to end: serves the site on 127.0.0.1 only, and an edited
// article shows up rebuilt (the pipeline reruns, only that article is
// reprocessed); a broken article keeps the last good page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeTempProject, PROJECT_ROOT, type TempProject } from "./helpers/project.ts";
import { syntheticArticle } from "../scripts/bench/synthetic.ts";

let project: TempProject;
let dev: ChildProcess;
let output = "";
let port = 0;

async function until<T>(what: string, probe: () => Promise<T | null> | T | null, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve().then(probe).catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; dev printed:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const page = async (slug: string) => {
  const r = await fetch(`http://127.0.0.1:${port}/briefings/${slug}/`);
  return r.ok ? r.text() : null;
};

beforeAll(async () => {
  project = makeTempProject({ withSample: false });
  const a = syntheticArticle(21, 0);
  project.addArticle(a.name, a.text);
  port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  dev = spawn(path.join(PROJECT_ROOT, "node_modules/.bin/tsx"), ["scripts/cli/dev.ts", "--port", String(port)], { cwd: project.root, stdio: ["ignore", "pipe", "pipe"] });
  dev.stdout!.setEncoding("utf8").on("data", (d: string) => (output += d));
  dev.stderr!.setEncoding("utf8").on("data", (d: string) => (output += d));
  await until("the server", () => (/^dev\s+serving/m.test(output) ? true : null));
});

afterAll(async () => {
  if (dev.exitCode === null) {
    const exited = new Promise((r) => dev.once("exit", r));
    dev.kill("SIGTERM");
    await exited;
  }
  project.remove();
});

describe("npm run dev", () => {
  const a = syntheticArticle(21, 0);

  it("serves the built site on the loopback address only", async () => {
    expect(await page(a.plain.slug)).toContain(a.plain.title.replace(/'/g, "&#39;"));
    // Another address of this machine must not answer.
    const { networkInterfaces } = await import("node:os");
    const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === "IPv4" && !i.internal);
    if (external) {
      await expect(fetch(`http://${external.address}:${port}/`, { signal: AbortSignal.timeout(3000) })).rejects.toThrow();
    }
  });

  it("rebuilds an edited article's page, reprocessing only that article", async () => {
    const before = output.length;
    project.addArticle(a.name, a.text.replace(/^title: .*$/m, 'title: "Edited while serving"'));
    await until("the edited page", async () => ((await page(a.plain.slug))?.includes("Edited while serving") ? true : null));
    expect(output.slice(before)).toMatch(/^cache\s+0 hits, 1 miss,/m);
  });

  it("rebuilds when a template changes, serving the edited page", async () => {
    const template = path.join(project.root, "src/about.njk");
    writeFileSync(template, readFileSync(template, "utf8").replace("</h1>", " (edited while serving)</h1>"));
    await until("the edited about page", async () => {
      const r = await fetch(`http://127.0.0.1:${port}/about/`);
      return r.ok && (await r.text()).includes("(edited while serving)") ? true : null;
    });
  });

  it("keeps the last good page when an article breaks, and reports the problem", async () => {
    const before = output.length;
    project.addArticle("broken.md", "---\ntitle: Broken\ndate: 2026-02-30\n---\nBody.\n");
    await until("the problem report", () => (/keeps the last good build/.test(output.slice(before)) ? true : null));
    expect(output.slice(before)).toMatch(/src\/articles\/broken\.md/);
    expect(await page(a.plain.slug)).toContain("Edited while serving");
  });
});
