// One measurement: a command in a fresh child process, its wall time from
// spawn to exit, its CPU time and its peak memory. Peak memory is the sum
// over every Node process of the tree (the build, its render processes, the
// tsx wrapper) of its largest resident set, each reported by the process at
// exit through NODE_OPTIONS: a render split over several processes is
// measured whole, and since the peaks need not coincide, the sum is an upper
// bound. GNU time (`/usr/bin/time -v`) would give the largest single process
// only; it gives the CPU time of the tree when it is installed.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const GNU_TIME = "/usr/bin/time";

export interface Measurement {
  ms: number;
  /** Peak resident set size, MiB: the sum over all Node processes of the tree. */
  peakMiB: number;
  /** How many Node processes reported. */
  processes: number;
  /** User + system CPU time of the process tree, ms: steadier than wall time on a busy machine. */
  cpuMs: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

export function peakMemorySource(): string {
  return "the sum over all processes of each one's process.resourceUsage().maxRSS";
}

/** Reports maxRSS (KiB) and CPU time (µs) of each Node process at exit, one line each (worker threads share their process's, so only main threads report). */
const RSS_AT_EXIT = `data:text/javascript,${encodeURIComponent(
  'import { appendFileSync } from "node:fs"; import { isMainThread } from "node:worker_threads"; if (isMainThread) process.on("exit", () => { try { const u = process.resourceUsage(); appendFileSync(process.env.BRIEFING_BENCH_RSS_FILE, u.maxRSS + " " + (u.userCPUTime + u.systemCPUTime) + "\\n"); } catch {} });',
)}`;

export async function measure(command: string, args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<Measurement> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "briefing-measure-"));
  const timeFile = path.join(scratch, "time.txt");
  const rssFile = path.join(scratch, "rss.txt");
  const useGnuTime = existsSync(GNU_TIME);
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  childEnv.BRIEFING_BENCH_RSS_FILE = rssFile;
  childEnv.NODE_OPTIONS = `${childEnv.NODE_OPTIONS ?? ""} --import=${RSS_AT_EXIT}`.trim();
  const [cmd, argv] = useGnuTime ? [GNU_TIME, ["-v", "-o", timeFile, command, ...args]] : [command, args];
  const t0 = performance.now();
  const result = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
  const ms = performance.now() - t0;
  let peakKiB = 0;
  let cpuMs = 0;
  let processes = 0;
  try {
    const rows = readFileSync(rssFile, "utf8").split("\n").filter(Boolean).map((l) => l.split(" ").map(Number));
    processes = rows.length;
    peakKiB = rows.reduce((sum, r) => sum + (r[0] ?? 0), 0);
    cpuMs = rows.reduce((sum, r) => sum + (r[1] ?? 0), 0) / 1000;
    if (useGnuTime) {
      const report = readFileSync(timeFile, "utf8");
      const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(report)?.[1] ?? 0);
      cpuMs = (field("User time \\(seconds\\)") + field("System time \\(seconds\\)")) * 1000;
    }
  } catch {
    peakKiB = 0;
  }
  rmSync(scratch, { recursive: true, force: true });
  return { ms, peakMiB: peakKiB / 1024, processes, cpuMs, ...result };
}
