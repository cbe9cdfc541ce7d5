// Email audit for `npm run check` (filled in by the email work).
import type { CheckResult, CheckTarget } from "./types.ts";

export async function checkEmail(_target: CheckTarget): Promise<CheckResult> {
  return { name: "email", ok: false, summary: "not implemented yet", errors: ["email checks not implemented"] };
}
