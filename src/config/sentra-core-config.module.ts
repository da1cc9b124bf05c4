import { Global, Module } from '@nestjs/common';
import { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN } from './config.module-definition.js';
import { resolveOptions } from './resolve-options.js';
import { CLOCK, systemClock } from '../common/clock.js';
import { ClockWatch } from '../common/clock-watch.js';
import { SENTRACORE_OPTIONS } from './sentra-core-options.js';

/** SPEC's ConfigModule: global, exporting only the resolved options, the clock (Symbol tokens) and the clock's watch. */
@Global()
@Module({
  providers: [
    { provide: SENTRACORE_OPTIONS, inject: [MODULE_OPTIONS_TOKEN], useFactory: resolveOptions },
    { provide: CLOCK, useValue: systemClock },
    ClockWatch,
  ],
  exports: [SENTRACORE_OPTIONS, CLOCK, ClockWatch],
})
export class SentraCoreConfigModule extends ConfigurableModuleClass {}
