import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { PreferencesModule } from '../preferences/preferences.module.js';
import { NodeProcessHost } from './host/node-process-host.js';
import { PROCESS_HOST, type ProcessHost } from './host/process-host.js';
import { ProcessActionsController } from './process-actions.controller.js';
import { ProcessControlService } from './process-control.service.js';
import { SafeguardService } from './safeguard.service.js';

/**
 * POST /processes/{pid}/action and the safeguard (docs/process-control.md). Tests override
 * PROCESS_HOST with a fake process table; e2e tests keep the real one and act on their own children.
 */
@Module({
  imports: [EngineModule, PreferencesModule],
  controllers: [ProcessActionsController],
  providers: [{ provide: PROCESS_HOST, useFactory: (): ProcessHost => new NodeProcessHost() }, ProcessControlService, SafeguardService],
  exports: [ProcessControlService],
})
export class ProcessesModule {}
