import { Module } from '@nestjs/common';
import { ConfigModule, type ConfigType } from '@nestjs/config';
import { ScheduleModule } from '@nestjs/schedule';
import { sentracoreEnv, serverEnv } from './config/env.js';
import { LiveSocketsModule } from './live/live-sockets.module.js';
import { SentraCoreModule } from './sentra-core.module.js';

/** The standalone host: the engine configured from the environment, with the scheduler. */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [sentracoreEnv, serverEnv] }),
    ScheduleModule.forRoot(),
    SentraCoreModule.forRootAsync({
      inject: [sentracoreEnv.KEY],
      useFactory: (env: ConfigType<typeof sentracoreEnv>) => env,
    }),
    // Opt-in for hosts; main.ts installs the ws adapter it needs.
    LiveSocketsModule,
  ],
})
export class AppModule {}
