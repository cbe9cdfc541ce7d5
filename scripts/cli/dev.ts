// npm run dev: serve the site with live reload while you edit.
//   npm run dev                 http://localhost:8080/
//   npm run dev -- --port 8081
// An article edit reruns the pipeline (the cache makes that the one changed
// article), which rewrites _data/briefing.json; Eleventy, watching its data
// folder, rebuilds and the browser reloads. Template and CSS edits go straight
// to Eleventy. A broken article prints its problems and keeps the last good
// site on screen.
import { watch, type FSWatcher } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { register } from "tsx/esm/api";
import { defaultProcessor } from "../build.ts";
import { DATA_FILE, writeDataFile } from "../pipeline/data-file.ts";
import { BriefingError, formatProblem, problem } from "../pipeline/problems.ts";
import { openReadMemo } from "../pipeline/read-cache.ts";
import { runPipeline, type ArticleProcessor } from "../pipeline/run.ts";
import { loadSite } from "../site/config.ts";
import { runCli } from "./run-cli.ts";

/** The parts of Eleventy's programmatic API that dev uses (not in its .d.ts). */
interface WatchingEleventy {
  init(): Promise<void>;
  watch(): Promise<void>;
  serve(port: number): Promise<void>;
}

const log = (line: string) => process.stdout.write(line + "\n");

/**
 * Eleventy's dev server listens on every interface and has no option to
 * change that; a preview of unpublished articles belongs on this machine
 * only. Its one listen call is replaced by one bound to 127.0.0.1 (the module
 * is the instance Eleventy itself imports).
 */
async function listenOnLoopbackOnly(): Promise<void> {
  const specifier: string = "@11ty/eleventy-dev-server";
  const { default: DevServer } = (await import(specifier)) as { default: { prototype: { _serverListen?: unknown } } };
  if (typeof DevServer.prototype._serverListen !== "function") {
    throw new Error("@11ty/eleventy-dev-server no longer has _serverListen; update listenOnLoopbackOnly in scripts/cli/dev.ts");
  }
  DevServer.prototype._serverListen = function (this: { server: { listen(o: object): void } }, port: number) {
    this.server.listen({ port, host: "127.0.0.1" });
  };
}

await runCli(async () => {
  const { values } = parseArgs({ options: { port: { type: "string", default: "8080" } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new BriefingError([problem({ file: "npm run dev", field: "port", stage: "dev", message: `--port must be a port number, not "${values.port}"`, fix: "e.g. npm run dev -- --port 8081" })]);
  }
  const root = process.cwd();
  // Dev renders the real data file, not a build's staging copy.
  delete process.env.BRIEFING_DATA_DIR;

  let processor: ArticleProcessor = defaultProcessor(root, process.env, {}, log);
  const refresh = async (reason: string): Promise<boolean> => {
    const t0 = performance.now();
    try {
      const site = loadSite(path.join(root, "_data/site.yaml"), process.env);
      const readMemo = process.env.BRIEFING_CACHE === "off" ? undefined : openReadMemo(root);
      const result = await runPipeline({ root, articlesDir: path.join(root, "src/articles"), site, readMemo }, processor);
      const errors = result.problems.filter((p) => p.severity === "error");
      for (const p of result.problems) process.stderr.write(formatProblem(p) + "\n");
      if (!result.data || errors.length > 0) {
        log(`pipeline   ${reason}: ${errors.length} problems; the page keeps the last good build`);
        return false;
      }
      writeDataFile(path.join(root, DATA_FILE), result.data);
      log(`pipeline   ${reason}: ${result.stats.published} published, ${DATA_FILE} written (${Math.round(performance.now() - t0)} ms)`);
      return true;
    } catch (error) {
      if (!(error instanceof BriefingError)) throw error;
      for (const p of error.problems) process.stderr.write(formatProblem(p) + "\n");
      return false;
    }
  };

  if (!(await refresh("start"))) log("dev        fix the problems above; the site appears once the pipeline succeeds");

  register(); // Eleventy imports eleventy.config.ts with Node's own loader.
  await listenOnLoopbackOnly();
  const { Eleventy } = await import("@11ty/eleventy");
  const eleventy = new Eleventy("src", "_site", {
    configPath: "eleventy.config.ts",
    quietMode: true,
    config: (cfg: any) => {
      // Articles reach Eleventy only through the data file this process
      // writes; a rebuild on the article itself would render stale data.
      cfg.watchIgnores.add("src/articles/**");
      // The data file is written atomically (write, then rename), so
      // Eleventy need not wait 150 ms for it to settle.
      cfg.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 20, pollInterval: 10 } });
      cfg.setServerOptions({ port, showVersion: false });
    },
  }) as unknown as WatchingEleventy;
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(port);
  log(`dev        serving http://localhost:${port}/ — edit an article, a template or site.yaml; Ctrl+C stops`);

  // Article and site.yaml changes: rerun the pipeline, once per burst of events.
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const changed = new Set<string>();
  const schedule = (file: string) => {
    changed.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const files = [...changed].sort();
      changed.clear();
      running = running.then(() => {
        // site.yaml can change the cache's site fields; a fresh processor re-reads them.
        if (files.some((f) => f.endsWith("site.yaml"))) processor = defaultProcessor(root, process.env, {}, log);
        return refresh(files.length === 1 ? `${files[0]} changed` : `${files.length} files changed`);
      });
    }, 25);
  };
  const watchers: FSWatcher[] = [
    watch(path.join(root, "src/articles"), { recursive: true }, (_event, name) => name && schedule(path.join("src/articles", name.toString()))),
    watch(path.join(root, "_data"), (_event, name) => name === "site.yaml" && schedule("_data/site.yaml")),
  ];
  await new Promise<void>((resolve) => {
    const stop = () => {
      for (const w of watchers) w.close();
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  // Eleventy's watcher and server hold the event loop open.
  process.exit(0);
});
