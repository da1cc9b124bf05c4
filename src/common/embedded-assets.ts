// The files a single executable carries inside itself (docs/executable.md): the console, the Swagger UI
// assets and package.json, which `npm start` reads from disk. `node:sea` is looked up at run time, not
// imported, so that every other way of loading this file (tsc's dist/, the bundle, jest) never needs it.

type SeaModule = typeof import('node:sea');

function seaModule(): SeaModule | undefined {
  try {
    const sea = process.getBuiltinModule('node:sea') as SeaModule | undefined;
    return sea?.isSea() ? sea : undefined;
  } catch {
    return undefined;
  }
}

const SEA = seaModule();

/** True inside the single executable built by `npm run package`. */
export const RUNNING_AS_EXECUTABLE = SEA !== undefined;

/**
 * An embedded file by its key (a path with `/` separators, as scripts/package.mjs names them), or
 * undefined outside the executable or for a key it does not carry. The bytes are not copied.
 */
export function embeddedAsset(key: string): Buffer | undefined {
  if (!SEA) return undefined;
  try {
    return Buffer.from(SEA.getRawAsset(key) as ArrayBuffer);
  } catch {
    return undefined; // getRawAsset throws for a key that was not embedded
  }
}
