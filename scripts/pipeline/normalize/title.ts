// The title when neither front matter nor a title line gives one: the lead
// sentence, without its dateline, appositives and trailing clauses, in the
// sentence case it was written in.

const MAX_TITLE_CHARS = 90;
const TRAILING_PHRASE = / (?:during|amid|while|after|before|following|despite|when|because|as part of|in a bid to|at a|in an?|on|over|since|with) [^ ]/g;

export function inferTitle(leadSentence: string, dateline: string | null): string {
  let title = leadSentence;
  if (dateline && title.startsWith(dateline)) title = title.slice(dateline.length).trim();
  // Appositives: "Kim Jong Un, the General Secretary of ..., reiterated" -> "Kim Jong Un reiterated".
  title = title.replace(/, (?:the|a|an|who|which|whose) [^,]{1,160},/, "");
  // A trailing clause after a comma ("..., leaving the door open").
  const comma = title.indexOf(", ");
  if (comma > 0 && title.slice(0, comma).split(" ").length >= 4) title = title.slice(0, comma);
  title = title.replace(/[\s.!;:,]+$/u, "").replace(/^["\u201C]|["\u201D]$/gu, "");
  // Too long for a headline: drop trailing phrases ("during the 9th Party Congress"), keeping six words at least.
  while (title.length > MAX_TITLE_CHARS) {
    const cuts = [...title.matchAll(TRAILING_PHRASE)].map((m) => m.index!).filter((i) => title.slice(0, i).split(" ").length >= 6);
    const cut = cuts[cuts.length - 1];
    if (cut === undefined) break;
    title = title.slice(0, cut);
  }
  if (title.length > 140) title = title.slice(0, title.lastIndexOf(" ", 137)) + "\u2026";
  return title;
}
