// npm run schema: writes docs/data-file.schema.json, the JSON Schema of the
// data file (_data/briefing.json), generated from the zod schema in
// scripts/schema.ts so the documentation cannot drift from the code.
// `npm run schema -- --check` exits 1 when the committed file is out of date.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DataFileSchema } from "../schema.ts";
import { runCli } from "./run-cli.ts";

export const SCHEMA_PATH = "docs/data-file.schema.json";

/** The JSON Schema text, deterministic (zod emits keys in schema order). */
export function dataFileJsonSchema(): string {
  const schema = z.toJSONSchema(DataFileSchema, { target: "draft-2020-12" });
  return JSON.stringify({ $id: "https://briefing.invalid/data-file.schema.json", title: "Briefing data file (_data/briefing.json)", ...schema }, null, 2) + "\n";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runCli(async () => {
    const file = path.resolve(process.cwd(), SCHEMA_PATH);
    const text = dataFileJsonSchema();
    if (process.argv.includes("--check")) {
      const current = existsSync(file) ? readFileSync(file, "utf8") : "";
      if (current !== text) {
        process.stderr.write(`${SCHEMA_PATH} is out of date: run npm run schema\n`);
        return 1;
      }
      return 0;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    process.stdout.write(`wrote ${SCHEMA_PATH}\n`);
  });
}
