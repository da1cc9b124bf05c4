import type { HardwareHost } from '../host/hardware-host.js';

/** A file's trimmed text, or undefined when missing or empty. */
export async function readTrimmed(host: HardwareHost, path: string): Promise<string | undefined> {
  const text = (await host.readText(path))?.trim();
  return text ? text : undefined;
}

/** A file holding one number (sysfs style), or undefined. */
export async function readNumber(host: HardwareHost, path: string): Promise<number | undefined> {
  const text = await readTrimmed(host, path);
  const value = text === undefined ? NaN : Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Entries of `dir` matching `pattern`, in natural order (cpu2 before cpu10). */
export async function listMatching(host: HardwareHost, dir: string, pattern: RegExp): Promise<string[]> {
  const names = (await host.listDir(dir)).filter((name) => pattern.test(name));
  return names.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** `items` mapped one after another: sysfs reads stay off most of libuv's thread pool, which the engine's own sampling uses. */
export async function mapInOrder<T, R>(items: readonly T[], map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await map(item));
  return results;
}
