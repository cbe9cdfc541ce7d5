// The email cache (.cache/email/): entries round-trip, a corrupt, tampered or
// foreign entry is a miss (rebuilt, never trusted), and whole builds with an
// empty, a warm and a corrupted cache write the same email bytes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { editionKey, messageKey, openEmailCache } from "../scripts/email/cache.ts";
import { hashTree, makeTempProject, type TempProject } from "./helpers/project.ts";

describe("openEmailCache", () => {
  let root: string;
  beforeAll(() => (root = mkdtempSync(path.join(os.tmpdir(), "email-cache-"))));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const edition = { html: "<p>Hello</p>", text: "Hello\n" };
  const headers = { subject: "Hello", from: "B <b@example.org>", date: "Fri, 20 Feb 2026 09:00:00 +0900", messageId: "<a@b>", listUnsubscribe: null };

  it("keys editions by the rendered HTML and messages by the edition and headers", () => {
    expect(editionKey("<p>a</p>", "v1")).not.toBe(editionKey("<p>b</p>", "v1"));
    expect(editionKey("<p>a</p>", "v1")).not.toBe(editionKey("<p>a</p>", "v2"));
    expect(messageKey(edition, headers, "v1")).not.toBe(messageKey(edition, { ...headers, subject: "Other" }, "v1"));
    expect(messageKey(edition, headers, "v1")).not.toBe(messageKey({ ...edition, text: "Hi\n" }, headers, "v1"));
  });

  it("returns what was written, and misses what was not", () => {
    const cache = openEmailCache(root, "a".repeat(64));
    cache.writeEdition("k1", edition);
    cache.writeMessage("k2", Buffer.from("From: x\r\n\r\nbody\r\n"));
    expect(cache.readEdition("k1")).toEqual(edition);
    expect(cache.readMessage("k2")?.toString()).toBe("From: x\r\n\r\nbody\r\n");
    expect(cache.readEdition("k3")).toBeNull();
    expect(cache.stats).toEqual({ hits: 2, misses: 1, rejected: 0 });
  });

  it("rejects an unreadable entry, a changed payload, an entry under another key and a message read as an edition", () => {
    const cache = openEmailCache(root, "b".repeat(64));
    const file = (key: string) => path.join(cache.dir, `${key}.json`);
    cache.writeEdition("broken", edition);
    writeFileSync(file("broken"), readFileSync(file("broken"), "utf8").slice(0, 20));
    cache.writeEdition("tampered", edition);
    writeFileSync(file("tampered"), readFileSync(file("tampered"), "utf8").replace("Hello</p>", "Evil</p>"));
    cache.writeEdition("moved", edition);
    writeFileSync(file("elsewhere"), readFileSync(file("moved")));
    cache.writeMessage("message", Buffer.from("x"));
    expect(cache.readEdition("broken")).toBeNull();
    expect(cache.readEdition("tampered")).toBeNull();
    expect(cache.readEdition("elsewhere")).toBeNull();
    expect(cache.readEdition("message")).toBeNull();
    expect(cache.readEdition("moved")).toEqual(edition);
    expect(cache.stats).toEqual({ hits: 1, misses: 4, rejected: 4 });
  });

  it("prunes entries this build did not use, and other versions' folders", () => {
    const older = openEmailCache(root, "c".repeat(64));
    older.writeEdition("old", edition);
    const cache = openEmailCache(root, "d".repeat(64));
    cache.writeEdition("kept", edition);
    cache.writeEdition("dropped", edition);
    const next = openEmailCache(root, "d".repeat(64));
    expect(next.readEdition("kept")).toEqual(edition);
    next.pruneUnused();
    expect(readdirSync(next.dir)).toEqual(["kept.json"]);
    expect(readdirSync(path.join(root, ".cache/email"))).toEqual(["d".repeat(16)]);
  });
});

describe("builds with the email cache", () => {
  let project: TempProject;
  const emailFiles = () => Object.fromEntries(Object.entries(hashTree(project.site(""))).filter(([file]) => /email\.(html|txt|eml)$/.test(file)));
  const entries = () => readdirSync(path.join(project.root, ".cache/email")).flatMap((v) => readdirSync(path.join(project.root, ".cache/email", v)).map((f) => path.join(project.root, ".cache/email", v, f)));
  beforeAll(() => (project = makeTempProject()));
  afterAll(() => project.remove());

  it("write the same email.html, email.txt and email.eml cold, warm, with corrupted entries and without the cache", async () => {
    await project.build();
    const cold = emailFiles();
    expect(Object.keys(cold)).toHaveLength(3);
    expect(entries()).toHaveLength(2); // one edition, one message
    const before = entries().map((f) => readFileSync(f, "utf8"));

    // Each build below must render (not keep _site/ as is: .cache/render/).
    const render = () => rmSync(path.join(project.root, ".cache/render"), { recursive: true, force: true });
    render();
    await project.build();
    expect(emailFiles()).toEqual(cold);
    expect(entries().map((f) => readFileSync(f, "utf8"))).toEqual(before);

    // A payload that still parses but was changed is not trusted: rebuilt.
    for (const f of entries()) writeFileSync(f, readFileSync(f, "utf8").replace(/"payload":\{"(\w+)":"/, '"payload":{"$1":"X'));
    render();
    await project.build();
    expect(emailFiles()).toEqual(cold);
    expect(entries().map((f) => readFileSync(f, "utf8"))).toEqual(before);

    rmSync(path.join(project.root, ".cache"), { recursive: true });
    await project.build({ cache: false });
    expect(emailFiles()).toEqual(cold);
  });
});
