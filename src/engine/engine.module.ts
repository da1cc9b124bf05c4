import { Module } from '@nestjs/common';
import { StorageModule } from '../storage/storage.module.js';
import { HealthController } from './health.controller.js';
import { LiveClients } from './live-clients.js';
import { StorageController } from './storage.controller.js';

@Module({
  imports: [StorageModule],
  controllers: [HealthController, StorageController],
  providers: [LiveClients],
  exports: [LiveClients],
})
export class EngineModule {}
