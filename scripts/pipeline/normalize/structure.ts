// Body text to sections and paragraphs. First version for plain text: one
// paragraph a line (or blank-line separated), subheads are short lines without
// closing punctuation. Deepened in the normalize issue.

export interface RawSection {
  heading: string | null;
  paragraphs: string[];
}

const CLOSING_PUNCTUATION = /[.!:;,"'\u201D\u2019)]$/;

export function isSubhead(line: string): boolean {
  const words = line.split(/\s+/).filter(Boolean).length;
  return words > 0 && words <= 16 && !CLOSING_PUNCTUATION.test(line) || (/\?$/.test(line) && words <= 16 && /\u2026|:/.test(line));
}

export function splitPlainText(body: string): RawSection[] {
  const lines = body.split("\n").map((l) => l.replace(/[\s\u00A0]+/g, " ").trim());
  const sections: RawSection[] = [{ heading: null, paragraphs: [] }];
  for (const line of lines) {
    if (!line) continue;
    if (isSubhead(line)) sections.push({ heading: line, paragraphs: [] });
    else sections[sections.length - 1]!.paragraphs.push(line);
  }
  return sections.filter((s, i) => i > 0 || s.paragraphs.length > 0);
}
