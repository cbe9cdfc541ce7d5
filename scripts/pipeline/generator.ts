// The generator named in feeds and page metadata. The version comes from
// package.json so that it changes with a release, never with the clock.
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

export const GENERATOR = { name: "Briefing", version: pkg.version, url: "https://github.com/briefing-news/briefing" } as const;
