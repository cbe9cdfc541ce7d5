// Runs `npm run send`'s script in a temporary project, the way a user would,
// with only the environment given (so no SMTP setting leaks in from the
// machine). Asynchronous: the SMTP servers the tests start live in this process.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT, type TempProject } from "./project.ts";

export interface CliRun { code: number | null; stdout: string; stderr: string }

/** `whileRunning`: called with the child once started (to interrupt it, say). */
export function runSendCli(project: TempProject, args: string[], env: Record<string, string>, whileRunning?: (child: ChildProcess) => void): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "scripts/cli/send.ts"), ...args], {
      cwd: project.root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    whileRunning?.(child);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
