import { join } from 'node:path';
import { REPO_ROOT } from './child-process.js';

// Files written by the earlier engine, kept byte-identical in the repository (test/fixtures/README.md).
export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
export const REFERENCE_DATASTORE = join(FIXTURES, 'reference-datastore');
export const REFERENCE_RESPONSES = join(FIXTURES, 'reference-responses');
export const PARITY_FIXTURES = join(FIXTURES, 'parity');
/** Writes a synthetic 30-day history archive; also used by the benches. */
export const ARCHIVE_SCRIPT = join(REPO_ROOT, 'bench', 'make-history-archive.mjs');
