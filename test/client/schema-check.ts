// Checks a JSON value against a schema of an OpenAPI 3.0 document (the subset @nestjs/swagger emits:
// $ref, allOf, nullable, type, enum, properties/required, items, additionalProperties). Returns one
// line per mismatch, so a test can show every place where the spec and the server disagree.

type Schema = {
  $ref?: string;
  allOf?: Schema[];
  nullable?: boolean;
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
};
export type OpenApiDocument = { components: { schemas: Record<string, Schema> }; paths: Record<string, Record<string, any>> };

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

export function mismatches(doc: OpenApiDocument, schema: Schema, value: unknown, at = '$'): string[] {
  if (schema.$ref) return mismatches(doc, doc.components.schemas[schema.$ref.split('/').pop()!], value, at);
  if (value === null) return schema.nullable ? [] : [`${at}: null, but not nullable`];
  const problems = (schema.allOf ?? []).flatMap((part) => mismatches(doc, part, value, at));
  const actual = jsonType(value);
  if (schema.type && schema.type !== actual && !(schema.type === 'number' && actual === 'integer'))
    return [...problems, `${at}: ${actual}, spec says ${schema.type}`];
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => problems.push(...mismatches(doc, schema.items!, item, `${at}[${i}]`)));
  if (actual === 'object' && (schema.properties || schema.additionalProperties)) {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) problems.push(`${at}.${key}: missing, spec says required`);
    for (const [key, child] of Object.entries(record)) {
      const declared = schema.properties?.[key];
      if (declared) problems.push(...mismatches(doc, declared, child, `${at}.${key}`));
      else if (typeof schema.additionalProperties === 'object') problems.push(...mismatches(doc, schema.additionalProperties, child, `${at}.${key}`));
      else if (!schema.additionalProperties) problems.push(`${at}.${key}: sent by the server, missing from the spec`);
    }
  }
  return problems;
}

/** The 200 response schema of an operation. */
export function responseSchema(doc: OpenApiDocument, method: string, path: string): Schema {
  const schema = doc.paths[path]?.[method]?.responses?.['200']?.content?.['application/json']?.schema as Schema | undefined;
  if (!schema) throw new Error(`no application/json 200 response documented for ${method.toUpperCase()} ${path}`);
  return schema;
}
