// @11ty/eleventy-plugin-rss 3.0.0 ships no types; the one function we use.
declare module "@11ty/eleventy-plugin-rss" {
  /** Rewrites every URL attribute of `html` (posthtml-urls) against `base`. */
  export function convertHtmlToAbsoluteUrls(html: string, base: string, posthtmlRenderOptions?: Record<string, unknown>): Promise<string>;
}
