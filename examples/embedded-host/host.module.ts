import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
// In a real host: `from 'sentracore-engine'`.
import { LiveSocketsModule, SentraCoreModule, type SentraCoreModuleOptions } from '../../src/index.js';
import { HostController } from './host.controller.js';

/** What this host decides for the engine: where its data lives and how often it samples. */
export interface HostSettings {
  dataDir: string;
  collectionIntervalSec: number;
  historySampleIntervalSec: number;
  checkpointIntervalSec: number;
  /** Optional: the host's own cleanup category table and home (docs/cleanup.md). */
  cleanup?: SentraCoreModuleOptions['cleanup'];
}

/** A host application with its own controller that embeds the whole engine. */
@Module({})
export class HostModule {
  static register(settings: HostSettings): DynamicModule {
    return {
      module: HostModule,
      imports: [
        // The one thing the engine needs from its host: the scheduler, registered once.
        ScheduleModule.forRoot(),
        SentraCoreModule.forRoot({
          dataDir: settings.dataDir,
          sampling: { enabled: true, collectionIntervalSec: settings.collectionIntervalSec },
          history: { sampleIntervalSec: settings.historySampleIntervalSec, retentionDays: 7 },
          checkpoint: { intervalSec: settings.checkpointIntervalSec },
          cleanup: settings.cleanup,
        }),
        // Optional: /ws/live and /ws/alerts. Needs the ws adapter (see bootstrap.ts).
        LiveSocketsModule,
      ],
      controllers: [HostController],
    };
  }
}
