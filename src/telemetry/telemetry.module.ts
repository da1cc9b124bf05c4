// TelemetryModule (SPEC §1): provides the TelemetrySource the engine samples every cycle.
import { Module } from '@nestjs/common';
import { SENTRACORE_OPTIONS, type SentraCoreOptions } from '../config/sentra-core-options.js';
import { demoScript, ScriptedTelemetrySource } from './scripted.source.js';
import { SystemTelemetrySource } from './system.source.js';
import { TELEMETRY_SOURCE, type TelemetrySource } from './telemetry-source.js';

/** `system` reads this machine; `scripted` replays the built-in demo (no host access at all). */
export function telemetrySourceFactory(options: SentraCoreOptions): TelemetrySource {
  return options.telemetry.source === 'scripted' ? new ScriptedTelemetrySource(demoScript) : new SystemTelemetrySource();
}

@Module({
  // SENTRACORE_OPTIONS comes from the global config module; tests swap the source with
  // `.overrideProvider(TELEMETRY_SOURCE).useValue(new ScriptedTelemetrySource(script))`.
  providers: [{ provide: TELEMETRY_SOURCE, inject: [SENTRACORE_OPTIONS], useFactory: telemetrySourceFactory }],
  exports: [TELEMETRY_SOURCE],
})
export class TelemetryModule {}
