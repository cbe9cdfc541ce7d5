// What every audit in `npm run check` returns: one line of summary, and the
// errors that make the check fail (each naming the file it is about).
export interface CheckResult {
  /** Short name printed at the start of the line: "html", "a11y", "links", "feeds", "email". */
  name: string;
  ok: boolean;
  /** One line: what was checked and the counts. */
  summary: string;
  errors: string[];
  warnings?: string[];
}

/** What a check is given: a built site and the site metadata it was built with. */
export interface CheckTarget {
  /** Absolute path of the built site folder. */
  siteDir: string;
  /** Base URL the site was built for (trailing slash); its path is the path prefix. */
  baseUrl: string;
  pathPrefix: string;
}
