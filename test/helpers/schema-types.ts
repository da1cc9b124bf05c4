// Checks a JSON value against the OpenAPI document's declared types: `integer` must hold an integer,
// `number` any number, nullable only where declared. Enough of OpenAPI 3.0 for the engine's DTOs
// ($ref, allOf, oneOf with a discriminator, arrays, objects, enums).

type Schema = Record<string, any>;

export function schemaProblems(document: Schema, schema: Schema, value: unknown, at = '$'): string[] {
  const resolve = (s: Schema): Schema => (s.$ref ? resolve(document.components.schemas[String(s.$ref).split('/').pop()!]) : s);
  const s = resolve(schema);
  if (value === null) return s.nullable ? [] : [`${at}: null where ${s.type ?? 'a value'} is declared not nullable`];
  if (s.allOf) return s.allOf.flatMap((part: Schema) => schemaProblems(document, part, value, at));
  if (s.oneOf) {
    const key = s.discriminator?.propertyName;
    const ref = key && s.discriminator.mapping?.[(value as Record<string, unknown>)[key] as string];
    if (!ref) return [`${at}: no oneOf branch for ${JSON.stringify(value).slice(0, 80)}`];
    return schemaProblems(document, { $ref: ref }, value, at);
  }
  if (s.enum && !s.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(s.enum)}`];
  switch (s.type) {
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at}: ${JSON.stringify(value)} is not an integer`];
    case 'number':
      return typeof value === 'number' ? [] : [`${at}: ${JSON.stringify(value)} is not a number`];
    case 'string':
      return typeof value === 'string' ? [] : [`${at}: ${JSON.stringify(value)} is not a string`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: ${JSON.stringify(value)} is not a boolean`];
    case 'array':
      if (!Array.isArray(value)) return [`${at}: not an array`];
      return value.flatMap((item, index) => schemaProblems(document, s.items ?? {}, item, `${at}[${index}]`));
  }
  if (s.properties) {
    if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
    const record = value as Record<string, unknown>;
    const missing = (s.required ?? []).filter((key: string) => !(key in record)).map((key: string) => `${at}.${key}: missing`);
    const undeclared = Object.keys(record)
      .filter((key) => !(key in s.properties))
      .map((key) => `${at}.${key}: not in the schema`);
    const nested = Object.entries(record).flatMap(([key, child]) =>
      key in s.properties ? schemaProblems(document, s.properties[key], child, `${at}.${key}`) : [],
    );
    return [...missing, ...undeclared, ...nested];
  }
  return [];
}
