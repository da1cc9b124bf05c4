import type { HardwareHost } from '../host/hardware-host.js';
import type { HardwareOptions } from '../hardware.options.js';
import { DarwinProbe } from './darwin.probe.js';
import { LinuxProbe } from './linux.probe.js';
import type { PlatformProbe } from './platform-probe.js';
import { PortableProbe } from './portable.probe.js';
import { WindowsProbe } from './windows.probe.js';

export const PLATFORM_PROBE = Symbol('PLATFORM_PROBE');

/** The probe for the host's platform. */
export function createPlatformProbe(host: HardwareHost, options: HardwareOptions): PlatformProbe {
  switch (host.platform) {
    case 'linux':
      return new LinuxProbe(host, options);
    case 'darwin':
      return new DarwinProbe(host, options);
    case 'win32':
      return new WindowsProbe(host, options);
    default:
      return new PortableProbe(host);
  }
}
