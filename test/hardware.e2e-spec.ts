import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ScheduleModule } from '@nestjs/schedule';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DEFAULT_HARDWARE_OPTIONS } from '../src/hardware/hardware.options.js';
import { NodeHardwareHost } from '../src/hardware/host/node-hardware-host.js';
import type { PlatformProbe } from '../src/hardware/probes/platform-probe.js';
import { createPlatformProbe, PLATFORM_PROBE } from '../src/hardware/probes/probe-factory.js';
import { createFastifyAdapter } from '../src/http/fastify-adapter.js';
import { buildOpenApiDocument } from '../src/openapi/swagger.js';
import { SentraCoreModule } from '../src/sentra-core.module.js';
import { dashboardProblems } from './helpers/hardware-dashboard.js';
import { schemaProblems } from './helpers/schema-types.js';
import { sandboxCleanup } from './helpers/cleanup-sandbox.js';

/** The real probe for this machine, counting how often each component is probed. */
function countingProbe(): { probe: PlatformProbe; runs: Record<string, number> } {
  const real = createPlatformProbe(new NodeHardwareHost(), DEFAULT_HARDWARE_OPTIONS);
  const runs: Record<string, number> = { cpu: 0, memory: 0, disks: 0 };
  const probe: PlatformProbe = {
    counters: () => real.counters(),
    cpu: (window) => (runs.cpu++, real.cpu(window)),
    memory: (window) => (runs.memory++, real.memory(window)),
    disks: () => (runs.disks++, real.disks()),
  };
  return { probe, runs };
}

// On this machine itself (a VM without sensors; smartctl installed by .ci/run): nothing faked but the counting.
describe('GET /api/v1/hardware/* on this machine', () => {
  let dir: string;
  let app: NestFastifyApplication;
  let runs: Record<string, number>;
  let document: Record<string, any>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sc-hardware-e2e-'));
    const counting = countingProbe();
    runs = counting.runs;
    const moduleRef = await Test.createTestingModule({
      imports: [
        ScheduleModule.forRoot(),
        SentraCoreModule.forRoot({
          cleanup: sandboxCleanup(),
          dataDir: join(dir, 'datastore'),
          sampling: { enabled: false },
          telemetry: { source: 'scripted' },
        }),
      ],
    })
      .overrideProvider(PLATFORM_PROBE)
      .useValue(counting.probe)
      .compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(), { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    document = buildOpenApiDocument(app) as unknown as Record<string, any>;
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string) => request(app.getHttpServer()).get(path);
  const healthSchema = () => document.paths['/api/v1/hardware/health'].get.responses['200'].content['application/json'].schema;

  it('10 concurrent refresh=true requests start one probe, and all get its answer', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => get('/api/v1/hardware/health?refresh=true')));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(runs).toEqual({ cpu: 1, memory: 1, disks: 1 });
    expect(new Set(answers.map((answer) => answer.body.ts)).size).toBe(1);
  });

  it('answers the shapes the Hardware screen reads, typed as the OpenAPI document declares', async () => {
    const { body } = await get('/api/v1/hardware/health').expect(200);
    expect(dashboardProblems(body)).toEqual([]);
    expect(schemaProblems(document, healthSchema(), body)).toEqual([]);
    expect(body.ok).toBe(true);
    expect(['healthy', 'unknown', 'warning', 'critical']).toContain(body.overall);
  });

  it('statuses are unknown, with a reason, where nothing can be read (no 500)', async () => {
    const { body } = await get('/api/v1/hardware/health').expect(200);
    const { cpu, disks } = body.components;
    if (cpu.metrics.max_temp_c === null) expect(cpu.metrics.sensors).toEqual([]);
    for (const disk of disks.items.filter((item: any) => item.kind === 'physical')) {
      expect(disk.smart.source).toBe('smartctl'); // the real smartctl path ran
      if (disk.status === 'unknown') expect(disk.issues.length).toBeGreaterThan(0);
      if (disk.smart.passed === null) expect(disk.status).toBe('unknown');
    }
    if (disks.items.some((item: any) => item.status === 'unknown')) expect(['unknown', 'warning', 'critical']).toContain(disks.status);
    expect(disks.items.filter((item: any) => item.kind === 'volume').length).toBeGreaterThan(0);
  });

  it('serves the cached measurement within 30 s without probing again', async () => {
    const before = { ...runs };
    const first = await get('/api/v1/hardware/health').expect(200);
    const second = await get('/api/v1/hardware/health?refresh=false').expect(200);
    expect(second.body.ts).toBe(first.body.ts);
    expect(runs).toEqual(before);
  });

  it('/test re-probes only its component, trimmed and in any case, and answers the same shape', async () => {
    const before = { ...runs };
    const cached = (await get('/api/v1/hardware/health').expect(200)).body;
    const { body } = await get('/api/v1/hardware/test?target=%20Memory%20').expect(200);
    expect(runs).toEqual({ ...before, memory: before.memory + 1 });
    expect(body.components.memory.measured_at).toBeGreaterThan(cached.components.memory.measured_at);
    expect(body.components.cpu.measured_at).toBe(cached.components.cpu.measured_at);
    expect(dashboardProblems(body)).toEqual([]);
    expect(schemaProblems(document, healthSchema(), body)).toEqual([]);
    await get('/api/v1/hardware/test?target=disk').expect(200);
    expect(runs.disks).toBe(before.disks + 1);
  });

  it('an unknown target is HTTP 422 {"ok":false,"error"}, as the earlier engine (the dashboard shows the text)', async () => {
    const { body } = await get('/api/v1/hardware/test?target=gpu').expect(422);
    expect(body).toEqual({ ok: false, error: "invalid hardware test target 'gpu'; use cpu, memory, or disk" });
    expect((await get('/api/v1/hardware/test?target=').expect(422)).body.ok).toBe(false);
  });

  it('malformed input is a 400 naming the field', async () => {
    expect((await get('/api/v1/hardware/test').expect(400)).body.message.join(' ')).toMatch(/target/);
    expect((await get('/api/v1/hardware/health?refresh=maybe').expect(400)).body.message.join(' ')).toMatch(/refresh/);
    await get('/api/v1/hardware/health?refresh=1').expect(200);
  });

  it('the type check used above catches a float in an integer field and an undeclared null', async () => {
    const { body } = await get('/api/v1/hardware/health').expect(200);
    const broken = structuredClone(body);
    broken.components.cpu.metrics.cores_logical = 2.5;
    broken.components.memory.metrics.total_bytes = null;
    expect(schemaProblems(document, healthSchema(), broken)).toEqual([
      '$.components.cpu.metrics.cores_logical: 2.5 is not an integer',
      '$.components.memory.metrics.total_bytes: null where integer is declared not nullable',
    ]);
  });

  it('documents both routes, every number as integer or number', () => {
    expect(document.paths['/api/v1/hardware/test'].get.responses['422']).toBeDefined();
    const schemas = document.components.schemas;
    const type = (name: string, field: string) => schemas[name].properties[field].type;
    expect([type('HardwareHealthDto', 'ts'), type('CpuMetricsDto', 'load_avg_pct'), type('CpuMetricsDto', 'cores_logical')]).toEqual([
      'number',
      'number',
      'integer',
    ]);
    expect([type('VolumeDto', 'free_percent'), type('VolumeDto', 'total_bytes'), type('MemoryMetricsDto', 'swap_in_bps')]).toEqual([
      'number',
      'integer',
      'number',
    ]);
    const hardware = ['Cpu', 'Memory', 'Disks', 'Volume', 'PhysicalDisk', 'Smart', 'TemperatureSensor', 'MemoryModule', 'Hardware'];
    for (const [name, schema] of Object.entries<any>(schemas).filter(([name]) => hardware.some((prefix) => name.startsWith(prefix))))
      for (const [field, property] of Object.entries<any>(schema.properties ?? {}))
        if (property.type === undefined && !property.$ref && !property.allOf && !property.enum) throw new Error(`${name}.${field} has no declared type`);
  });
});
