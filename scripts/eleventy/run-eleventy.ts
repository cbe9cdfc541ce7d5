// One Eleventy run into an output folder, on a RenderInput handed over as
// plugin options: used in the build's own process (one process, every page)
// and in each render process of a sharded render (scripts/eleventy/shard-process.ts).
import path from "node:path";
import { BriefingError, problem } from "../problems.ts";
import { briefingSite, type RenderInput } from "./eleventy-site.ts";

/** Renders `input` into `outputDir`; returns how many files Eleventy wrote. Throws a BriefingError naming the template. */
export async function runEleventy(input: RenderInput, outputDir: string): Promise<number> {
  const { Eleventy } = await import("@11ty/eleventy");
  try {
    // No config file: eleventy.config.ts is for plain `eleventy` runs on the written data file.
    const eleventy = new Eleventy(path.join(input.root, "src"), outputDir, {
      configPath: false,
      quietMode: true,
      config: (eleventyConfig: unknown) => briefingSite(eleventyConfig, input),
    } as unknown as ConstructorParameters<typeof Eleventy>[2]);
    // Its closing "[11ty] Wrote N files" line is forced past quiet mode; the
    // build prints its own render line, and failures still arrive as errors.
    (eleventy as unknown as { disableLogger(): void }).disableLogger();
    const written = (await eleventy.write()) as unknown;
    const results = Array.isArray(written) ? (written.flat(2) as { outputPath?: string | false }[]) : [];
    return results.filter((r) => r && r.outputPath).length;
  } catch (error) {
    throw new BriefingError([
      problem({
        file: "src/", stage: "render",
        message: `Eleventy failed: ${describeError(error)}`,
        fix: "see the template named above; the previous _site/ is untouched",
      }),
    ]);
  }
}

/** An error and its causes on one line: Eleventy wraps the useful message. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e && parts.length < 5; e = (e as { cause?: unknown }).cause) {
    parts.push(e instanceof Error ? e.message : String(e));
  }
  return parts.join(" <- ");
}
