import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { makeTempProject, type TempProject } from "./helpers/project.ts";

describe("the whole build from the seed", () => {
  let project: TempProject;
  beforeAll(async () => {
    project = makeTempProject();
    await project.build();
  });
  afterAll(() => project.remove());

  it("writes the home page and the briefing page", () => {
    expect(existsSync(project.site("index.html"))).toBe(true);
    const page = project.read("briefings/north-korea-demands-recognition-as-nuclear-power/index.html");
    expect(page).toContain("Slams U.S. as Rogue and Aggressor… Presses for Recognition as a Nuclear-Armed State");
  });
});
