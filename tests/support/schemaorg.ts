/**
 * The schema.org vocabulary (release 30.0, committed under tests/fixtures) as a checker: does a type exist,
 * and may a property be used on it (its domainIncludes covers the type or one of its supertypes)?
 */
import { readFileSync } from 'node:fs';

type Node = {
  '@id': string;
  '@type': string | string[];
  'rdfs:subClassOf'?: Ref | Ref[];
  'schema:domainIncludes'?: Ref | Ref[];
};
type Ref = { '@id': string };

const vocab = JSON.parse(readFileSync('tests/fixtures/schemaorg/schemaorg-all-https-30.0.jsonld', 'utf8')) as {
  '@graph': Node[];
};
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const name = (id: string) => id.replace(/^schema:/, '');
const isA = (n: Node, t: string) => list(n['@type']).includes(t);

const classes = new Map<string, string[]>();
const properties = new Map<string, string[]>();
for (const n of vocab['@graph']) {
  if (isA(n, 'rdfs:Class'))
    classes.set(
      name(n['@id']),
      list(n['rdfs:subClassOf']).map((r) => name(r['@id'])),
    );
  if (isA(n, 'rdf:Property'))
    properties.set(
      name(n['@id']),
      list(n['schema:domainIncludes']).map((r) => name(r['@id'])),
    );
}

export function typeExists(type: string): boolean {
  return classes.has(type);
}

function ancestors(type: string, seen = new Set<string>()): Set<string> {
  if (seen.has(type)) return seen;
  seen.add(type);
  for (const parent of classes.get(type) ?? []) ancestors(parent, seen);
  return seen;
}

export function propertyAllowed(type: string, property: string): boolean {
  const domains = properties.get(property);
  if (!domains) return false;
  const lineage = ancestors(type);
  return domains.some((d) => lineage.has(d));
}

/** Every problem in a JSON-LD value: unknown types and properties used outside their domain, with a path. */
export function schemaProblems(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => schemaProblems(v, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const obj = value as Record<string, unknown>;
  const type = obj['@type'];
  const problems: string[] = [];
  if (typeof type === 'string' && !typeExists(type)) problems.push(`${path}: unknown type ${type}`);
  for (const [key, v] of Object.entries(obj)) {
    if (key.startsWith('@')) {
      if (key === '@graph') problems.push(...schemaProblems(v, `${path}.@graph`));
      continue;
    }
    if (typeof type === 'string' && !propertyAllowed(type, key))
      problems.push(`${path}: ${type} has no property ${key}`);
    problems.push(...schemaProblems(v, `${path}.${key}`));
  }
  return problems;
}
