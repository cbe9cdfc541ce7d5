// npm run dev: serve the site with live reload while you edit.
//   npm run dev                 http://localhost:8080/
//   npm run dev -- --port 8081
//   npm run dev -- --review     briefing pages also show what the machine guessed (npm run review's list)
// Every change (an article, a template, an include, an asset, site.yaml,
// eleventy.config.ts) runs `npm run build` again in a fresh process, and the
// browser reloads when it succeeds. The build's caches make that cheap: only
// the edited article is reprocessed, and only the pages that depend on it
// are rendered (scripts/incremental/render-cache.ts). A fresh process each time
// means a template or config edit is never served from a stale module. A
// failed build prints its problems and leaves the last good site on screen
// (the build is atomic).
import { spawn, type ChildProcess } from "node:child_process";
import { watch, type FSWatcher } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { BriefingError, problem } from "../pipeline/problems.ts";
import { loadSite } from "../site/config.ts";
import { runCli } from "./run-cli.ts";

/** The parts of @11ty/eleventy-dev-server that dev uses. */
interface DevServer {
  serve(port: number): void;
  reload(event?: { files?: string[] }): void;
  close(): Promise<void> | void;
}
interface DevServerModule {
  getServer(name: string, dir: string, options: Record<string, unknown>): DevServer;
  prototype: { _serverListen?: unknown };
}

const log = (line: string) => process.stdout.write(line + "\n");
const BUILD_CLI = fileURLToPath(new URL("./build.ts", import.meta.url));
const TSX = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));

/**
 * Eleventy's dev server listens on every interface and has no option to
 * change that; a preview of unpublished articles belongs on this machine
 * only. Its one listen call is replaced by one bound to 127.0.0.1.
 */
function listenOnLoopbackOnly(DevServer: DevServerModule): void {
  if (typeof DevServer.prototype._serverListen !== "function") {
    throw new Error("@11ty/eleventy-dev-server no longer has _serverListen; update listenOnLoopbackOnly in scripts/cli/dev.ts");
  }
  DevServer.prototype._serverListen = function (this: { server: { listen(o: object): void } }, port: number) {
    this.server.listen({ port, host: "127.0.0.1" });
  };
}

/** The build running now, stopped with the server. */
let currentBuild: ChildProcess | null = null;

/** `npm run build` in a child process, its output passed through; resolves to whether it succeeded. */
function runBuild(root: string, reviewMarks: boolean): Promise<boolean> {
  return new Promise((resolve) => {
    // The review marks reach the build as its one dev-only setting; npm run build never sets it.
    const env = reviewMarks ? { ...process.env, BRIEFING_DEV_REVIEW_MARKS: "1" } : process.env;
    const child = spawn(TSX, [BUILD_CLI], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
    currentBuild = child;
    const done = (ok: boolean) => {
      currentBuild = null;
      resolve(ok);
    };
    child.once("error", () => done(false));
    child.once("exit", (code) => done(code === 0));
  });
}

await runCli(async () => {
  const { values } = parseArgs({ options: { port: { type: "string", default: "8080" }, review: { type: "boolean", default: false } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new BriefingError([problem({ file: "npm run dev", field: "port", stage: "dev", message: `--port must be a port number, not "${values.port}"`, fix: "e.g. npm run dev -- --port 8081" })]);
  }
  const root = process.cwd();
  const site = loadSite(path.join(root, "_data/site.yaml"), process.env);

  const rebuild = async (reason: string): Promise<boolean> => {
    const t0 = performance.now();
    const ok = await runBuild(root, values.review);
    log(ok
      ? `dev        ${reason}: rebuilt in ${Math.round(performance.now() - t0)} ms`
      : `dev        ${reason}: the build failed (problems above); the page keeps the last good build`);
    return ok;
  };
  if (!(await rebuild("start"))) log("dev        fix the problems above; the site appears once a build succeeds");

  const specifier: string = "@11ty/eleventy-dev-server";
  const DevServer = ((await import(specifier)) as { default: DevServerModule }).default;
  listenOnLoopbackOnly(DevServer);
  const server = DevServer.getServer("briefing-dev", path.join(root, "_site"), {
    port,
    pathPrefix: site.pathPrefix,
    // Pages are replaced whole by each build; a reload is simpler and exact.
    domDiff: false,
    showVersion: false,
  });
  server.serve(port);
  log(`dev        serving http://localhost:${port}${site.pathPrefix} — edit an article, a template or site.yaml; Ctrl+C stops`);

  // One build at a time; changes during a build start one more after it.
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const changed = new Set<string>();
  const schedule = (file: string) => {
    changed.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      running = running.then(async () => {
        if (changed.size === 0) return;
        const files = [...changed].sort();
        changed.clear();
        if (await rebuild(files.length === 1 ? `${files[0]} changed` : `${files.length} files changed`)) server.reload({ files: [] });
      });
    }, 25);
  };
  const watchFolder = (dir: string) =>
    watch(path.join(root, dir), { recursive: true }, (_event, name) => name && schedule(path.join(dir, name.toString())));
  const watchers: FSWatcher[] = [
    watchFolder("src"),
    watchFolder("_includes"),
    watch(path.join(root, "_data"), (_event, name) => name === "site.yaml" && schedule("_data/site.yaml")),
    watch(root, (_event, name) => name === "eleventy.config.ts" && schedule("eleventy.config.ts")),
  ];
  await new Promise<void>((resolve) => {
    const stop = () => {
      for (const w of watchers) w.close();
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  currentBuild?.kill("SIGTERM");
  await server.close();
  process.exit(0);
});
