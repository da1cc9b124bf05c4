import { Module } from '@nestjs/common';
import { StorageModule } from '../storage/storage.module.js';
import { RuntimeStateService } from './runtime-state.service.js';

@Module({
  imports: [StorageModule],
  providers: [RuntimeStateService],
  exports: [RuntimeStateService],
})
export class RuntimeStateModule {}
