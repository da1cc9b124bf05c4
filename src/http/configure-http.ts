import type { INestApplication } from '@nestjs/common';

/**
 * HTTP concerns of the standalone server that a host app decides for itself
 * (CORS, host checks). Filled in by the hardening work; kept as one seam for main.ts and tests.
 */
export function configureHttp(app: INestApplication, _bindHost: string): void {
  void app;
}
