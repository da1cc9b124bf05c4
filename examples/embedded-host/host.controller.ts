import { Controller, Get } from '@nestjs/common';
import { EngineService } from '../../src/index.js';

/** The host's own route, next to the engine's: it reads the engine through its exported service. */
@Controller('host')
export class HostController {
  constructor(private readonly engine: EngineService) {}

  @Get('hello')
  hello(): { app: string; engine_version: string; engine_cycles: number; stress_level: string | null } {
    const status = this.engine.status();
    return {
      app: 'embedded-host',
      engine_version: status.engine.version,
      engine_cycles: status.engine.uptime_samples,
      stress_level: status.stress?.level ?? null,
    };
  }
}
