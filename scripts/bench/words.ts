// Word lists for the synthetic benchmark articles. Every name here is made up
// for the benchmark (places, people, organizations); none is taken from a real
// article. They give the normalizer what real wire copy has: people with
// roles, organizations, places, relative and ranged dates, quotations.

export const FIRST_NAMES = [
  "Amara", "Bastian", "Chiara", "Dmitri", "Elena", "Farid", "Greta", "Hiroshi", "Ines", "Jonas",
  "Kalinda", "Lorenzo", "Mireille", "Nikolai", "Oona", "Pavel", "Quentin", "Rosalind", "Soren", "Talia",
  "Ulrich", "Valeria", "Wendell", "Ximena", "Yusuf", "Zofia", "Anselm", "Beatrix", "Cormac", "Delphine",
];

export const LAST_NAMES = [
  "Adeyemi", "Brandvold", "Castellano", "Dorfmann", "Esterhazy", "Falkenrath", "Grimaldi", "Halvorsen",
  "Ibarra", "Jankowski", "Kestrel", "Lindqvist", "Marchetti", "Novakova", "Ostrander", "Pellegrini",
  "Quillfeather", "Ravensworth", "Sandoval", "Thorvaldsen", "Underhill", "Valcourt", "Winterbourne",
  "Yarrowby", "Zellweger", "Ashcombe", "Blackthorn", "Crestwood", "Dunmore", "Everly",
];

export const ROLES = [
  "Minister of Trade", "Deputy Foreign Minister", "chief economist", "Governor of the Central Bank",
  "spokesperson for the Ministry of Transport", "President of the Port Authority", "senior analyst",
  "Secretary General of the Harbor Workers' Union", "Mayor of Vellmont", "director of the Institute for Coastal Studies",
  "chair of the parliamentary budget committee", "Prime Minister", "head of the Northern Rail Company",
  "professor of international relations at Corvale University", "Defense Minister",
];

export const ORGANIZATIONS = [
  "the Ministry of Trade", "the Central Bank of Ostravia", "the Harbor Workers' Union", "the National Water Authority",
  "the Institute for Coastal Studies", "the Northern Rail Company", "Corvale University", "the Council of Maritime States",
  "the Federation of Grain Exporters", "the Vellmont City Council", "the Ostravian Broadcasting Service",
  "the Bureau of Statistics", "the Alliance for Open Ports", "the Southern Energy Cooperative", "the Supreme Court",
];

export const PLACES = [
  "Ostravia", "Vellmont", "Corvale", "the Serran Coast", "Port Anselm", "Kaldmark", "the Velden Valley",
  "Lindhaven", "New Tessaly", "the Marren Islands", "Brightwater", "Holmgard",
];

export const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

export const TOPICS = [
  "port expansion", "grain tariffs", "rail strike", "water rationing", "budget dispute", "border talks",
  "energy subsidies", "interest rates", "coastal flooding", "trade agreement", "fishing quotas", "pension reform",
];

export const TAGS = ["Economy", "Trade", "Transport", "Energy", "Diplomacy", "Labor", "Climate", "Politics", "Courts", "Cities"];

export const VERBS_OF_SAYING = ["said", "stated", "noted", "argued", "told reporters", "warned", "added", "explained"];

export const NOUNS = [
  "agreement", "proposal", "deadline", "negotiations", "shipments", "forecast", "reforms", "investment",
  "inspection", "committee", "report", "measures", "tariffs", "subsidies", "contract", "settlement",
];

export const ADJECTIVES = [
  "significant", "preliminary", "contested", "long-delayed", "regional", "unprecedented", "modest",
  "sweeping", "temporary", "binding", "cautious", "ambitious",
];

export const CLAUSES = [
  "the talks could resume before the end of the quarter",
  "the costs would fall hardest on small exporters",
  "the figures point to a slower recovery than expected",
  "the government has no plans to change course",
  "the measures were never meant to be permanent",
  "a compromise is still possible if both sides give ground",
  "the delays have already cost the region millions",
  "the decision will be reviewed by an independent panel",
  "the public deserves a clearer explanation",
  "the new rules will take effect in stages",
  "the shortfall can be covered without new taxes",
  "the agreement leaves several questions unanswered",
];

export const SUBHEADS = [
  "Talks Stall Over Shipping Fees",
  "Unions Warn of Further Walkouts",
  "What the New Rules Mean for Exporters",
  "Budget Gap Widens… Ministers Seek Savings",
  "A Long Road to the Agreement",
  "Will the Compromise Hold?",
  "Markets React Calmly",
  "Regional Leaders Push Back",
];
