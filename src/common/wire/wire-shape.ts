import 'reflect-metadata';
import { DECORATORS } from '@nestjs/swagger';

/**
 * How the wire serializer writes a value, read from the same @ApiProperty metadata the OpenAPI
 * document is generated from: `float` is `type: number` (always `0.0`, `85.0`, `1e-05`), `int` is
 * `type: integer`, `any` is everything else (strings, booleans, free-form objects: as JSON.stringify).
 */
export type WireShape = WireLeaf | WireObject | WireArray | WireMap;
export type WireLeaf = { readonly kind: 'float' } | { readonly kind: 'int' } | { readonly kind: 'any' };
export interface WireObject {
  readonly kind: 'object';
  /** Declared fields; a key the DTO does not declare is written as `any`. */
  readonly fields: ReadonlyMap<string, WireShape>;
}
export interface WireArray {
  readonly kind: 'array';
  readonly items: WireShape;
}
/** An object with free keys and one value shape (`additionalProperties`). */
export interface WireMap {
  readonly kind: 'map';
  readonly values: WireShape;
}

export const FLOAT: WireShape = Object.freeze({ kind: 'float' });
export const INT: WireShape = Object.freeze({ kind: 'int' });
export const ANY: WireShape = Object.freeze({ kind: 'any' });

// The subset of @ApiProperty options (and of the schema objects they may nest) that decide a shape.
interface PropertyMeta {
  type?: unknown;
  isArray?: boolean;
  items?: PropertyMeta;
  additionalProperties?: boolean | PropertyMeta;
  $ref?: string;
}

type Constructor = abstract new (...args: never[]) => unknown;
const shapes = new WeakMap<Constructor, WireObject>();
const BUILT_IN = new Set<unknown>([String, Boolean, Object, Array, Date]);

/** The shape of a DTO class; built once per class from its @ApiProperty metadata. */
export function wireShapeOf(dto: Constructor): WireObject {
  const known = shapes.get(dto);
  if (known) return known;
  const fields = new Map<string, WireShape>();
  const shape: WireObject = { kind: 'object', fields };
  shapes.set(dto, shape); // before the fields: a DTO that refers to itself ends here
  const keys = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, dto.prototype) ?? []) as string[];
  for (const key of keys.filter((k) => k.startsWith(':')).map((k) => k.slice(1))) {
    const meta = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype, key) as PropertyMeta | undefined;
    fields.set(key, meta ? propertyShape(meta, `${dto.name}.${key}`) : ANY);
  }
  return shape;
}

/** Whether a class carries @ApiProperty metadata (a DTO the document describes). */
export function isDtoClass(type: unknown): type is Constructor {
  return typeof type === 'function' && type.prototype !== undefined && Reflect.hasMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, type.prototype);
}

function propertyShape(meta: PropertyMeta, where: string): WireShape {
  const item = typeShape(meta, where);
  return meta.isArray ? { kind: 'array', items: item } : item;
}

function typeShape(meta: PropertyMeta, where: string): WireShape {
  const { type } = meta;
  if (type === 'integer') return INT;
  if (type === 'number') return FLOAT;
  if (type === Number) throw new Error(`${where}: declare the number as an integer or a double (ApiInteger / ApiDouble), not as Number`);
  if (meta.$ref !== undefined) throw new Error(`${where}: a $ref cannot be resolved without the document; use type: () => TheDto`);
  if (type === 'array') return { kind: 'array', items: meta.items ? typeShape(meta.items, `${where}[]`) : ANY };
  if (type === 'object' && typeof meta.additionalProperties === 'object') {
    return { kind: 'map', values: typeShape(meta.additionalProperties, `${where}{}`) };
  }
  if (typeof type !== 'function' || BUILT_IN.has(type)) return ANY;
  // `type: () => SomeDto` (a lazy reference) has no prototype; a class does.
  if (type.prototype === undefined) return typeShape({ ...meta, type: (type as () => unknown)() }, where);
  return isDtoClass(type) ? wireShapeOf(type) : ANY;
}
