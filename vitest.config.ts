import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Builds chdir into temporary projects; forks (not threads) allow that.
    pool: "forks",
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
