// Finds article files under the articles folder, in a stable order that does
// not depend on the file system's listing order.
import { readdirSync } from "node:fs";
import path from "node:path";
import { ARTICLE_EXTENSIONS } from "./read.ts";

export function discoverArticles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: "utf8" });
  } catch {
    return [];
  }
  return entries
    .filter((name) => ARTICLE_EXTENSIONS[path.extname(name).toLowerCase()] !== undefined)
    .filter((name) => !name.split(path.sep).some((part) => part.startsWith(".") || part.startsWith("_")))
    .map((name) => path.join(dir, name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
