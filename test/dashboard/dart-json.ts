// JSON as the dashboard's Dart code sees it: `jsonDecode` turns a number written without `.`, `e` or
// `E` into an `int` and any other into a `double`, and on the native VM an int is not a double
// (dart-lang/sdk#42622). JSON.parse forgets how a number was written, so this parser keeps it.

/** A decoded JSON number and whether Dart reads it as a double. */
export class DartNumber {
  constructor(
    readonly value: number,
    readonly isDouble: boolean,
  ) {}

  toString(): string {
    return `${this.isDouble ? 'double' : 'int'} ${this.value}`;
  }
}

export type DartMap = { [key: string]: DartValue };
export type DartValue = null | boolean | string | DartNumber | DartValue[] | DartMap;

export const isDartMap = (value: DartValue | undefined): value is DartMap =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof DartNumber);

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
// A JSON string token; JSON.parse then unescapes it (and rejects raw control characters in it).
const STRING = /"(?:[^"\\]|\\.)*"/y;
const WHITESPACE = /[ \t\n\r]*/y;

/** `jsonDecode`, keeping each number's int/double form; throws on text that is not JSON. */
export function dartDecode(text: string): DartValue {
  let pos = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at offset ${pos}: ${JSON.stringify(text.slice(pos, pos + 20))}`);
  };
  const skip = () => {
    WHITESPACE.lastIndex = pos;
    WHITESPACE.exec(text);
    pos = WHITESPACE.lastIndex;
  };
  const token = (pattern: RegExp): RegExpExecArray | null => {
    pattern.lastIndex = pos;
    const match = pattern.exec(text);
    if (match) pos = pattern.lastIndex;
    return match;
  };
  const close = <T>(container: T): T => {
    pos++;
    return container;
  };
  const value = (): DartValue => {
    skip();
    const c = text[pos];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return JSON.parse(token(STRING)?.[0] ?? fail('bad string')) as string;
    for (const [word, result] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return result;
      }
    }
    const number = token(NUMBER) ?? fail('unexpected character');
    return new DartNumber(Number(number[0]), number[1] !== undefined || number[2] !== undefined);
  };
  const array = (): DartValue[] => {
    pos++;
    const items: DartValue[] = [];
    skip();
    if (text[pos] === ']') return close(items);
    for (;;) {
      items.push(value());
      skip();
      if (text[pos] === ']') return close(items);
      if (text[pos++] !== ',') fail('expected , or ]');
    }
  };
  const object = (): DartMap => {
    pos++;
    const map: DartMap = Object.create(null) as DartMap;
    skip();
    if (text[pos] === '}') return close(map);
    for (;;) {
      skip();
      const key = JSON.parse(token(STRING)?.[0] ?? fail('expected a key')) as string;
      skip();
      if (text[pos++] !== ':') fail('expected :');
      map[key] = value();
      skip();
      if (text[pos] === '}') return close(map);
      if (text[pos++] !== ',') fail('expected , or }');
    }
  };
  const result = value();
  skip();
  if (pos !== text.length) fail('trailing text');
  return result;
}

/** A short description of a decoded value for failure messages. */
export function describeDart(value: DartValue | undefined): string {
  if (value === undefined) return 'nothing (the key is missing)';
  if (value === null) return 'null';
  if (value instanceof DartNumber) return String(value);
  if (Array.isArray(value)) return `a List of ${value.length}`;
  if (typeof value === 'object') return 'a Map';
  return `${typeof value === 'string' ? 'String' : 'bool'} ${JSON.stringify(value)}`;
}
