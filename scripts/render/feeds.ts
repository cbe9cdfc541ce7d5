// Eleventy plugin for the subscription feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1).
export function feedsPlugin(_eleventyConfig: any): void {}
