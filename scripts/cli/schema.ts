// npm run schema: writes docs/data-file.schema.json, the JSON Schema of the
// data file (_data/briefing.json), generated from the zod schema in
// scripts/schema.ts so the documentation cannot drift from the code; and
// docs/front-matter.schema.json, the fields of front matter and sidecars
// (corrections included), for editors whose YAML tools take a JSON Schema.
// `npm run schema -- --check` exits 1 when a committed file is out of date.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DataFileSchema } from "../schema.ts";
import { FrontMatterSchema } from "../pipeline/front-matter.ts";
import { runCli } from "./run-cli.ts";

export const SCHEMA_PATH = "docs/data-file.schema.json";

/** The JSON Schema text, deterministic (zod emits keys in schema order). */
export function dataFileJsonSchema(): string {
  const schema = z.toJSONSchema(DataFileSchema, { target: "draft-2020-12" });
  return JSON.stringify({ $id: "https://briefing.invalid/data-file.schema.json", title: "Briefing data file (_data/briefing.json)", ...schema }, null, 2) + "\n";
}

export const FRONT_MATTER_SCHEMA_PATH = "docs/front-matter.schema.json";

/** The JSON Schema of front matter and sidecar fields, as written (before zod's transforms). */
export function frontMatterJsonSchema(): string {
  const schema = z.toJSONSchema(FrontMatterSchema, {
    target: "draft-2020-12",
    io: "input",
    // zod drops examples from a field with a transform (they would describe its output); ours are
    // written as an editor writes them, so they describe the input: keep them.
    override: (ctx) => {
      const examples = z.globalRegistry.get(ctx.zodSchema)?.examples;
      if (examples !== undefined) ctx.jsonSchema.examples = examples as unknown[];
    },
  });
  return JSON.stringify({ $id: "https://briefing.invalid/front-matter.schema.json", title: "Briefing front matter and sidecar (<name>.yaml)", ...schema }, null, 2) + "\n";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runCli(async () => {
    const outputs: [string, string][] = [[SCHEMA_PATH, dataFileJsonSchema()], [FRONT_MATTER_SCHEMA_PATH, frontMatterJsonSchema()]];
    if (process.argv.includes("--check")) {
      const stale = outputs.filter(([rel, text]) => {
        const file = path.resolve(process.cwd(), rel);
        return (existsSync(file) ? readFileSync(file, "utf8") : "") !== text;
      });
      for (const [rel] of stale) process.stderr.write(`${rel} is out of date: run npm run schema\n`);
      return stale.length > 0 ? 1 : 0;
    }
    for (const [rel, text] of outputs) {
      const file = path.resolve(process.cwd(), rel);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      process.stdout.write(`wrote ${rel}\n`);
    }
  });
}
