// The email finisher gives the same bytes whether an email was finished by a
// worker thread or by the main thread, and finishes each exactly once.
import { describe, expect, it } from "vitest";
import path from "node:path";
import { finishEmail, type FinishedEmail } from "../scripts/email/finish.ts";
import { emailFinisher } from "../scripts/email/finisher.ts";
import { messageHeaders } from "../scripts/email/message.ts";
import { loadSite } from "../scripts/site-settings.ts";
import { PROJECT_ROOT } from "./helpers/project.ts";

const site = loadSite(path.join(PROJECT_ROOT, "_data/site.yaml"), {});
const emails = Array.from({ length: 12 }, (_, i) => ({
  name: `briefings/story-${i}/email.html`,
  html: `<!doctype html><html><head><style>.lead { color: #123456; font-size: ${14 + i}px } td { padding: 8px }</style></head>` +
    `<body><table role="presentation"><tr><td><p class="lead">Story ${i}: the council voted “yes” on item ${i}.</p></td></tr></table></body></html>`,
  headers: messageHeaders({ slug: `story-${i}`, title: `Story ${i}`, date: "2026-02-27T10:00:00+09:00", timeZone: "Asia/Seoul" }, site),
}));

const same = (a: FinishedEmail, b: FinishedEmail) => {
  expect(a.html).toBe(b.html);
  expect(a.text).toBe(b.text);
  expect(Buffer.compare(a.eml, b.eml)).toBe(0);
};

describe("emailFinisher", () => {
  it("finishes in a worker thread exactly what finishEmail makes on the main thread", async () => {
    const finished = new Map<string, FinishedEmail>();
    const finisher = emailFinisher({ workers: 1, startAt: 1, onFinished: (name, email) => finished.set(name, email) });
    for (const e of emails) finisher.submit(e.name, e.html, e.headers);
    await finisher.finishAll();
    expect(finisher.stats).toEqual({ workers: emails.length, main: 0 });
    for (const e of emails) {
      const expected = await finishEmail(e.html, e.headers);
      expect(expected.html).toContain('style="color: #123456');
      same(finished.get(e.name)!, expected);
    }
  });

  it("once the workers start, hands them the emails that waited too, finishing each exactly once", async () => {
    const many = Array.from({ length: 5 }, () => emails).flat().map((e, i) => ({ ...e, name: `${e.name}#${i}` }));
    const finished = new Map<string, FinishedEmail>();
    let reports = 0;
    const finisher = emailFinisher({ workers: 2, startAt: 20, onFinished: (name, email) => (reports++, finished.set(name, email)) });
    for (const e of many) finisher.submit(e.name, e.html, e.headers);
    await finisher.finishAll();
    expect(reports).toBe(many.length);
    expect(finisher.stats).toEqual({ workers: many.length, main: 0 });
    for (const e of many) same(finished.get(e.name)!, await finishEmail(e.html, e.headers));
  });

  it("finishes on the main thread below the worker threshold, starting no worker", async () => {
    const made = new Map<string, FinishedEmail>();
    const finisher = emailFinisher({ workers: 1, startAt: emails.length + 1, onFinished: (name, email) => made.set(name, email) });
    for (const e of emails) finisher.submit(e.name, e.html, e.headers);
    await finisher.finishAll();
    expect(finisher.stats).toEqual({ workers: 0, main: emails.length });
    for (const e of emails) same(made.get(e.name)!, await finishEmail(e.html, e.headers));
  });
});
