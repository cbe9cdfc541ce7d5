// One measurement: a command in a fresh child process, its wall time from
// spawn to exit, its CPU time and its peak memory. Peak memory is that of
// all the command's processes together (the build, its render processes,
// the tsx wrapper): the largest sum of their resident sets, sampled from
// /proc every 100 ms, and never less than the largest resident set one of
// them reached (each Node process reports its own maxRSS at exit through
// NODE_OPTIONS), which a sample can miss. Without /proc: the sum of those
// maxRSS, an upper bound. CPU time is the tree's, from GNU time
// (`/usr/bin/time -v`) when it is installed, else the processes' own.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const GNU_TIME = "/usr/bin/time";

export interface Measurement {
  ms: number;
  /** Peak resident set size of all the processes together, MiB (see the top of this file). */
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
  return existsSync("/proc/self/status")
    ? "the largest sum over all processes of their resident sets (sampled from /proc), at least the largest maxRSS of one"
    : "the sum over all processes of each one's process.resourceUsage().maxRSS";
}

/** Resident set of every process descending from `root` (itself included), KiB, from /proc; null without /proc. */
export function treeResidentKiB(root: number): number | null {
  let names: string[];
  try {
    names = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of names) {
    try {
      const status = readFileSync(`/proc/${name}/status`, "utf8");
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? -1);
      rss.set(Number(name), Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
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
  let sampledKiB: number | null = null;
  const t0 = performance.now();
  const result = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
    const sample = setInterval(() => {
      const kib = child.pid === undefined ? null : treeResidentKiB(child.pid);
      if (kib !== null) sampledKiB = Math.max(sampledKiB ?? 0, kib);
    }, 100);
    child.on("close", () => clearInterval(sample));
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
    const largestKiB = Math.max(0, ...rows.map((r) => r[0] ?? 0));
    peakKiB = sampledKiB === null ? rows.reduce((sum, r) => sum + (r[0] ?? 0), 0) : Math.max(sampledKiB, largestKiB);
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
