import { Module } from '@nestjs/common';
import { HardwareController } from './hardware.controller.js';
import { HardwareHealthService } from './hardware-health.service.js';
import { DEFAULT_HARDWARE_OPTIONS, HARDWARE_OPTIONS, type HardwareOptions } from './hardware.options.js';
import { HARDWARE_HOST, type HardwareHost } from './host/hardware-host.js';
import { NodeHardwareHost } from './host/node-hardware-host.js';
import { createPlatformProbe, PLATFORM_PROBE } from './probes/probe-factory.js';

/**
 * GET /hardware/health and /hardware/test. Probes run only when a client asks, always on the real
 * machine; tests override HARDWARE_HOST (a fake machine) or PLATFORM_PROBE, and HARDWARE_OPTIONS.
 */
@Module({
  controllers: [HardwareController],
  providers: [
    { provide: HARDWARE_OPTIONS, useValue: DEFAULT_HARDWARE_OPTIONS },
    { provide: HARDWARE_HOST, useFactory: (): HardwareHost => new NodeHardwareHost() },
    {
      provide: PLATFORM_PROBE,
      inject: [HARDWARE_HOST, HARDWARE_OPTIONS],
      useFactory: (host: HardwareHost, options: HardwareOptions) => createPlatformProbe(host, options),
    },
    HardwareHealthService,
  ],
  exports: [HardwareHealthService],
})
export class HardwareModule {}
