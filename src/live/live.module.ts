import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { StatusStreamController } from './status-stream.controller.js';

/** The live status over plain HTTP (Server-Sent Events): needs nothing from the host app. */
@Module({
  imports: [EngineModule],
  controllers: [StatusStreamController],
})
export class LiveModule {}
