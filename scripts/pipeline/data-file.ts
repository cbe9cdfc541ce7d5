// The data file: validated against the schema on write and on read.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DataFileSchema, type DataFile } from "../schema.ts";
import { BriefingError, problem } from "./problems.ts";

export const DATA_FILE = "_data/briefing.json";

/**
 * Values that came out of validateDataFile. Validation costs ~0.85 ms per
 * article, so the build validates once (runPipeline) and the write trusts
 * that value; anything else is validated here. Build values are not mutated
 * after validation.
 */
const validated = new WeakSet<object>();

/** DataFileSchema.safeParse, remembering a valid result so that writing it does not validate it again. */
export function validateDataFile(value: unknown): ReturnType<typeof DataFileSchema.safeParse> {
  const result = DataFileSchema.safeParse(value);
  if (result.success) validated.add(result.data);
  return result;
}

/** Serializes deterministically: the same DataFile always gives the same bytes. */
export function serializeDataFile(data: DataFile): string {
  return JSON.stringify(validated.has(data) ? data : DataFileSchema.parse(data), null, 1) + "\n";
}

/** Writes next to the target and renames, so a reader never sees half a file. Returns the text written. */
export function writeDataFile(file: string, data: DataFile): string {
  const text = serializeDataFile(data);
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
  return text;
}

export function readDataFile(file: string): DataFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new BriefingError([problem({ file, stage: "render", message: `cannot read the data file: ${(error as Error).message}`, fix: "run `npm run build` (it writes the data file before rendering)" })]);
  }
  const parsed = DataFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new BriefingError([problem({ file, stage: "render", message: `the data file does not match the schema: ${parsed.error.issues[0]?.message} at ${parsed.error.issues[0]?.path.join(".")}`, fix: "rebuild it with `npm run build`" })]);
  }
  return parsed.data;
}
