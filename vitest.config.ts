import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each test file in its own process: builds start worker threads and
    // render processes, and a file that leaves one behind cannot slow the next.
    pool: "forks",
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
