// Crash-test child (test/atomic-json.crash.e2e-spec.ts): rewrites one JSON file with the compiled
// AtomicJson forever, alternating two contents, until the test SIGKILLs it.
// Usage: node atomic-rewriter.mjs <dist dir> <target file> <content A file> <content B file>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [distDir, target, fileA, fileB] = process.argv.slice(2);
const load = (relative) => import(pathToFileURL(join(distDir, relative)).href);
const { AtomicJson } = await load('storage/atomic-json.js');
const { nodeFs } = await load('storage/fs.port.js');
const { StorageHealth } = await load('storage/storage-health.js');

const contents = [JSON.parse(readFileSync(fileB, 'utf8')), JSON.parse(readFileSync(fileA, 'utf8'))];
const json = new AtomicJson(nodeFs, new StorageHealth());
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  await json.write(target, contents[i % 2]);
  if (i === 0) process.stdout.write('wrote\n');
}
