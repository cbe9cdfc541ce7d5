// People, organizations and places on fixtures written for these tests (no
// text from the gold set): titles and roles, short forms and acronyms, cue
// words, the gazetteer's evidence rules, clubs, lists, nicknames.
import { describe, expect, it } from "vitest";
import { extractEntities } from "../scripts/pipeline/normalize/entities.ts";
import { PLACES, DEMONYMS, GIVEN_NAMES } from "../scripts/pipeline/normalize/gazetteer.ts";

function run(...texts: string[]) {
  const r = extractEntities(texts.map((text, i) => ({ id: `s-${i + 1}`, text })));
  return {
    ...r,
    people: r.people.map((p) => ({ name: p.name, role: p.role, aliases: p.aliases })),
    orgs: r.organizations.map((o) => ({ name: o.name, aliases: o.aliases })),
    placeNames: r.places.map((p) => p.name),
  };
}

describe("people: names without honorifics, roles from titles and appositives", () => {
  it("strips a title with a place in it into the role: U.S. Attorney Jane Morrow", () => {
    const r = run("U.S. Attorney Jane Morrow announced the charges at a news conference.");
    expect(r.people).toEqual([{ name: "Jane Morrow", role: "U.S. Attorney", aliases: [] }]);
  });

  it("keeps a peer's bare title out of the name and the role, and in the aliases", () => {
    const r = run("Lord Ashworth said the council had acted too late.", "Ashworth later resigned.");
    expect(r.people).toEqual([{ name: "Ashworth", role: null, aliases: ["Lord Ashworth"] }]);
  });

  it("reads an honorific and one name as a person even where a place has that name: 'Prince Edward'", () => {
    const r = run("Prince Edward opened the hall.");
    expect(r.people).toEqual([{ name: "Edward", role: "Prince", aliases: ["Prince Edward"] }]);
    expect(r.placeNames).toEqual([]);
  });

  it("takes no name that opens with a word for a kind of place for a person: 'Port Alder will vote'", () => {
    const r = run("The council of Port Alder will vote on the harbour plan.", "Residents of Mount Keller said they would object.");
    expect(r.people.map((p) => p.name)).toEqual([]);
  });

  it("reads an appositive role: 'X, the chief executive of Y,'", () => {
    const r = run("Maria Lopez, the chief executive of Harbor Foods Ltd, said sales had fallen.");
    expect(r.people).toEqual([{ name: "Maria Lopez", role: "chief executive of Harbor Foods Ltd", aliases: [] }]);
    expect(r.orgs.map((o) => o.name)).toEqual(["Harbor Foods Ltd"]);
  });

  it("keeps 'spokesman for Y' in an appositive role and drops a 'for' phrase that only describes", () => {
    const r = run(
      "Officer Dana Reyes, spokesman for Pima County Sheriff's Office, said the dogs were safe.",
      "Ola Berg, outreach coordinator for a small digital rights group, agreed.",
    );
    expect(r.people.map((p) => [p.name, p.role])).toEqual([
      ["Dana Reyes", "spokesman for Pima County Sheriff's Office"], ["Ola Berg", "outreach coordinator"],
    ]);
  });

  it("reads 'X, one of the so-called Kirkby Six,' as X's role", () => {
    const r = run("Paul Dorran, one of the so-called Kirkby Six, was freed.");
    expect(r.people.map((p) => [p.name, p.role])).toEqual([["Paul Dorran", "one of the so-called Kirkby Six"]]);
  });

  it("reads a role before the name: 'Y chief executive X', 'Tory leader X', 'Glasgow hooker X'", () => {
    const r = run("Harbor Foods chief executive Tom Becker was not available.", "Veteran Glasgow hooker Sandy Birrell is retiring.");
    expect(r.people.map((p) => [p.name, p.role])).toEqual([["Tom Becker", "Harbor Foods chief executive"], ["Sandy Birrell", "Veteran Glasgow hooker"]]);
  });

  it("merges the surname and 'Mr X' into the full name, as aliases", () => {
    const r = run("Tom Becker founded the firm in a garage.", "Mr Becker said it was hard.", "Becker now employs 300 people.");
    expect(r.people).toEqual([{ name: "Tom Becker", role: null, aliases: ["Mr Becker", "Becker"] }]);
  });

  it("merges a titled given name into the one person of that first name: 'Sir Joshua'", () => {
    const r = run("A portrait by Joshua Hale was sold.", "Sir Joshua painted it in 1770.");
    expect(r.people).toEqual([{ name: "Joshua Hale", role: null, aliases: ["Sir Joshua"] }]);
  });

  it("shares a role before a list with every name in it", () => {
    const r = run("The vote was opposed by senior board members Ann Cole, Ravi Sundaram and Lee Wong.");
    expect(r.people.map((p) => [p.name, p.role])).toEqual([
      ["Ann Cole", "senior board member"], ["Ravi Sundaram", "senior board member"], ["Lee Wong", "senior board member"],
    ]);
  });

  it("takes a role after a dash-led list: 'players at Kilmore — A, B'", () => {
    const r = run("He will decide the futures of four players at Kilmore Rovers \u2014 Dario Pell, Sean Tully and Iain Moss.");
    expect(r.people.map((p) => p.role)).toEqual(["player at Kilmore Rovers", "player at Kilmore Rovers", "player at Kilmore Rovers"]);
  });

  it("reads a role stated with 'is'/'was', and one before 'such as' for the names after it", () => {
    const r = run(
      "Hana Kovacs is among four Hungarian poets who made the list.",
      "Past winners of the Cedar Prize, such as Omar Haddad and Lena Brandt, were left out.",
    );
    expect(r.people.map((p) => [p.name, p.role])).toEqual([
      ["Hana Kovacs", "Hungarian poet"], ["Omar Haddad", "Past winner of the Cedar Prize"], ["Lena Brandt", "Past winner of the Cedar Prize"],
    ]);
  });

  it("reads 'her first husband is X' and 'her husband of 11 years, X'", () => {
    const r = run("Her first husband is Carl Dent, a builder from Leeds.", "She thanked her husband of 11 years, Ivo Marek.");
    expect(r.people.map((p) => [p.name, p.role])).toEqual([["Carl Dent", "builder from Leeds"], ["Ivo Marek", "husband of 11 years"]]);
    expect(run("Her first husband is Carl Dent.").people.map((p) => p.role)).toEqual(["first husband"]);
  });

  it("prefers a stated role to a bare word before the name, and never takes a clause about someone else", () => {
    const r = run("A nervous Ella Marsh watched.", "Ella Marsh, the team doctor, was calm.", "Rory Dunn, 45, shot his neighbour Tom Pike.");
    expect(r.people.map((p) => [p.name, p.role])).toEqual([["Ella Marsh", "team doctor"], ["Rory Dunn", null], ["Tom Pike", "neighbour"]]);
  });

  it("keeps particles inside a name and drops a quoted nickname", () => {
    const r = run("The plan was backed by analyst Nick van der Berg.", "Her husband Tom 'The Hammer' Briggs left.");
    expect(r.people.map((p) => p.name)).toEqual(["Nick van der Berg", "Tom Briggs"]);
  });

  it("reads a province's name inside a longer name as part of it, and a lawyer's client as a person", () => {
    const r = run("The board blamed executives Marc Girona and Ines Pardo.", "A lawyer for Tomas Brell denied it.");
    expect(r.people.map((p) => [p.name, p.role])).toEqual([["Marc Girona", "executive"], ["Ines Pardo", "executive"], ["Tomas Brell", null]]);
    expect(r.placeNames).toEqual([]);
  });

  it("reads a given name before a country's name as a person: Jordan Hale", () => {
    const r = run("The leader, Jordan Hale, shot a 66 in Georgia on the final day.");
    expect(r.people.map((p) => p.name)).toEqual(["Jordan Hale"]);
    expect(r.placeNames).toEqual(["Georgia"]);
  });

  it("reads a month before a name word as a given name: April Dunmore", () => {
    const r = run("The award went to actress April Dunmore in March.");
    expect(r.people.map((p) => [p.name, p.role])).toEqual([["April Dunmore", "actress"]]);
  });

  it("takes a lone given name as a person only with a role that says so", () => {
    const r = run("Her daughter Sophie was at school.", "Grace was the name of the storm.");
    expect(r.people.map((p) => [p.name, p.role])).toEqual([["Sophie", "daughter"]]);
  });

  it("treats letters after a name as no part of it: Guy Harland QC", () => {
    expect(run("The report was written by Guy Harland QC for the council.").people.map((p) => p.name)).toEqual(["Guy Harland"]);
  });

  it("treats curly and straight apostrophes as one name", () => {
    const r = run("Peter O\u2019Rourke spoke first.", "Later Peter O'Rourke left.");
    expect(r.people).toHaveLength(1);
  });

  it("reads a role from 'X, who was/is' followed by a determiner, a possessive or 'in charge of', and nothing else", () => {
    const r = run(
      "The cup was handed over by Nora Quill, who was the club's first captain, and Ivo Brand, who is Quill's oldest friend.",
      "Colonel Remy Sato, who is in charge of the Harbour Defence Command, signed the order.",
      "Tess Ambler, who was arrested in June, denied it. Otto Finch, who is 52, declined to comment.",
    );
    const role = (name: string) => r.people.find((p) => p.name === name)?.role;
    expect(role("Nora Quill")).toBe("club's first captain");
    expect(role("Ivo Brand")).toBe("oldest friend of Nora Quill");
    expect(role("Remy Sato")).toBe("in charge of the Harbour Defence Command");
    expect(role("Tess Ambler")).toBeNull();
    expect(role("Otto Finch")).toBeNull();
  });

  it("lets a role stated of one person replace the role a list shares: 'board members A, B and C' then 'treasurer B'", () => {
    const r = run(
      "Senior board members Ed Pike, Al Ross and Bo Tan objected to the plan.",
      "But Mr Ross, the club treasurer, backed it, and honorary secretary Mr Pike abstained.",
    );
    const role = (name: string) => r.people.find((p) => p.name === name)?.role;
    expect(role("Ed Pike")).toBe("honorary secretary");
    expect(role("Al Ross")).toBe("club treasurer");
    expect(role("Bo Tan")).toBe("Senior board member");
  });

  it("gives the role a sentence opens on ('The prime minister was') to the person the sentence before opens on", () => {
    const r = run("Tom Hale has apologised to the families.", "The prime minister was speaking in London.");
    expect(r.people).toEqual([{ name: "Tom Hale", role: "prime minister", aliases: [] }]);
    // Not when the sentence before does not open on the person, and never over a stated role.
    const elsewhere = run("Police named the victim as Ann Lee.", "The spokesman said more would follow.");
    expect(elsewhere.people.map((p) => p.role)).toEqual([null]);
    const stated = run("Pia Stone, the club chairman, resigned.", "The lawyer said she had no choice.");
    expect(stated.people[0]!.role).toBe("club chairman");
  });

  it("reads one word after a listed role noun as a person known by one name, but not an initialism, a given name or a common word", () => {
    const r = run("The festival closed with a set by soul singer Amarelle.", "Fans of midfielder Zinho cheered.");
    expect(r.people).toEqual([
      { name: "Amarelle", role: "soul singer", aliases: [] },
      { name: "Zinho", role: "midfielder", aliases: [] },
    ]);
    const not = run("The remix is by producer KLX, the cover by designer Blender.", "A blender is a kitchen tool.");
    expect(not.people).toEqual([]);
  });

  it("reads the role before a comma across an age: 'the defendant, 34-year-old X'", () => {
    const r = run("The court heard from the defendant, 34-year-old Ray Dunn, on Monday.", "He trails the leader, aged 21 Jo Speer.");
    expect(r.people.map((p) => [p.name, p.role])).toEqual([["Ray Dunn", "defendant"], ["Jo Speer", "leader"]]);
  });

  it("reads a label as a role: 'Shooter: X' opening a caption, '(Coaches) X and Y' inside a quotation, not 'Pictured: X'", () => {
    const r = run(
      "Shooter: Ted Marsh, 48, pictured in 2012.",
      "'(Coaches) Alan Robb and Bill Thom have done a fantastic job,' he said.",
      "Pictured: Ann Roe at home.",
    );
    expect(r.people.map((p) => [p.name, p.role])).toEqual([["Ted Marsh", "shooter"], ["Alan Robb", "coach"], ["Bill Thom", "coach"], ["Ann Roe", null]]);
  });

  it("reads the body a speaker speaks for as the role: 'X, Seaport Hotel Association, said'", () => {
    const r = run("Colin Ashby, Seaport Hotel Association said the season was poor.", "Ann Roe, Westfield Council, said so.", "Ann Dee, Paul Hay and Tom Lee, went home.");
    expect(r.people.map((p) => [p.name, p.role])).toEqual([
      ["Colin Ashby", "Seaport Hotel Association"], ["Ann Roe", "Westfield Council"], ["Ann Dee", null], ["Paul Hay", null], ["Tom Lee", null],
    ]);
    expect(r.orgs.map((o) => o.name)).toEqual(expect.arrayContaining(["Seaport Hotel Association", "Westfield Council"]));
  });

  it("reads membership of a group before a comma as the role: 'one of the so-called Bristol Five, X'", () => {
    const r = run("However, one of the so-called Bristol Five, Gerry Connell, said the apology came late.");
    expect(r.people).toEqual([{ name: "Gerry Connell", role: "one of the so-called Bristol Five", aliases: [] }]);
  });

  it("stops a role before a name at a verb after 'to' or a modal: 'to watch boyfriend X'", () => {
    const r = run("She flew in to watch boyfriend Tim Wood play.", "Fans will cheer veteran striker Al Hume.");
    expect(r.people.map((p) => [p.name, p.role])).toEqual([["Tim Wood", "boyfriend"], ["Al Hume", "veteran striker"]]);
  });

  it("reads a role given with 'as' ('confirmed as Kilnock's permanent manager') and a bracketed role noun ('(chairman)'), not '(pictured)'", () => {
    const r = run(
      "Gary Lock will be confirmed as Kilnock's permanent manager on Friday.",
      "Ann Roe was appointed as chairman in May.",
      "Peter Marsh (pictured) left early.",
      "Tom Dunne (chairman) said the club was safe.",
    );
    expect(r.people.map((p) => [p.name, p.role])).toEqual([
      ["Gary Lock", "Kilnock's permanent manager"], ["Ann Roe", "chairman"], ["Peter Marsh", null], ["Tom Dunne", "chairman"],
    ]);
  });

  it("takes no plural, adjective or caption word for a role: 'products X', 'a nervous X', 'Scroll down for video X'", () => {
    const r = run(
      "The stall sold certified products Alan Hart and Cody Allan bought.",
      "A nervous Linda Vane was back on Friday.",
      "Scroll down for video Linda Vane watched the round.",
    );
    expect(r.people.map((p) => [p.name, p.role])).toEqual([["Alan Hart", null], ["Cody Allan", null], ["Linda Vane", null]]);
  });

  it("spells out the person a possessive role hangs on, and leaves an organization's or an unclear one alone", () => {
    const r = run(
      "Lena Voss was freed on Monday.",
      "Ms Voss's brother Karl flew in from Berlin.",
      "Northfield Council's chief planner Ada Lund covered the hearing.",
      "Sam Roe and Jo Roe watched. Roe's lawyer Ida Kemp spoke.",
    );
    const role = (name: string) => r.people.find((p) => p.name === name)?.role;
    expect(role("Karl")).toBe("brother of Lena Voss");
    expect(role("Ada Lund")).toBe("Northfield Council's chief planner");
    expect(role("Ida Kemp")).toBe("Roe's lawyer");
  });
});

describe("organizations: cue words, acronyms, short forms, no type confusion", () => {
  it("recognizes organizations by their cue words", () => {
    const r = run(
      "Staff at Brindle Ltd, the Marsh Valley Association and the Coastal Ministry of Fisheries met the Audit Committee.",
      "Delegates from Wexley University, the Green Unity Party and Dunmore FC joined them.",
    );
    expect(r.orgs.map((o) => o.name)).toEqual([
      "Brindle Ltd", "Marsh Valley Association", "Coastal Ministry of Fisheries", "Audit Committee",
      "Wexley University", "Green Unity Party", "Dunmore FC",
    ]);
    expect(r.people).toEqual([]);
  });

  it("does not mistake a company named like a person for one: 'tobacco firm Philip Morris'", () => {
    const r = run("Shares in tobacco firm Philip Morris rose.", "Philip Morris said demand was strong.");
    expect(r.orgs).toEqual([{ name: "Philip Morris", aliases: [] }]);
    expect(r.people).toEqual([]);
  });

  it("merges an acronym into the full name it abbreviates", () => {
    const r = run("The Regional Transport Authority raised fares.", "The RTA said costs had doubled.");
    expect(r.orgs).toEqual([{ name: "Regional Transport Authority", aliases: ["RTA"] }]);
  });

  it("merges a shorter form that ends a longer name, and a party's other names", () => {
    const r = run("The Harwick Evening Courier ran the story.", "The Evening Courier said so.", "The Tories and the Conservatives are one party.");
    expect(r.orgs.map((o) => o.name)).toEqual(["Harwick Evening Courier", "Conservatives"]);
  });

  it("stops a name where it ends: no weekday on a council or a court, no word after a possessive", () => {
    const r = run("Essex County Council on Tuesday approved the plan.", "The Court of Appeal on Friday rejected it.", "The Union of Cab Drivers' Welfare Officer spoke.");
    expect(r.orgs.map((o) => o.name)).toEqual(["Essex County Council", "Court of Appeal", "Union of Cab Drivers"]);
  });

  it("reads a name after a role and 'at' as the workplace: analyst at Kessler Brandt Vogel", () => {
    const r = run("Mira Holt, an aviation analyst at Kessler Brandt Vogel, said fares would rise.");
    expect(r.orgs.map((o) => o.name)).toEqual(["Kessler Brandt Vogel"]);
    expect(r.people.map((p) => [p.name, p.role])).toEqual([["Mira Holt", "aviation analyst at Kessler Brandt Vogel"]]);
  });

  it("joins names with an ampersand, and 'X and Y Football Club'", () => {
    const r = run("Ratings agency Carter & Dean's downgrade hit Hollins and Marsh Football Club hard.");
    expect(r.orgs.map((o) => o.name)).toEqual(["Carter & Dean", "Hollins and Marsh Football Club"]);
  });

  it("in a sports article: a team named like a player's surname is the player; a city's team joins its club's full name", () => {
    const r = run(
      "Glasgow Warriors coach Dean Preston praised his side after the league match.",
      "Preston said Glasgow had scored the better goals and the striker was superb.",
    );
    expect(r.orgs).toEqual([{ name: "Glasgow Warriors", aliases: ["Glasgow"] }]);
    expect(r.people.map((p) => [p.name, p.aliases])).toEqual([["Dean Preston", ["Preston"]]]);
  });

  it("reads a role noun before 'of' as the head: 'chairman of the Bar Council, X' is a person", () => {
    const r = run("The chairman of the Harbour Board, Lewis Grant, disagreed.");
    expect(r.people.map((p) => [p.name, p.role])).toEqual([["Lewis Grant", "chairman of the Harbour Board"]]);
  });

  it("does not take product and format initialisms for organizations", () => {
    expect(run("The film is out on DVD and the book has an ISBN.").orgs).toEqual([]);
  });

  it("reads clubs: a club word with a place, and a bare city in a sports article unless it says where", () => {
    const r = run(
      "Real Madrid beat Manchester City and Valencia drew with Sevilla in the league.",
      "The striker scored twice and the goalkeeper saved a penalty in Madrid.",
    );
    expect(r.orgs.map((o) => o.name)).toEqual(["Real Madrid", "Manchester City", "Valencia", "Sevilla"]);
    expect(r.placeNames).toEqual(["Madrid"]);
  });
});

describe("places: a gazetteer from data packages, with evidence rules", () => {
  it("builds countries, alternative spellings, regions, states and cities from the packages", () => {
    expect(PLACES.get("France")?.kind).toBe("country");
    expect(PLACES.get("Great Britain")?.name).toBe("United Kingdom");
    expect(PLACES.get("Texas")?.kind).toBe("region");
    // The UK's own countries count as countries (they field national teams).
    expect(PLACES.get("Scotland")?.kind).toBe("country");
    expect(PLACES.get("Bavaria")?.kind).toBe("region");
    expect(PLACES.get("Western Europe")?.kind).toBe("region");
    expect(PLACES.get("Blackpool")).toMatchObject({ kind: "city" });
    expect(PLACES.get("Blackpool")!.population).toBeGreaterThan(100000);
    expect(PLACES.get("Sao Paulo")?.population).toBeGreaterThan(1000000);
    expect(DEMONYMS.has("British") && DEMONYMS.has("Koreans")).toBe(true);
    expect(GIVEN_NAMES.has("Gretchen") && !GIVEN_NAMES.has("Major")).toBe(true);
  });

  it("names a place as the text writes it, with its other forms as aliases", () => {
    const r = run("Trade between the UK and France grew.", "Britain exported more cheese.");
    expect(r.places.map((p) => [p.name, p.aliases])).toEqual([["Britain", ["UK"]], ["France", []]]);
  });

  it("needs a cue for a small town, and for a town named like a person or a word", () => {
    expect(run("She grew up in Dingwall before moving south.").placeNames).toEqual(["Dingwall"]);
    expect(run("Dingwall scored a late goal.").placeNames).toEqual([]);
    expect(run("Deal or no deal, the talks go on.").placeNames).toEqual([]);
    expect(run("Michael signed the letter.").placeNames).toEqual([]);
  });

  it("places a town the gazetteer lacks by the state after it: 'in Pellston Ridge, Arizona'", () => {
    expect(run("Police raided a house in Pellston Ridge, Arizona on Monday.").placeNames).toEqual(["Pellston Ridge", "Arizona"]);
  });

  it("reads streets, rivers and beaches as places, nationality words as none", () => {
    expect(run("The march went from Carver Street to the River Lune.").placeNames).toEqual(["Carver Street", "River Lune"]);
    expect(run("The English and Welsh teams trained together.").placeNames).toEqual([]);
  });

  it("keeps the place named in a title before a name: 'former New York Mayor X'", () => {
    const r = run("Former New York Mayor Dan Keller backed the bill.");
    expect(r.people.map((p) => [p.name, p.role])).toEqual([["Dan Keller", "Former New York Mayor"]]);
    expect(r.placeNames).toEqual(["New York"]);
  });

  it("keeps the place in an event's name: 'the Athens Olympics'", () => {
    const r = run("She won silver at the Athens Olympics.");
    expect(r.placeNames).toEqual(["Athens"]);
    expect(r.orgs).toEqual([]);
  });
});

describe("roles stated away from the name's own title or appositive", () => {
  const roleOf = (r: ReturnType<typeof run>, name: string) => r.people.find((p) => p.name === name)?.role;

  it("reads 'Prince X' opening a sentence as a title even when the article writes 'prince' in lower case", () => {
    const r = run("Prince Albrecht will also attend the ceremony in Oslo.", "The prince had been ill.");
    expect(r.people).toEqual([{ name: "Albrecht", role: "Prince", aliases: ["Prince Albrecht"] }]);
  });

  it("keeps a name that ends like a building after a listed role noun: 'hooker Ronan Hall'", () => {
    const r = run("Dundee hooker Ronan Hall is to retire.", "They met at the Albert Hall.");
    expect(r.people).toEqual([{ name: "Ronan Hall", role: "Dundee hooker", aliases: [] }]);
  });

  it("does not share a singular role along 'and': 'skipper A and B'", () => {
    const r = run("Maria Olsen and Tove Lind will start.", "Both skipper Olsen and Lind have played 200 games.");
    expect(roleOf(r, "Maria Olsen")).toBe("skipper");
    expect(roleOf(r, "Tove Lind")).toBeNull();
  });

  it("still shares a plural role along a list: 'defenders A and B'", () => {
    const r = run("The club released defenders Ivo Marsh and Pete Crane on Monday.");
    expect(r.people.map((p) => [p.name, p.role])).toEqual([["Ivo Marsh", "defender"], ["Pete Crane", "defender"]]);
  });

  it("takes no role from 'a man who ...' and keeps the later stated one", () => {
    const r = run("Pictured: Colm Reddy, a man who lives nearby, and others.", "Fellow nurse Colm Reddy wrote about the ward.");
    expect(roleOf(r, "Colm Reddy")).toBe("Fellow nurse");
  });

  it("lets a relation ('her beau', 'compatriot') give way to what the person is", () => {
    const r = run(
      "Anna Berg came to watch her boyfriend Luca Moretti race on Sunday.",
      "'It was hard,' said three-time world champion Moretti.",
    );
    expect(roleOf(r, "Luca Moretti")).toBe("three-time world champion");
  });

  it("keeps a relation when the text states nothing else", () => {
    const r = run("Anna Berg came to watch her boyfriend Luca Moretti race on Sunday.");
    expect(roleOf(r, "Luca Moretti")).toBe("boyfriend");
  });

  it("reads 'his role as Y' in the name's own clause", () => {
    const r = run("Hans Vogel has said he will leave his role as Hamburg SV boss at the end of the season.");
    expect(roleOf(r, "Hans Vogel")).toBe("Hamburg SV boss");
  });

  it("does not read 'her role as' across another name", () => {
    const r = run("Hans Vogel praised Lena Graf for her role as captain.");
    expect(roleOf(r, "Hans Vogel")).toBeNull();
  });

  it("makes the owner of 'X's novel Title' its author", () => {
    const r = run("The list includes Petra Lund's debut novel The Salt Road and Omar Field's memoir Long Way Home.");
    expect(r.people.map((p) => [p.name, p.role])).toEqual([
      ["Petra Lund", "author of The Salt Road"], ["Omar Field", "author of Long Way Home"],
    ]);
  });

  it("reads a role set off by a dash before the name: 'his younger brother - Sam Duff'", () => {
    const r = run("Duff's younger brother - Sam Duff - told reporters he was worried.");
    expect(roleOf(r, "Sam Duff")).toBe("Duff's younger brother");
  });

  it("gives no plural role to one name that no list follows: 'checked by vets Tom Lowe had ...'", () => {
    const r = run("The dogs are being checked by vets Tom Lowe had refused to let in.");
    expect(roleOf(r, "Tom Lowe") ?? null).toBeNull();
  });

  it("makes the person after 'the film Title, starring' a star of that work", () => {
    const r = run("His case inspired the award-winning film Harbour Of The Lost, starring Ruth Calloway.", "A comedy starring Ivo Marsh said little.");
    expect(r.people.map((p) => [p.name, p.role])).toEqual([["Ruth Calloway", "star of Harbour Of The Lost"], ["Ivo Marsh", "star"]]);
  });

  it("reads 'the singer, Name,' as a person known by one name", () => {
    const r = run("Last week, online trolls mocked the singer, Zephyra, for a photo.");
    expect(r.people).toEqual([{ name: "Zephyra", role: "singer", aliases: [] }]);
  });
});

describe("roles from a definite description of someone just named", () => {
  const roleOf = (r: ReturnType<typeof run>, name: string) => r.people.find((p) => p.name === name)?.role;

  it("gives the description to the person named earlier in its sentence", () => {
    const r = run("Nikos Varga's lawyer asked for the ban on the Hungarian swimmer to be lifted.");
    expect(roleOf(r, "Nikos Varga")).toBe("Hungarian swimmer");
  });

  it("skips a person who already has a role and takes the nearest without one", () => {
    const r = run("After it emerged Jon Reed had split from his wife, film star Ada Wynn, the famous chef filed for divorce.");
    expect(roleOf(r, "Jon Reed")).toBe("famous chef");
    expect(roleOf(r, "Ada Wynn")).toBe("film star");
  });

  it("never gives it to the subject of its own clause", () => {
    const r = run("Karl Maas has filed evidence which he says proves the former champion is innocent.");
    expect(roleOf(r, "Karl Maas")).toBeNull();
  });

  it("carries a sentence-opening 'The <role> <verb>' to the previous sentence's first person", () => {
    const r = run("But Karl Maas said the case was weak.", "The lawyer added that he would appeal.");
    expect(roleOf(r, "Karl Maas")).toBe("lawyer");
  });

  it("ignores a description that a name follows: 'the leader, young star Ben Holt'", () => {
    const r = run("Anna Berg is well behind the leader, young star Ben Holt.");
    expect(roleOf(r, "Anna Berg")).toBeNull();
  });

  it("does not reach into the sentence before for a description inside a sentence", () => {
    const r = run("Ivo Marsh said he was delighted to be cast.", "Yesterday the director also praised the crew.");
    expect(roleOf(r, "Ivo Marsh")).toBeNull();
  });

  it("never replaces a role stated with the name", () => {
    const r = run("Club defender Tom Ash, 24, said that after the match the manager had called him.");
    expect(roleOf(r, "Tom Ash")).toBe("Club defender");
  });

  it("never gives it to the subject past an age: 'X, 24, said the manager ...'", () => {
    const r = run("Tom Ash, 24, said the manager had called him.");
    expect(roleOf(r, "Tom Ash")).toBeNull();
  });
});

describe("roles: given names that are common words, '<Org> man', 'one of the <role>s was X'", () => {
  const roleOf = (r: ReturnType<typeof run>, name: string) => r.people.find((p) => p.name === name)?.role;
  it("reads a common word with capitals after a role noun as a given name: 'defender Per Lindqvist'", () => {
    const r = run("Chelsea defender Per Lindqvist has backed his compatriot to succeed in England.", "Lindqvist, a Sweden international, said so on Monday.");
    expect(r.people).toEqual([{ name: "Per Lindqvist", role: "Chelsea defender", aliases: ["Lindqvist"] }]);
  });

  it("still drops a common word with capitals that no role noun stands before: 'Per Lindqvist' opening a sentence", () => {
    const r = run("Per week the club pays Lindqvist more than most.");
    expect(r.people.map((p) => p.name)).not.toContain("Per Lindqvist");
  });

  it("gives 'the former <club> man' opening a sentence to the person the sentence before opens on", () => {
    const r = run("Tomas Brandt has scored twice in ten games since his move in March.", "The former Leeds United man, who cost £8m, has yet to win over the fans.");
    expect(roleOf(r, "Tomas Brandt")).toBe("former Leeds United man");
  });

  it("reads a capital 'The' after a lower-case word as a run-on sentence: a caption without its full stop", () => {
    const r = run("Tomas Brandt has scored twice since his move in March Pictured: the squad in training The former Leeds United man, who cost £8m, has yet to win over the fans.");
    expect(roleOf(r, "Tomas Brandt")).toBe("former Leeds United man");
  });

  it("gives no role from a lower-case 'the <club> man' inside the subject's own clause", () => {
    const r = run("Tomas Brandt has said the Leeds United man is not for sale.");
    expect(roleOf(r, "Tomas Brandt")).toBeNull();
  });

  it("takes no plain 'the old man' for a role", () => {
    const r = run("Tomas Brandt has scored twice in ten games.", "The old man, who lives nearby, has complained.");
    expect(roleOf(r, "Tomas Brandt")).toBeNull();
  });

  it("reads 'one of the <role>s was believed to be a <nationality>, X' as X's role", () => {
    const r = run("Detective Jane Hale said one of the ringleaders was believed to be a Latvian, Arvids Ozols.");
    expect(roleOf(r, "Arvids Ozols")).toBe("one of the ringleaders");
  });

  it("takes no capitalized word that is not a nationality between the role and the name", () => {
    const r = run("Detective Jane Hale said one of the ringleaders was said to be a Mason, Tom Reed.");
    expect(roleOf(r, "Tom Reed")).toBeNull();
  });
});

describe("quoted nicknames: forms of the person, never part of someone else's name", () => {
  it("reads a nickname before the given name, keeps the role before it, and takes 'Nick Given' for the person", () => {
    const r = run("Reality star 'Mama' June Harlow and her husband Rob 'Big Dog' Tate have filed a report.", "Mama June's daughter Kayla was at Big Dog's home.");
    expect(r.people).toEqual([
      { name: "June Harlow", role: "Reality star", aliases: ["Mama June"] },
      { name: "Rob Tate", role: "husband", aliases: ["Big Dog"] },
      { name: "Kayla", role: "daughter of June Harlow", aliases: [] },
    ]);
  });

  it("takes the last word of a nickname for the person, as a surname", () => {
    const r = run("His brother Lee 'Uncle Poodle' Tate spoke to a magazine.", "Poodle told the magazine he was sure.");
    expect(r.people).toEqual([{ name: "Lee Tate", role: "brother", aliases: ["Poodle"] }]);
  });

  it("splits a run before a nickname's word: 'older brother Carl Dog then says' (a caption run on)", () => {
    const r = run("Her husband Rob 'Big Dog' Tate filed a report after his older brother vanished.", "Carl Tate was last seen on Saturday.",
      "Later his older brother Carl Dog then says that he was fine.");
    expect(r.people.map((p) => p.name)).toEqual(["Rob Tate", "Carl Tate"]);
    expect(r.people[1]!.role).toBe("older brother");
  });

  it("takes no quoted word that follows a capitalized word or ends a quotation for a nickname before a name", () => {
    const r = run("The chef said 'Yes.' Anna Berg then left the kitchen.");
    expect(r.people.map((p) => p.name)).toEqual(["Anna Berg"]);
    expect(r.people[0]!.aliases).toEqual([]);
  });
});
