// A plain text (no file, no metadata) as the SourceArticle the pipeline reads,
// built by read.ts itself from the text's bytes and a sidecar with a fixed
// date, so that scoring a JSONL set runs exactly the build's read stage.
import { readArticle, type ReadResult } from "../read.ts";

/** Fixed, not the clock: summaries must not depend on when they were made. */
export const PLAIN_TEXT_DATE = "2000-01-01T00:00:00+00:00";

const SIDECAR = new TextEncoder().encode(`date: ${PLAIN_TEXT_DATE}\ntimeZone: UTC\n`);

/** `name` becomes the article's path (e.g. "set.jsonl#12.txt"); it must end in .txt. */
export function readPlainText(name: string, text: string, siteTimeZone: string): ReadResult {
  return readArticle({
    path: name,
    bytes: new TextEncoder().encode(text),
    sidecar: { path: name.replace(/\.txt$/, ".yaml"), bytes: SIDECAR },
    siteTimeZone,
  });
}
