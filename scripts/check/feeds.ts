// Feed audit for `npm run check` (filled in by the feeds work).
import type { CheckResult, CheckTarget } from "./types.ts";

export async function checkFeeds(_target: CheckTarget): Promise<CheckResult> {
  return { name: "feeds", ok: false, summary: "not implemented yet", errors: ["feed checks not implemented"] };
}
