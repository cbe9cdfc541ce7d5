// Counted nouns for people to read: build lines, page labels.

/** "1 article", "2 articles", "1,000 articles": the count and the noun in the right number. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? singular : plural}`;
}
