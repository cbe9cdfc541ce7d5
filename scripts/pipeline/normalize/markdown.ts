// Markdown to blocks with markdown-it (CommonMark). Raw HTML is not HTML here:
// with `html: false` it stays text, which the templates escape. Headings,
// paragraphs, block quotes and list items become blocks; emphasis, links, code
// and images become inline runs. Nesting is flattened: nested list items join
// their outer list (valid HTML without nested lists in the data model), and a
// run has one style, a link winning over emphasis.
import MarkdownIt from "markdown-it";
import { LIMITS } from "../limits.ts";
import { block, type Block, type Run } from "./blocks.ts";
import { foldWhitespace } from "./clean.ts";

type Token = ReturnType<InstanceType<typeof MarkdownIt>["parse"]>[number];

const md = new MarkdownIt("commonmark", { html: false, linkify: false, typographer: false });
// Each quote or list level costs markdown-it one to two token levels; past
// maxNesting it silently stops parsing and the rest of the text is lost. So a
// token at the last level is an error, never a quiet truncation.
const MAX_NESTING = LIMITS.markdownDepth * 4;
md.set({ maxNesting: MAX_NESTING } as never);

/** Block quotes or lists nested deeper than the parser keeps; `line` is 0-based in the body. */
export class MarkdownNestingError extends Error {
  constructor(readonly line: number) {
    super(`Markdown nested too deeply (block quotes or lists more than ${LIMITS.markdownDepth} levels)`);
  }
}
// Let every link through the parser; safeHref decides, so an unsafe link keeps
// its text (with href null) instead of turning into stray brackets.
md.validateLink = () => true;

const SAFE_SCHEMES = new Set(["http", "https", "mailto"]);

/** http(s), mailto and relative URLs survive; javascript:, data:, file: and the rest become null. */
export function safeHref(url: string | null): string | null {
  if (url === null) return null;
  let probe = url.replace(/[\u0000-\u0020\u007F-\u009F]/g, "");
  try { probe = decodeURIComponent(probe); } catch { /* keep as is */ }
  probe = probe.replace(/[\u0000-\u0020\u007F-\u009F]/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(probe)?.[1];
  if (scheme !== undefined && !SAFE_SCHEMES.has(scheme.toLowerCase())) return null;
  return url.trim();
}

function attr(t: Token, name: string): string | null {
  const value = t.attrGet(name);
  return value === null ? null : String(value);
}

/** Inline tokens to runs, whitespace folded across run boundaries. */
function inlineRuns(children: Token[]): Run[] {
  const runs: Run[] = [];
  const styles: { type: "em" | "strong" | "link"; href: string | null }[] = [];
  const push = (type: Run["type"], text: string, href: string | null) => {
    const prev = runs[runs.length - 1];
    if (prev && prev.type === type && prev.href === href && type !== "image") prev.text += text;
    else runs.push({ type, text, href });
  };
  const current = (): [Run["type"], string | null] => {
    const link = styles.find((s) => s.type === "link");
    if (link) return ["link", link.href];
    return styles.length > 0 ? [styles[0]!.type, null] : ["text", null];
  };
  for (const t of children) {
    switch (t.type) {
      case "text": case "html_inline": { const [type, href] = current(); push(type, t.content, href); break; }
      case "code_inline": { const [type, href] = current(); push(type === "text" ? "code" : type, t.content, href); break; }
      case "softbreak": case "hardbreak": { const [type, href] = current(); push(type, " ", href); break; }
      case "em_open": styles.push({ type: "em", href: null }); break;
      case "strong_open": styles.push({ type: "strong", href: null }); break;
      case "link_open": styles.push({ type: "link", href: safeHref(attr(t, "href")) }); break;
      case "em_close": case "strong_close": case "link_close": styles.pop(); break;
      case "image": {
        const [type, href] = current();
        if (type === "link") push("link", t.content, href);
        else push("image", t.content, safeHref(attr(t, "src")));
        break;
      }
      default: if (t.content) { const [type, href] = current(); push(type, t.content, href); }
    }
  }
  return foldRuns(runs);
}

/** Folds whitespace inside and between runs, as foldWhitespace does for one string. */
export function foldRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  let spaceBefore = true; // at the start, leading space is dropped
  for (const run of runs) {
    let text = run.text.replace(/\s+/g, " ");
    if (spaceBefore && text.startsWith(" ")) text = text.slice(1);
    if (text === "" && run.type !== "image") continue;
    spaceBefore = text === "" ? spaceBefore : text.endsWith(" ");
    out.push({ ...run, text });
  }
  // Trailing space of the last run with text.
  for (let i = out.length - 1; i >= 0; i--) {
    const r = out[i]!;
    if (r.text === "") continue;
    r.text = r.text.replace(/ $/, "");
    if (r.text === "" && r.type !== "image") out.splice(i, 1);
    break;
  }
  return out;
}

function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join("");
}

interface ItemFrame { block: Block | null }
interface ListFrame { ordered: boolean; startIndex: number }

/** Markdown (front matter removed) to blocks. */
export function readMarkdown(body: string): Block[] {
  const tokens = md.parse(body, {});
  const tooDeep = tokens.find((t) => t.level >= MAX_NESTING - 1);
  if (tooDeep) throw new MarkdownNestingError(tooDeep.map?.[0] ?? [...tokens].reverse().find((t) => t.map)?.map?.[0] ?? 0);
  const blocks: Block[] = [];
  const lists: ListFrame[] = [];
  const items: ItemFrame[] = [];
  let quoteDepth = 0;

  const addContent = (runs: Run[]) => {
    if (runsText(runs) === "" && !runs.some((r) => r.type === "image")) return;
    const item = items[items.length - 1];
    if (item?.block && item.block === blocks[blocks.length - 1]) {
      // A second paragraph of the same list item joins it.
      item.block.runs = foldRuns([...item.block.runs!, { type: "text", text: " ", href: null }, ...runs]);
      item.block.text = runsText(item.block.runs);
      return;
    }
    const kind = items.length > 0 ? "list-item" : quoteDepth > 0 ? "quote" : "paragraph";
    const b = block(kind, runsText(runs), { runs, list: kind === "list-item" ? { ordered: lists[0]!.ordered, first: false, last: false } : null });
    blocks.push(b);
    if (item) item.block = b;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case "heading_open": {
        const inline = tokens[i + 1];
        const runs = inline?.children ? inlineRuns(inline.children) : [];
        const text = runsText(runs);
        if (items.length > 0) addContent(runs);
        else if (text !== "") blocks.push(block("heading", text, { level: Number(t.tag.slice(1)), titleCandidate: blocks.length === 0 && t.tag === "h1" }));
        i += 2;
        break;
      }
      case "inline": addContent(t.children ? inlineRuns(t.children) : []); break;
      case "code_block": case "fence": {
        const text = foldWhitespace(t.content);
        if (text !== "") addContent([{ type: "code", text, href: null }]);
        break;
      }
      case "blockquote_open": quoteDepth++; break;
      case "blockquote_close": quoteDepth--; break;
      case "bullet_list_open": case "ordered_list_open":
        lists.push({ ordered: t.type === "ordered_list_open", startIndex: blocks.length });
        break;
      case "bullet_list_close": case "ordered_list_close": {
        const list = lists.pop()!;
        if (lists.length === 0 && blocks.length > list.startIndex) {
          blocks[list.startIndex]!.list!.first = true;
          blocks[blocks.length - 1]!.list!.last = true;
        }
        break;
      }
      case "list_item_open": items.push({ block: null }); break;
      case "list_item_close": items.pop(); break;
      default: break;
    }
  }
  return blocks;
}
