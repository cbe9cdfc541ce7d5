// Content terms through one article's table: the same terms as a fresh table
// gives, however often the table has to grow, and nothing shared between
// tables (no module-level state).
import { describe, expect, it } from "vitest";
import { contentTerms, termTable } from "../scripts/pipeline/summarize/words.ts";

/** Made-up words, all distinct: "bavok", "bavel", ... */
function distinctWords(n: number): string[] {
  const syllables = ["ba", "ko", "ri", "mu", "te", "lo", "sa", "ne", "di", "pu"];
  return Array.from({ length: n }, (_, i) => syllables[i % 10]! + syllables[Math.floor(i / 10) % 10]! + syllables[Math.floor(i / 100) % 10]! + "x");
}

describe("the term table", () => {
  it("finds a word's term, strips a possessive and drops stop words and numbers", () => {
    expect(contentTerms("The harbour talks resumed at 9 in the North's ferry terminals.", termTable())).toEqual(["harbour", "talk", "resum", "north", "ferry", "terminal"]);
  });

  it("gives the same terms when one table grows through many words and is read again", () => {
    const words = distinctWords(900);
    const sentences = Array.from({ length: 90 }, (_, i) => words.slice(i * 10, i * 10 + 10).join(" ") + ", said the harbour master.");
    const fresh = sentences.map((s) => contentTerms(s, termTable()));
    const table = termTable(4);
    expect(sentences.map((s) => contentTerms(s, table))).toEqual(fresh);
    // Read again from the grown table: every word is found, none added.
    const size = table.size;
    expect(sentences.map((s) => contentTerms(s, table))).toEqual(fresh);
    expect(table.size).toBe(size);
    // 900 made-up words and "said", "the", "harbour", "master".
    expect(size).toBe(904);
    expect(table.keys.length).toBeGreaterThanOrEqual(2 * size);
  });

  it("keeps each article's words in its own table", () => {
    const a = termTable();
    const b = termTable();
    contentTerms("Ferries resumed sailing.", a);
    expect(a.size).toBe(3);
    expect(b.size).toBe(0);
  });
});
