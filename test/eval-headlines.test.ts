// The headline evaluation's own pieces: the title taken off a file's bytes
// (any encoding), the baseline's first words counted as the scorer counts
// them, and k-fold cross-validation choosing on the other folds only.
import { describe, expect, it } from "vitest";
import { crossValidate, firstWords, splitTitleLine } from "../scripts/eval/headlines.ts";
import { bootstrapInterval } from "../scripts/eval/cross-validation.ts";

describe("splitTitleLine", () => {
  it("splits the title line from the body after one or more blank lines, LF or CRLF, leaving bytes as they are", () => {
    const lf = splitTitleLine(Buffer.from("Harbour to close\n\nThe harbour will close.\n"))!;
    expect(Buffer.from(lf.title).toString()).toBe("Harbour to close");
    expect(Buffer.from(lf.body).toString()).toBe("The harbour will close.\n");
    const crlf = splitTitleLine(Buffer.from([...Buffer.from("Caf"), 0xe9, ...Buffer.from(" opens\r\n\r\n\r\nBody\r\n")]))!;
    expect([...crlf.title]).toEqual([...Buffer.from("Caf"), 0xe9, ...Buffer.from(" opens")]);
    expect(Buffer.from(crlf.body).toString()).toBe("Body\r\n");
  });

  it("finds no title without a blank line after it", () => {
    expect(splitTitleLine(Buffer.from("One paragraph\nand another.\n"))).toBeNull();
    expect(splitTitleLine(Buffer.from("\nBody"))).toBeNull();
  });
});

describe("firstWords", () => {
  it("counts tokens with a letter or digit, keeping punctuation tokens in between", () => {
    expect(firstWords("Shares fell 9% - the most since 2008 - on Monday.", 5)).toBe("Shares fell 9% - the most");
    expect(firstWords("Two words", 12)).toBe("Two words");
  });
});

describe("crossValidate", () => {
  it("scores each fold with the candidate best on the other folds", () => {
    // Candidate 1 is better everywhere but on fold 0 (items 0 and 2 with k = 2), where candidate 0 wins:
    // fold 0 is chosen on fold 1 (candidate 1), fold 1 on fold 0 (candidate 0).
    const scores = [[9, 0, 9, 0], [1, 5, 1, 5]];
    const cv = crossValidate(scores, 2);
    expect(cv.chosen).toEqual([1, 0]);
    expect(cv.score).toBe((1 + 0 + 1 + 0) / 4);
  });
});

describe("bootstrapInterval", () => {
  it("is the same on every run and brackets the mean", () => {
    const values = [10, 20, 30, 40, 50, 60];
    const [lo, hi] = bootstrapInterval(values);
    expect(bootstrapInterval(values)).toEqual([lo, hi]);
    expect(lo).toBeLessThan(35);
    expect(hi).toBeGreaterThan(35);
  });
});
