import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { siteFromYaml } from "../scripts/site-settings.ts";
import { BriefingError } from "../scripts/problems.ts";

const SAMPLE = readFileSync(new URL("../_data/site.yaml", import.meta.url), "utf8");

function problemsOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof BriefingError) return error.problems;
    throw error;
  }
  throw new Error("expected a BriefingError");
}

describe("site configuration", () => {
  it("reads the sample with a root path prefix", () => {
    const site = siteFromYaml(SAMPLE, "_data/site.yaml", {});
    expect(site.url).toBe("http://localhost:8080/");
    expect(site.pathPrefix).toBe("/");
    expect(site.direction).toBe("ltr");
  });

  it("takes SITE_URL as the base URL and its path as the prefix, adding the trailing slash", () => {
    const site = siteFromYaml(SAMPLE, "_data/site.yaml", { SITE_URL: "https://example.org/briefing" });
    expect(site.url).toBe("https://example.org/briefing/");
    expect(site.pathPrefix).toBe("/briefing/");
  });

  it.each([
    ["example.org/briefing", /not an absolute URL/],
    ["ftp://example.org/", /http or https/],
    ["https://example.org/?x=1", /query, fragment or credentials/],
  ])("rejects SITE_URL=%s with a clear error naming SITE_URL", (value, message) => {
    const [p] = problemsOf(() => siteFromYaml(SAMPLE, "_data/site.yaml", { SITE_URL: value }));
    expect(p?.file).toBe("SITE_URL (environment)");
    expect(p?.message).toMatch(message);
    expect(p?.fix).toMatch(/https:\/\/example\.org/);
  });

  it("names the file, field and line of a wrong value", () => {
    const broken = SAMPLE.replace("homePageSize: 20", "homePageSize: twenty");
    const [p] = problemsOf(() => siteFromYaml(broken, "_data/site.yaml", {}));
    expect(p).toMatchObject({ file: "_data/site.yaml", field: "homePageSize" });
    expect(p?.line).toBe(SAMPLE.split("\n").findIndex((l) => l.startsWith("homePageSize")) + 1);
  });

  it("rejects an unknown time zone", () => {
    const [p] = problemsOf(() => siteFromYaml(SAMPLE.replace("timeZone: Asia/Seoul", "timeZone: Mars/Olympus"), "_data/site.yaml", {}));
    expect(p).toMatchObject({ field: "timeZone" });
  });

  it("derives right-to-left direction from the language", () => {
    expect(siteFromYaml(SAMPLE.replace("language: en", "language: ar"), "f", {}).direction).toBe("rtl");
  });
});
