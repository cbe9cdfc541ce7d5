// Dates and the timeline, rule by rule, on sentences written for these tests.
// Most are resolved against Tuesday 15 March 2005, noon UTC (a BBC-style
// publication day), so "Friday" before it is the 11th and after it the 18th.
import { describe, expect, it } from "vitest";
import { extractDates, publicationDate } from "../scripts/pipeline/normalize/dates.ts";
import { tenseAround } from "../scripts/pipeline/normalize/tense.ts";
import { buildTimeline, clauseLabel, LABEL_WORDS } from "../scripts/pipeline/normalize/timeline.ts";

const TUESDAY = "2005-03-15T12:00:00Z";

function dates(text: string, published = TUESDAY): [string, string, string][] {
  return extractDates([{ id: "s-1-1", text }], publicationDate(published, "UTC")).map((d) => [d.text, d.start, d.end]);
}
const day = (text: string, iso: string): [string, string, string] => [text, iso, iso];

describe("weekdays, placed by the tense of their clause", () => {
  it("puts a weekday in the past before publication and one in the future after it", () => {
    expect(dates("The mayor was arrested on Wednesday at his home.")).toEqual([day("Wednesday", "2005-03-09")]);
    expect(dates("The new coach will be confirmed on Friday.")).toEqual([day("Friday", "2005-03-18")]);
    expect(dates("On Thursday, the minister said the plan had failed.")).toEqual([day("Thursday", "2005-03-10")]);
    expect(dates("Union leaders are meeting on Thursday to discuss the offer.")).toEqual([day("Thursday", "2005-03-17")]);
    expect(dates("The ferry is due to sail on Sunday.")).toEqual([day("Sunday", "2005-03-20")]);
    expect(dates("He hopes the deal will be signed before Saturday.")).toEqual([day("Saturday", "2005-03-19")]);
    expect(dates("The captain should be fit for the return game on Wednesday.")).toEqual([day("Wednesday", "2005-03-16")]);
    expect(dates("He died Friday in a hospital in Istanbul.")).toEqual([day("Friday", "2005-03-11")]);
  });

  it("reads the publication weekday as the publication day, but never for last or next", () => {
    expect(dates("The striker did not train on Tuesday.")).toEqual([day("Tuesday", "2005-03-15")]);
    expect(dates("The vote is on Tuesday.")).toEqual([day("Tuesday", "2005-03-15")]);
    expect(dates("The bill passed last Tuesday and returns next Tuesday.")).toEqual([day("last Tuesday", "2005-03-08"), day("next Tuesday", "2005-03-22")]);
  });

  it("takes the tense from the auxiliary of a participle, not the participle", () => {
    expect(dates("The final, which will be held on Saturday, is sold out.")).toEqual([day("Saturday", "2005-03-19")]);
    expect(dates("The suspect was released on Monday evening.")).toEqual([day("Monday", "2005-03-14")]);
    // An auxiliary belongs to its own verb group: "are" does not reach across "Hinckley, who held".
    expect(dates("The other sides are Hinckley, who held Brentford to a draw on Sunday.")).toEqual([day("Sunday", "2005-03-13")]);
    // "6:30am" holds no "am" that could make it present.
    expect(dates("Police were called at about 6:30am Saturday.")).toEqual([day("Saturday", "2005-03-12")]);
  });

  it("leaves out a weekday that is part of a name, and one that heads a written date", () => {
    expect(dates("A source told the Sunday Times the talks had stalled.")).toEqual([]);
    expect(dates("She told GMTV's Sunday programme she would stand.")).toEqual([]);
    expect(dates("Shops opened early for Good Friday shoppers.")).toEqual([]);
    expect(dates("The hearing was held on Friday, March 4, in Leeds.")).toEqual([day("March 4", "2005-03-04")]);
  });
});

describe("months and days of a month without a year", () => {
  it("reads last September as the most recent September before publication", () => {
    expect(dates("Last September the factory closed.")).toEqual([["Last September", "2004-09-01", "2004-09-30"]]);
    expect(dates("Last September the factory closed.", "2005-09-20T12:00:00Z")).toEqual([["Last September", "2004-09-01", "2004-09-30"]]);
    expect(dates("Sales fell in March last year and in November of this year.")).toEqual([
      ["March last year", "2004-03-01", "2004-03-31"], ["November of this year", "2005-11-01", "2005-11-30"],
    ]);
  });

  it("puts a month in the past at or before publication and one ahead after it", () => {
    expect(dates("Prices rose in October.")).toEqual([["October", "2004-10-01", "2004-10-31"]]);
    expect(dates("Prices rose sharply in March.")).toEqual([["March", "2005-03-01", "2005-03-31"]]);
    expect(dates("The trial will open in March.")).toEqual([["March", "2006-03-01", "2006-03-31"]]);
    expect(dates("A ruling is expected before the end of March.")).toEqual([["March", "2005-03-01", "2005-03-31"]]);
    expect(dates("The judge set a March date for the retrial.")).toEqual([["March", "2006-03-01", "2006-03-31"]]);
    expect(dates("The gallery will show the works from May.")).toEqual([["May", "2005-05-01", "2005-05-31"]]);
    expect(dates("Both players are to retire come the end of May.")).toEqual([["May", "2005-05-01", "2005-05-31"]]);
    expect(dates("Snow fell in early February and again in late January.")).toEqual([
      ["February", "2005-02-01", "2005-02-28"], ["January", "2005-01-01", "2005-01-31"],
    ]);
    expect(dates("The matches will be played in April and September.")).toEqual([
      ["April", "2005-04-01", "2005-04-30"], ["September", "2005-09-01", "2005-09-30"],
    ]);
  });

  it("does not let a verb of saying give its tense to the reported clause", () => {
    // "was" in reported speech is the speaker's "is": no tense, so the nearer May, ahead.
    expect(dates("The governor added that a cut in May was not ruled out.")).toEqual([["May", "2005-05-01", "2005-05-31"]]);
  });

  it("leaves out month names that are names, and months whose year is another expression's", () => {
    expect(dates("The actor dated January Jones and later Stephanie March.")).toEqual([]);
    expect(dates("June said the house was empty.")).toEqual([]);
    expect(dates("In August of the same year the bank failed.")).toEqual([]);
    expect(dates("She may stand again, aides said.")).toEqual([]);
  });

  it("places a day of a month by tense, and by nearness when the clause has none", () => {
    expect(dates("The awards will be held on 8 December in Las Vegas.")).toEqual([day("8 December", "2005-12-08")]);
    expect(dates("The designer died on 26 February at his home.")).toEqual([day("26 February", "2005-02-26")]);
    expect(dates("A memorial on 2 April.")).toEqual([day("2 April", "2005-04-02")]);
  });
});

describe("explicit dates, ranges, years, decades and centuries", () => {
  it("keeps the written year of a day, comma or not, and invents no other", () => {
    expect(dates("The ship was launched on 15 December, 1953, in Belfast.")).toEqual([day("15 December, 1953", "1953-12-15")]);
    expect(dates("She was born on the 3rd of May 1961.")).toEqual([day("3rd of May 1961", "1961-05-03")]);
    expect(dates("The treaty was signed on June 28, 1919.")).toEqual([day("June 28, 1919", "1919-06-28")]);
  });

  it("reads ranges of days, of years and seasons written with their years", () => {
    expect(dates("The summit runs from March 31 to April 2.")).toEqual([["March 31 to April 2", "2005-03-31", "2005-04-02"]]);
    expect(dates("Ties will be played on the weekend of 8/9 April.")).toEqual([["8/9 April", "2005-04-08", "2005-04-09"]]);
    expect(dates("Between 1997 and 2002 the river was dredged.")).toEqual([["1997 and 2002", "1997-01-01", "2002-12-31"]]);
    expect(dates("He led the club in 1997-2002.")).toEqual([["1997-2002", "1997-01-01", "2002-12-31"]]);
    expect(dates("They last won the league in 2002/03.")).toEqual([["2002/03", "2002-01-01", "2003-12-31"]]);
    // Not a season: the years are not consecutive.
    expect(dates("Scores of 2002/07 were recorded.")).toEqual([]);
  });

  it("reads bare years, but not amounts, names or times of day", () => {
    expect(dates("Since 2001 the firm has grown; in 2003 it listed.")).toEqual([
      ["2001", "2001-01-01", "2001-12-31"], ["2003", "2003-01-01", "2003-12-31"],
    ]);
    expect(dates("PCs still run Windows 2000 and cost $2005 each.")).toEqual([]);
    expect(dates("Sales dipped in mid-2004 and recover by Spring 2006.")).toEqual([
      ["2004", "2004-01-01", "2004-12-31"], ["2006", "2006-01-01", "2006-12-31"],
    ]);
    expect(dates("The show may go out at about 1900 on Sundays.")).toEqual([]);
    expect(dates("The race starts at 1200 GMT.")).toEqual([]);
    expect(dates("The plant will shed about 1800 jobs, more than 1500 posts in 1999 alone.")).toEqual([["1999", "1999-01-01", "1999-12-31"]]);
    expect(dates("Emissions fell from 1990 levels by around 2010, when targets changed.")).toEqual([
      ["1990", "1990-01-01", "1990-12-31"], ["2010", "2010-01-01", "2010-12-31"],
    ]);
  });

  it("reads decades, and a century only as a noun", () => {
    expect(dates("The band formed in the 1990s.")).toEqual([["1990s", "1990-01-01", "1999-12-31"]]);
    expect(dates("Islanders were killed up to the 1600s.")).toEqual([["1600s", "1600-01-01", "1699-12-31"]]);
    expect(dates("The river was bricked over in the 19th Century.")).toEqual([["19th Century", "1801-01-01", "1900-12-31"]]);
    expect(dates("The 18th Century painting was sold.")).toEqual([]);
    expect(dates("It is a 21st-century museum.")).toEqual([]);
  });

  it("reads ISO dates", () => {
    expect(dates("The filing is dated 2004-11-30.")).toEqual([day("2004-11-30", "2004-11-30")]);
    expect(dates("An impossible 2005-02-30 is no date.")).toEqual([]);
  });

  it("reads quarters as their three months", () => {
    expect(dates("Growth slowed in the second quarter of 2005.")).toEqual([["second quarter of 2005", "2005-04-01", "2005-06-30"]]);
  });
});

describe("relative expressions", () => {
  it("resolves days, months and years relative to publication", () => {
    expect(dates("He vanished three days ago.")).toEqual([day("three days ago", "2005-03-12")]);
    expect(dates("Profits rose this year after a loss last year.")).toEqual([
      ["this year", "2005-01-01", "2005-12-31"], ["last year", "2004-01-01", "2004-12-31"],
    ]);
    expect(dates("The clip was filmed earlier in the month; the show starts next month.")).toEqual([
      ["earlier in the month", "2005-03-01", "2005-03-31"], ["next month", "2005-04-01", "2005-04-30"],
    ]);
    expect(dates("Yesterday the court adjourned until tomorrow.")).toEqual([day("Yesterday", "2005-03-14"), day("tomorrow", "2005-03-16")]);
    expect(dates("Fans gathered last night; This morning the club spoke.")).toEqual([day("last night", "2005-03-14"), day("This morning", "2005-03-15")]);
  });

  it("leaves out weeks, guesses and durations", () => {
    expect(dates("They split two weeks ago and met again last week.")).toEqual([]);
    expect(dates("The visit is about a month from now.")).toEqual([]);
    expect(dates("He served for three years.")).toEqual([]);
  });

  it("does not read a programme called Today as a date", () => {
    expect(dates("He told Radio 4's Today programme the rules were unfair.")).toEqual([]);
    expect(dates("Today the rules come into force.")).toEqual([day("Today", "2005-03-15")]);
    expect(dates("The film is on DVD from today.")).toEqual([day("today", "2005-03-15")]);
  });

  it("places holidays with a preposition or this/last/next, not a holiday used as an adjective", () => {
    expect(dates("The film took $19m on Christmas Day.", "2005-01-10T12:00:00Z")).toEqual([day("Christmas Day", "2004-12-25")]);
    expect(dates("This Easter, leaflets were handed out.", "2015-04-15T12:00:00Z")).toEqual([day("This Easter", "2015-04-05")]);
    expect(dates("It broke the New Year's Day record.")).toEqual([]);
  });
});

describe("tense", () => {
  it("finds the nearest cue before the date, else after it", () => {
    const at = (s: string, w: string) => tenseAround(s, s.indexOf(w), s.indexOf(w) + w.length);
    expect(at("Details will be released in May.", "May")).toBe("future");
    expect(at("In May, the firm closed two plants.", "May")).toBe("past");
    expect(at("The injured player in May.", "May")).toBeNull();
    expect(at("The government plans on Monday were welcomed.", "Monday")).toBe("past");
  });
});

describe("the timeline", () => {
  const pub = publicationDate(TUESDAY, "UTC");
  const timeline = (texts: string[]) => {
    const sentences = texts.map((text, i) => ({ id: `s-${i + 1}-1`, text }));
    return buildTimeline(extractDates(sentences, pub), sentences);
  };

  it("labels each entry with the clause holding its date, not the whole sentence", () => {
    const [entry] = timeline([
      "The council, which has faced criticism for months over the state of the bridge, confirmed on Monday that repairs would begin, and residents welcomed the news.",
    ]);
    expect(entry!.label.length).toBeLessThan(entry!.dateText.length + 120);
    expect(entry!.label.split(/\s+/).length).toBeLessThanOrEqual(LABEL_WORDS);
    expect(entry!.label).toContain("on Monday");
    expect(entry!.label).not.toMatch(/residents welcomed/);
    expect(entry!.sentenceId).toBe("s-1-1");
  });

  it("trims leading conjunctions and attributions, and leaves no dangling word", () => {
    expect(clauseLabel("And in October the surcharge rose again.", 7, 7)).toBe("In October the surcharge rose again");
    const s = "According to the state newspaper, the congress was held on February 20 and 21.";
    expect(clauseLabel(s, s.indexOf("February"), "February 20 and 21".length)).toBe("The congress was held on February 20 and 21");
    const t = "The minister said the plant would close in May, the union said.";
    expect(clauseLabel(t, t.indexOf("May"), 3)).toBe("The plant would close in May");
    const q = "'The house was empty when we arrived that evening, and Billy came over to visit them,' his uncle told the paper in December.";
    expect(clauseLabel(q, q.indexOf("December"), 8)).toBe("Billy came over to visit them, his uncle told the paper in December");
    const u = "Exports fell 3.1 percent in January; the drop was the third in a row and";
    expect(clauseLabel(u, u.indexOf("January"), 7)).toBe("Exports fell 3.1 percent in January");
  });

  it("keeps the noun a relative clause needs, or marks that words are left out", () => {
    const s = "Her first husband was a retired naval officer from Portsmouth, whom she married in 1991 and divorced in 1993.";
    const label = clauseLabel(s, s.indexOf("1993"), 4);
    expect(label.startsWith("\u2026whom she married") || label.startsWith("Her first husband")).toBe(true);
    expect(label).not.toMatch(/^Whom/);
  });

  it("cuts a long clause to the words around the date, with an ellipsis", () => {
    const s = "The committee that was set up by the regional assembly to examine every aspect of the failed hospital contract finally published its long awaited report on Thursday after repeated delays caused by legal challenges from the two construction firms involved.";
    const label = clauseLabel(s, s.indexOf("Thursday"), 8);
    expect(label).toContain("on Thursday");
    expect(label.split(/\s+/).length).toBeLessThanOrEqual(LABEL_WORDS);
    expect(label).toMatch(/\u2026/);
  });

  it("merges two mentions of one event and keeps two events on one day apart", () => {
    const entries = timeline([
      "Gary Locke will be confirmed as the club's permanent manager on Friday.",
      "The club will confirm Gary Locke as its permanent manager on Friday, the chairman said.",
      "The squad will also travel to Inverness on Friday for a friendly.",
      "Locke arrived in February, replacing the previous manager.",
    ]);
    expect(entries.map((e) => [e.start, e.sentenceId])).toEqual([
      ["2005-02-01", "s-4-1"], ["2005-03-18", "s-1-1"], ["2005-03-18", "s-3-1"],
    ]);
  });

  it("makes one entry of one interval named twice in a sentence, in time order", () => {
    const entries = timeline(["The 29 March game will be the second meeting of the sides, who last met on 29 March in 1984."]);
    expect(entries.filter((e) => e.start === "2005-03-29")).toHaveLength(1);
    const starts = entries.map((e) => e.start);
    expect(starts).toEqual([...starts].sort());
  });
});

describe("lists of days", () => {
  it("reads two days of different months joined by 'and' as two days, sharing the year written last", () => {
    expect(dates("She said he touched her on July 10 and October 31, 2013.")).toEqual([day("July 10", "2013-07-10"), day("October 31, 2013", "2013-10-31")]);
    expect(dates("The hearings were on 3 May and 9 June 2012.")).toEqual([day("3 May", "2012-05-03"), day("9 June 2012", "2012-06-09")]);
  });

  it("leaves out a weekday that is any such day", () => {
    expect(dates("When the holiday falls on a Saturday, no day off is given.")).toEqual([]);
    expect(dates("The market opens every Sunday.")).toEqual([]);
  });
});
