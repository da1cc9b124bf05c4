import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every e2e test file runs with a sandboxed home and an empty cleanup category table, so no engine a
// test starts (in this process, or a child that inherits this environment) ever sees the built-in
// table against this machine's folders, nor walks the real home with the large-file finder.
// Jest hands each test file its own copy of process.env: child processes spawned with it (engineEnv,
// plainEnv) inherit these values; in-process engines get them through test/helpers/cleanup-sandbox.ts.
// Tests that exercise cleanup write their own table into their own temp root (test/helpers/cleanup-sandbox.ts).
const sandbox = mkdtempSync(join(tmpdir(), 'sentracore-sandbox-'));
const home = join(sandbox, 'home');
mkdirSync(home);
const table = join(sandbox, 'no-categories.json');
writeFileSync(table, '[]\n');

process.env.SENTRACORE_TEST_REAL_HOME ??= process.env.HOME ?? '';
process.env.HOME = home;
process.env.USERPROFILE = home;
process.env.XDG_DATA_HOME = join(home, '.local', 'share');
process.env.SENTRACORE_CLEANUP_CATEGORIES_FILE = table;
delete process.env.SENTRACORE_LARGE_FILES_ROOTS;

process.once('exit', () => rmSync(sandbox, { recursive: true, force: true }));
