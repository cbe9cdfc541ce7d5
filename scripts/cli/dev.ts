// npm run dev: serve the site with live reload while you edit.
//   npm run dev                 http://localhost:8080/
//   npm run dev -- --port 8081
//   npm run dev -- --review     briefing pages also show what the machine guessed (npm run review's list)
// One build process (scripts/dev/builder.ts) stays up between builds with its
// modules loaded and every article's result in memory: a saved article costs
// its own stages, its own pages and the shared pages (scripts/dev/warm.ts,
// scripts/incremental/render-cache.ts). A change to anything else that the build
// reads (a template, an include, an asset, site.yaml, eleventy.config.ts, a
// script) replaces that process with a fresh one before building, so no
// module or template from before the edit is served after it
// (scripts/dev/changes.ts). chokidar watches the files: it sees a file that
// an editor saves by writing a copy and renaming it over the original, every
// time. The browser reloads when a build succeeds; a failed build prints its
// problems and leaves the last good site on screen (the build is atomic).
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { watch } from "chokidar";
import { BriefingError, problem } from "../problems.ts";
import { loadSite } from "../site-settings.ts";
import { isWatched, rebuildKind } from "../dev/changes.ts";
import type { BuildAnswer, BuildRequest } from "../dev/builder.ts";
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
const BUILDER = fileURLToPath(new URL("../dev/builder.ts", import.meta.url));

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

/** The build process: one build at a time, each answered with whether it succeeded. */
interface BuildProcess {
  build(request: BuildRequest): Promise<boolean>;
  readonly running: boolean;
  stop(): Promise<void>;
}

/** Starts scripts/dev/builder.ts in the project folder, its output passed through. */
function startBuildProcess(root: string): BuildProcess {
  const child: ChildProcess = fork(BUILDER, [], {
    cwd: root,
    // tsx's loader, found from this file: the builder runs TypeScript like this process does.
    execArgv: ["--import", import.meta.resolve("tsx")],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let answer: ((ok: boolean) => void) | null = null;
  const settle = (ok: boolean) => {
    const resolve = answer;
    answer = null;
    resolve?.(ok);
  };
  child.on("message", (message: BuildAnswer) => settle(message.ok));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => settle(false));
  return {
    get running() {
      return child.exitCode === null && child.signalCode === null;
    },
    build(request) {
      if (!this.running) return Promise.resolve(false);
      return new Promise((resolve) => {
        answer = resolve;
        child.send(request);
      });
    },
    async stop() {
      if (this.running) child.kill("SIGTERM");
      await exited;
    },
  };
}

await runCli(async () => {
  const { values } = parseArgs({ options: { port: { type: "string", default: "8080" }, review: { type: "boolean", default: false } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new BriefingError([problem({ file: "npm run dev", field: "port", stage: "dev", message: `--port must be a port number, not "${values.port}"`, fix: "e.g. npm run dev -- --port 8081" })]);
  }
  const root = process.cwd();
  const site = loadSite(path.join(root, "_data/site.yaml"), process.env);
  const request: BuildRequest = { reviewMarks: values.review };

  let builder = startBuildProcess(root);
  const rebuild = async (reason: string, kind: ReturnType<typeof rebuildKind>): Promise<boolean> => {
    const t0 = performance.now();
    // A crashed build process is replaced too: the next build starts fresh.
    if (kind === "fresh process" || !builder.running) {
      await builder.stop();
      builder = startBuildProcess(root);
    }
    const ok = await builder.build(request);
    const how = kind === "fresh process" ? " in a fresh build process" : "";
    log(ok
      ? `dev        ${reason}: rebuilt${how} in ${Math.round(performance.now() - t0)} ms`
      : `dev        ${reason}: the build failed (problems above); the page keeps the last good build`);
    return ok;
  };

  // Watching starts before the first build, so that a save during it is built after it.
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const changed = new Set<string>();
  let serverReload: () => void = () => {};
  const schedule = (file: string) => {
    changed.add(path.relative(root, file).split(path.sep).join("/"));
    if (timer) clearTimeout(timer);
    // Coalesce the burst of events one save makes (an editor's copy, rename and chmod).
    timer = setTimeout(() => {
      timer = null;
      running = running.then(async () => {
        if (changed.size === 0) return;
        const files = [...changed].sort();
        changed.clear();
        if (await rebuild(files.length === 1 ? `${files[0]} changed` : `${files.length} files changed`, rebuildKind(files))) serverReload();
      });
    }, 25);
  };
  const watcher = watch(root, {
    ignoreInitial: true,
    ignored: (file) => !isWatched(path.relative(root, file).split(path.sep).join("/")),
  });
  watcher.on("all", (_event, file) => schedule(file));
  await new Promise<void>((resolve, reject) => {
    watcher.once("ready", resolve);
    watcher.once("error", reject);
  });

  if (!(await rebuild("start", "warm"))) log("dev        fix the problems above; the site appears once a build succeeds");

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
  serverReload = () => server.reload({ files: [] });
  log(`dev        serving http://localhost:${port}${site.pathPrefix} — edit an article, a template or site.yaml; Ctrl+C stops`);

  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  if (timer) clearTimeout(timer);
  await watcher.close();
  await builder.stop();
  await server.close();
  process.exit(0);
});
