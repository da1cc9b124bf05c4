import { describe, expect, it, jest } from '@jest/globals';
import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { SENTRACORE_OPTIONS, type SentraCoreOptions } from '../config/sentra-core-options.js';
import { ScriptedTelemetrySource } from './scripted.source.js';
import { SystemTelemetrySource } from './system.source.js';
import { TELEMETRY_SOURCE, type TelemetrySource } from './telemetry-source.js';
import { TelemetryModule } from './telemetry.module.js';

/** Stands in for the global config module, which owns SENTRACORE_OPTIONS. */
function optionsModule(source: SentraCoreOptions['telemetry']['source']): unknown {
  @Global()
  @Module({ providers: [{ provide: SENTRACORE_OPTIONS, useValue: { telemetry: { source } } }], exports: [SENTRACORE_OPTIONS] })
  class OptionsModule {}
  return OptionsModule;
}

async function resolveSource(source: SentraCoreOptions['telemetry']['source'], override?: TelemetrySource): Promise<TelemetrySource> {
  const builder = Test.createTestingModule({ imports: [optionsModule(source) as never, TelemetryModule] });
  if (override) builder.overrideProvider(TELEMETRY_SOURCE).useValue(override);
  const moduleRef = await builder.compile();
  return moduleRef.get<TelemetrySource>(TELEMETRY_SOURCE);
}

describe('TelemetryModule', () => {
  it('provides the system source by default', async () => {
    expect(await resolveSource('system')).toBeInstanceOf(SystemTelemetrySource);
  });

  it('provides the demo script when options ask for `scripted`', async () => {
    const source = await resolveSource('scripted');
    expect(source).toBeInstanceOf(ScriptedTelemetrySource);
    const snapshot = await source.sample({ timestamp: 5, withProcesses: true });
    expect(snapshot.cpu.percent).toBe(32.5); // the demo's sine wave starts at its midpoint
  });

  it('closes the system source when the app closes', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [optionsModule('system') as never, TelemetryModule] }).compile();
    const source = moduleRef.get<SystemTelemetrySource>(TELEMETRY_SOURCE);
    const shutdown = jest.spyOn(source, 'onApplicationShutdown');
    await moduleRef.close();
    expect(shutdown).toHaveBeenCalledTimes(1);
  });

  it('lets tests replace the source', async () => {
    const scripted = new ScriptedTelemetrySource([{ cpu: { percent: 99 } }]);
    expect(await resolveSource('system', scripted)).toBe(scripted);
  });
});
