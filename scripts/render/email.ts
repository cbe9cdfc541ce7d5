// Eleventy plugin for the email outputs (email.html, email.txt, email.eml).
export function emailPlugin(_eleventyConfig: any): void {}
