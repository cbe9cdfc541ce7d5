// The tests drive the same browser and server as `npm run check`.
export * from "../../scripts/check/browser.ts";
