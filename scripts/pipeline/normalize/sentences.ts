// Sentence splitting. First version: split after . ! ? followed by space and a
// capital, except after common abbreviations. Deepened in the normalize issue.

const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "no", "vs", "gen", "gov", "sen", "rep", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd"]);

export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?\u2026]+["'\u201D\u2019)]*\s+(?=["'\u201C\u2018(]?[A-Z0-9])/g;
  for (let m = re.exec(paragraph); m; m = re.exec(paragraph)) {
    const before = paragraph.slice(start, m.index);
    const lastWord = /([A-Za-z.]+)$/.exec(before)?.[1] ?? "";
    // "U.S." and single initials are abbreviations, not sentence ends.
    if (ABBREVIATIONS.has(lastWord.toLowerCase()) || /^(?:[A-Z]\.)*[A-Z]$/.test(lastWord)) continue;
    const end = m.index + m[0].trimEnd().length;
    out.push(paragraph.slice(start, end).trim());
    start = m.index + m[0].length;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}
