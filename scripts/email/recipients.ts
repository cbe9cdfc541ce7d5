// The mailing list for `npm run send -- --edition DATE --list FILE`: a CSV
// file with a header row, an `email` column, an optional `name` column, and
// any other columns the unsubscribe template uses. Parsed with csv-parse
// (quotes, embedded commas and line breaks, a BOM); every problem names the
// file and the line.
import { parse } from "csv-parse/sync";
import { metaLine } from "../pipeline/front-matter.ts";
import { problem, type Problem } from "../problems.ts";

export interface Recipient {
  /** As written in the list (trimmed). */
  email: string;
  /** Lower case: how duplicates and the send log compare addresses. */
  key: string;
  name: string | null;
  /** Every column of its row, by lower-case header name. */
  fields: Record<string, string>;
  /** 1-based line of the row in the file. */
  line: number;
}

export interface RecipientList {
  recipients: Recipient[];
  /** Errors (a bad address, a malformed row) and warnings (a duplicate). */
  problems: Problem[];
}

/**
 * One mailbox address, in the form a list holds it: local@domain, the domain
 * with a dot, no spaces, quotes, angle brackets or commas (a display name
 * belongs in the `name` column). Deliberately narrower than RFC 5322: a
 * quoted local part in a newsletter list is almost always a paste error.
 */
const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isListAddress(address: string): boolean {
  if (address.length > 254 || !ADDRESS.test(address)) return false;
  const local = address.slice(0, address.lastIndexOf("@"));
  return local.length <= 64 && !local.startsWith(".") && !local.endsWith(".") && !local.includes("..");
}

/** Parses a list file's text. `file` names it in problems. */
export function parseRecipients(text: string, file: string): RecipientList {
  const problems: Problem[] = [];
  type Row = { record: string[]; raw: string; info: { lines: number } };
  let rows: Row[];
  try {
    rows = parse(text, { bom: true, info: true, raw: true, relax_column_count: false, skip_empty_lines: true, trim: true }) as unknown as Row[];
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    return {
      recipients: [],
      problems: [problem({ file, line: e.lines, stage: "send", message: `not a valid CSV file: ${(e.message ?? String(error)).replace(/^Invalid Record Length: /, "")}`, fix: "every row needs as many fields as the header; quote a field that holds a comma, a quote (doubled) or a line break" })],
    };
  }
  const [header, ...body] = rows;
  const columns = (header?.record ?? []).map((c) => c.toLowerCase());
  const emailColumn = columns.indexOf("email");
  if (!header || emailColumn < 0) {
    return { recipients: [], problems: [problem({ file, line: header?.info.lines ?? 1, stage: "send", message: "no `email` column in the header row", fix: "start the file with a header row such as: email,name" })] };
  }
  const nameColumn = columns.indexOf("name");
  const seen = new Map<string, number>();
  const recipients: Recipient[] = [];
  for (const { record, raw, info } of body) {
    // csv-parse counts lines to the end of the record; a quoted field may span several.
    const line = info.lines - (raw.replace(/^[\r\n]+/, "").replace(/\r?\n$/, "").match(/\n/g)?.length ?? 0);
    const email = record[emailColumn] ?? "";
    if (!isListAddress(email)) {
      problems.push(problem({ file, line, field: "email", stage: "send", message: email ? `${JSON.stringify(email)} is not an email address` : "no email address", fix: "write one address per row, e.g. reader@example.org (a display name goes in the name column)" }));
      continue;
    }
    const key = email.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(problem({ severity: "warning", file, line, field: "email", stage: "send", message: `${email} is already on line ${first}; it gets one message`, fix: "remove the duplicate row" }));
      continue;
    }
    seen.set(key, line);
    const fields: Record<string, string> = {};
    columns.forEach((column, i) => (fields[column] = record[i] ?? ""));
    // The name reaches the To header: one clean line, like every metadata value.
    const name = nameColumn >= 0 ? metaLine(record[nameColumn] ?? "") || null : null;
    recipients.push({ email, key, name, fields, line });
  }
  return { recipients, problems };
}
