import { extractEntities } from "./scripts/pipeline/normalize/entities.ts";
const t = process.argv.slice(2).join(" ");
const r = extractEntities([{ id: "s1", text: t }]);
console.log(JSON.stringify({ people: r.people.map((p) => [p.name, p.role, p.aliases]), orgs: r.organizations.map((o) => [o.name, o.aliases]), places: r.places.map((p) => [p.name, p.aliases]) }));
