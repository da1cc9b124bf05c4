import type { WinstonModuleOptions } from 'nest-winston';
import { utilities } from 'nest-winston';
import { format, transports } from 'winston';
import { RotatingFileTransport } from './rotating-file.transport.js';

export interface LoggingSettings {
  file: string;
  maxBytes: number;
  backupCount: number;
  /** Console output; off in child-process tests that only read the file. */
  console?: boolean;
}

/** Console plus a size-capped logs/engine.log (SPEC §3: SENTRACORE_LOG_MAX_BYTES, SENTRACORE_LOG_BACKUP_COUNT). */
export function loggingOptions(settings: LoggingSettings): WinstonModuleOptions {
  const file = new RotatingFileTransport(settings.file, settings.maxBytes, settings.backupCount);
  file.format = format.combine(format.timestamp(), format.errors({ stack: true }), format.json());
  const console = new transports.Console({
    format: format.combine(format.timestamp(), utilities.format.nestLike('SentraCore', { prettyPrint: true })),
  });
  return { level: 'info', transports: settings.console === false ? [file] : [console, file] };
}
