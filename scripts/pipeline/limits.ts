// Input limits. Each is far above real articles and exists so that a broken or
// hostile input fails with a clear message instead of exhausting the machine.
export const LIMITS = {
  /** Largest article file. A long feature is ~100 KB; 10 MiB leaves room for pasted archives. */
  fileBytes: 10 * 1024 * 1024,
  /** Longest single line (one paragraph a line); longer usually means a binary or minified file. */
  lineChars: 1_000_000,
  /** Front matter is metadata only. */
  frontMatterBytes: 64 * 1024,
  /** Articles in one build. */
  articles: 50_000,
  /** Nesting depth of Markdown lists and block quotes. */
  markdownDepth: 16,
} as const;
