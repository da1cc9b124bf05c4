import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { embeddedAsset } from '../common/embedded-assets.js';
import { assetFile } from './console-files.js';

/** One console file as served: its size and its bytes (a disk stream, or the embedded buffer). */
export interface ServedFile {
  size: number;
  contentType: string;
  body(): Readable | Buffer;
}

/** Where the built console comes from: a folder on disk, or the single executable's embedded copy. */
export interface ConsoleSource {
  /** Named in the 404 when the page is missing. */
  where: string;
  index(): Promise<string | null>;
  asset(name: string): Promise<ServedFile | null>;
}

/** The folder `npm run build` writes; each file is read or streamed from disk when asked for. */
export function diskConsole(root: string): ConsoleSource {
  return {
    where: root,
    index: () => readFile(join(root, 'index.html'), 'utf8').catch(() => null),
    async asset(name) {
      const file = assetFile(root, name);
      const size =
        file &&
        (await stat(file.path).then(
          (s) => (s.isFile() ? s.size : null),
          () => null,
        ));
      if (!file || size === null) return null;
      return { size, contentType: file.contentType, body: () => createReadStream(file.path) };
    },
  };
}

/** Key prefix of the console inside the executable (scripts/package.mjs embeds dist/console-ui there). */
export const EMBEDDED_CONSOLE = 'console-ui';

/** The console embedded in the single executable, or null outside it (or when it was built without one). */
export function embeddedConsole(): ConsoleSource | null {
  const page = embeddedAsset(`${EMBEDDED_CONSOLE}/index.html`);
  if (!page) return null;
  const html = page.toString('utf8');
  return {
    where: 'the executable',
    index: () => Promise.resolve(html),
    asset(name) {
      // The same name check as on disk; the key always uses `/`, whatever the platform's separator.
      const file = assetFile(EMBEDDED_CONSOLE, name);
      const bytes = file ? embeddedAsset(`${EMBEDDED_CONSOLE}/assets/${name}`) : undefined;
      return Promise.resolve(file && bytes ? { size: bytes.length, contentType: file.contentType, body: () => bytes } : null);
    },
  };
}
