// How much a sentence looks like a sentence of the story, from 0 (never use
// it) to 1. News text carries debris that a lead baseline happily copies:
// bylines, "Scroll down for video", picture captions run into the text
// without a full stop, bare quotes and broken fragments. Each rule is a reason
// a reader would stumble if the sentence opened an emailed paragraph.

export interface Quality {
  weight: number;
  reasons: string[];
}

const TERMINAL = /[.!?…]["'”’)\]]*$/u;
const BOILERPLATE = /\b(?:scroll down for (?:video|more)|click here|read more|for confidential support|follow (?:us|him|her|@)|sign up|subscribe|all rights reserved|pictured above|watch the video|see below|copyright)\b/i;
const BYLINE = /^(?:by\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*(?:[.,|]|and\b|for\b|$)|(?:published|updated|last updated)\s*:)/i;
/** "Flying high: Half of the kite ..." — the Daily Mail caption shape. */
const CAPTION_LABEL = /^(?:[A-Z][\w'’-]*\s){0,3}[A-Z]?[\w'’-]+:\s+[A-Z]/u;
/** A caption glued on: a word, no punctuation, then an opening quote and a capital. */
const GLUED_QUOTE = /[\p{Ll}\d]\s+[‘“][A-Z][^’”]{15,}[,.!?][’”]/u;
/** First person outside quotation marks: a piece of a quote the splitter cut loose. */
const FIRST_PERSON = /^(?:I|We|My|Our)\b|\s(?:I|I’m|I’ve|I’d|we|my|our|me|us)\s/;
const OPENS_WITH_QUOTE = /^[‘“'"]/;
const QUESTION = /\?["'”’)]*$/;

export function sentenceQuality(text: string, words: number): Quality {
  const reasons: string[] = [];
  let weight = 1;
  const penalize = (factor: number, reason: string) => {
    weight *= factor;
    reasons.push(reason);
  };
  if (BOILERPLATE.test(text)) penalize(0, "boilerplate");
  if (BYLINE.test(text)) penalize(0, "byline");
  if (words < 6) penalize(0, "fragment");
  else if (words < 10) penalize(0.6, "short");
  if (words > 60) penalize(0.5, "run-on");
  if (!TERMINAL.test(text)) penalize(0.3, "no terminal punctuation");
  if (!/^[‘“'"(]?[\p{Lu}\p{N}]/u.test(text)) penalize(0.2, "starts mid-sentence");
  if (CAPTION_LABEL.test(text)) penalize(0.3, "caption label");
  if (/[‘“]/u.test(text) && GLUED_QUOTE.test(text)) penalize(0.5, "caption run into a quote");
  if (OPENS_WITH_QUOTE.test(text)) penalize(0.55, "quote");
  else if (FIRST_PERSON.test(text) && !/[‘“]/u.test(text)) penalize(0.4, "loose quote");
  if (QUESTION.test(text)) penalize(0.5, "question");
  return { weight, reasons };
}
