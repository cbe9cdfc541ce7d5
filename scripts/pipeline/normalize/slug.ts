// Slugs: lower-case ASCII letters, digits and hyphens, never empty, never a
// path. Letters with accents are folded (é -> e); anything else separates words.

const MAX_SLUG = 80;
// Device names Windows refuses as file or folder names, whatever the extension.
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

export function slugify(text: string): string {
  const slug = foldToSlug(text);
  return WINDOWS_RESERVED.test(slug) ? `${slug}-page` : slug;
}

function foldToSlug(text: string): string {
  const folded = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (folded.length <= MAX_SLUG) return folded;
  const cut = folded.slice(0, MAX_SLUG);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > 40 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, "");
}

/** Slug of an article: its front matter slug, else its file name, else a fallback. */
export function articleSlug(explicit: string | null, fileName: string): string {
  const fromExplicit = explicit ? slugify(explicit) : "";
  if (fromExplicit) return fromExplicit;
  const base = fileName.replace(/\.[^.]+$/, "");
  return slugify(base) || "article";
}

/** `base`, or `base-2`, `base-3`… whichever `taken` does not hold yet; added to `taken`. */
export function claimId(taken: Set<string>, base: string): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
