import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../storage/datastore-root.js';

// Read once at load: the package version is served by /status, /metrics and the OpenAPI document.
export const ENGINE_VERSION: string = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
