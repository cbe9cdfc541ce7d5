// The worker count comes from BuildOptions alone: `build({ workers: 0 })`
// finishes every email on the main thread, whatever BRIEFING_WORKERS says
// (only the CLI reads the environment); with workers, the emails finished in
// worker threads are the same bytes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { hashTree, makeTempProject, type TempProject } from "./helpers/project.ts";
import { syntheticArticle } from "../scripts/bench/synthetic.ts";
import { listFiles } from "../scripts/list-files.ts";

// More emails than the finisher's threshold for starting workers (64).
const N = 70;
let project: TempProject;
const saved = process.env.BRIEFING_WORKERS;

beforeAll(() => {
  project = makeTempProject();
  for (let i = 0; i < N; i++) {
    const a = syntheticArticle(5, i);
    project.addArticle(a.name, a.text);
  }
  process.env.BRIEFING_WORKERS = "2";
});
afterAll(() => {
  project.remove();
  if (saved === undefined) delete process.env.BRIEFING_WORKERS;
  else process.env.BRIEFING_WORKERS = saved;
});

describe("workers from BuildOptions", () => {
  it("with workers: 0, finishes every email on the main thread even when BRIEFING_WORKERS is set", async () => {
    const report = await project.build({ workers: 0 });
    const emails = listFiles(project.site(""), () => false).filter((f) => path.basename(f) === "email.html").length;
    expect(emails).toBeGreaterThan(64);
    expect(report.emails).toEqual({ workers: 0, main: emails });
  }, 120_000);

  it("with workers, finishes every email in the worker threads, byte for byte the same site", async () => {
    const serial = await project.build({ workers: 0, cache: false });
    const serialSite = hashTree(project.site(""));
    const report = await project.build({ workers: 2, cache: false });
    expect(report.emails).toEqual({ workers: serial.emails.main, main: 0 });
    expect(hashTree(project.site(""))).toEqual(serialSite);
  }, 240_000);
});
