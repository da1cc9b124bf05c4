import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { embeddedAsset, RUNNING_AS_EXECUTABLE } from './embedded-assets.js';

/**
 * The package root: two levels above this file in src/, dist/ and the bundle (dist/bundle/); in the
 * single executable, the executable's own folder (engine-config.json and a portable datastore/ sit there).
 */
export const PACKAGE_ROOT = RUNNING_AS_EXECUTABLE ? dirname(process.execPath) : join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// Read once at load: the package version is served by /status, /metrics and the OpenAPI document.
const packageJson = embeddedAsset('package.json')?.toString('utf8') ?? readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8');
export const ENGINE_VERSION: string = (JSON.parse(packageJson) as { version: string }).version;
