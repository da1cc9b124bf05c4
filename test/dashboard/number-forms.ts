import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/child-process.js';
import { DartNumber, describeDart, isDartMap, type DartValue } from './dart-json.js';
import { dartGet } from './dashboard-client.js';

// The second check of SPEC §4 "Number types": every number in an answer, a frame or a file is in the
// form the OpenAPI document declares for it: `type: number` a float (`0.0`, `1e-05`), `type: integer`
// an integer. Reusable: checkGetRoutes walks every GET route of the committed document, so routes
// other modules add are covered as soon as they are documented.

export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  nullable?: boolean;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: boolean | Schema;
}
interface Parameter {
  in: string;
  name: string;
  required?: boolean;
}
interface Operation {
  parameters?: Parameter[];
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
export interface OpenApiDocument {
  components: { schemas: Record<string, Schema> };
  paths: Record<string, Record<string, Operation>>;
}

export const openApiDocument = (): OpenApiDocument => JSON.parse(readFileSync(join(REPO_ROOT, 'openapi', 'openapi.json'), 'utf8')) as OpenApiDocument;

/** A component schema by name (e.g. `StatusDto` for a /ws/live frame). */
export const component = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

/**
 * Every number whose form differs from what the schema declares, one line each. `strict` also
 * reports keys the schema does not declare (for auditing the document against a reference answer).
 */
export function numberFormProblems(doc: OpenApiDocument, schema: Schema, value: DartValue, at = '$', strict = false): string[] {
  if (schema.$ref) return numberFormProblems(doc, doc.components.schemas[schema.$ref.split('/').pop()!], value, at, strict);
  const problems = (schema.allOf ?? []).flatMap((part) => numberFormProblems(doc, part, value, at, strict));
  if (value === null) return problems;
  if (schema.type === 'number' || schema.type === 'integer') {
    const double = schema.type === 'number';
    if (!(value instanceof DartNumber) || value.isDouble !== double) {
      problems.push(`${at}: the document says ${double ? 'number (a float: 0.0)' : 'integer'}, the engine sent ${describeDart(value)}`);
    }
    return problems;
  }
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => problems.push(...numberFormProblems(doc, schema.items!, item, `${at}[${i}]`, strict)));
  if (isDartMap(value)) {
    for (const [key, child] of Object.entries(value)) {
      const declared = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      if (declared) problems.push(...numberFormProblems(doc, declared, child, `${at}.${key}`, strict));
      else if (strict && schema.properties) problems.push(`${at}.${key}: not in the document`);
    }
  }
  return problems;
}

/** The JSON 200 schema of an operation, if it documents one. */
export function responseSchemaOf(doc: OpenApiDocument, method: string, path: string): Schema | undefined {
  return doc.paths[path]?.[method]?.responses?.['200']?.content?.['application/json']?.schema;
}

/** The GET routes a client can call with no arguments (no path parameter, no required query parameter). */
export function plainGetRoutes(doc: OpenApiDocument): string[] {
  return Object.entries(doc.paths)
    .filter(([path, item]) => item.get && !path.includes('{') && responseSchemaOf(doc, 'get', path))
    .filter(([, item]) => !(item.get!.parameters ?? []).some((p) => p.required))
    .map(([path]) => path);
}

/** GETs every plain route of the document and checks each answer's numbers; problems prefixed with the route. */
export async function checkGetRoutes(baseUrl: string, doc: OpenApiDocument): Promise<{ routes: string[]; problems: string[] }> {
  const routes = plainGetRoutes(doc);
  const problems: string[] = [];
  for (const path of routes) {
    const reply = await dartGet(baseUrl, path);
    if (reply.status !== 200 || reply.json === undefined) problems.push(`GET ${path}: HTTP ${reply.status}, ${reply.text.slice(0, 120)}`);
    else problems.push(...numberFormProblems(doc, responseSchemaOf(doc, 'get', path)!, reply.json).map((p) => `GET ${path} ${p}`));
  }
  return { routes, problems };
}
