import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import type { SentraCoreOptions } from './config/sentra-core-options.js';
import { LiveSocketsModule } from './live/live-sockets.module.js';
import { SentraCoreModule } from './sentra-core.module.js';

/** The standalone host: the engine with the options main.ts resolved from the environment, and the scheduler. */
@Module({})
export class AppModule {
  static forRoot(options: SentraCoreOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ScheduleModule.forRoot(),
        SentraCoreModule.forRoot(options),
        // Opt-in for hosts; main.ts installs the ws adapter it needs.
        LiveSocketsModule,
      ],
    };
  }
}
