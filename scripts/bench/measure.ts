// One measurement: a command in a fresh child process, its wall time from
// spawn to exit, and its peak memory. Peak memory comes from GNU time
// (`/usr/bin/time -v`, the largest resident set of the process tree) when it
// is installed, else from process.resourceUsage().maxRSS reported by every
// Node process of the tree at exit (through NODE_OPTIONS).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const GNU_TIME = "/usr/bin/time";

export interface Measurement {
  ms: number;
  /** Peak resident set size, MiB. */
  peakMiB: number;
  /** User + system CPU time of the process tree, ms: steadier than wall time on a busy machine. */
  cpuMs: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

export function peakMemorySource(): string {
  return existsSync(GNU_TIME) ? "/usr/bin/time -v" : "process.resourceUsage().maxRSS";
}

/** Reports maxRSS (KiB) of each Node process at exit, one line each. */
const RSS_AT_EXIT = `data:text/javascript,${encodeURIComponent(
  'import { appendFileSync } from "node:fs"; process.on("exit", () => { try { const u = process.resourceUsage(); appendFileSync(process.env.BRIEFING_BENCH_RSS_FILE, u.maxRSS + " " + (u.userCPUTime + u.systemCPUTime) + "\\n"); } catch {} });',
)}`;

export async function measure(command: string, args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<Measurement> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "briefing-measure-"));
  const timeFile = path.join(scratch, "time.txt");
  const rssFile = path.join(scratch, "rss.txt");
  const useGnuTime = existsSync(GNU_TIME);
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  if (!useGnuTime) {
    childEnv.BRIEFING_BENCH_RSS_FILE = rssFile;
    childEnv.NODE_OPTIONS = `${childEnv.NODE_OPTIONS ?? ""} --import=${RSS_AT_EXIT}`.trim();
  }
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
  try {
    if (useGnuTime) {
      const report = readFileSync(timeFile, "utf8");
      const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(report)?.[1] ?? 0);
      peakKiB = field("Maximum resident set size \\(kbytes\\)");
      cpuMs = (field("User time \\(seconds\\)") + field("System time \\(seconds\\)")) * 1000;
    } else {
      const rows = readFileSync(rssFile, "utf8").split("\n").filter(Boolean).map((l) => l.split(" ").map(Number));
      peakKiB = Math.max(0, ...rows.map((r) => r[0] ?? 0));
      cpuMs = rows.reduce((sum, r) => sum + (r[1] ?? 0), 0) / 1000;
    }
  } catch {
    peakKiB = 0;
  }
  rmSync(scratch, { recursive: true, force: true });
  return { ms, peakMiB: peakKiB / 1024, cpuMs, ...result };
}
