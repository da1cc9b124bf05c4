import type { Logger } from '@nestjs/common';
import { SentraCoreError } from '../../common/sentra-core.error.js';
import type { FsPort } from '../../storage/fs.port.js';
import { isSymlink } from '../../storage/no-follow.js';
import { GateBusyError } from '../read/read-gate.js';
import type { PruneResult } from './history-retention.js';

/** Throws CONFLICT when history/ is a link: deleting through it would delete files of the link's target folder. */
export async function refuseLinkedFolder(fs: FsPort, dir: string): Promise<void> {
  if (!(await isSymlink(fs, dir))) return;
  throw new SentraCoreError(
    'CONFLICT',
    `${dir} is a symbolic link: history files are read and written through it, but never deleted (retention and DELETE /history are off); replace it with a folder to delete history`,
  );
}

/** Retention that could not run (reads in progress, a linked history/) logs why and removes nothing; other errors go on. */
export function pruneNotRun(logger: Logger, error: unknown): PruneResult {
  if (error instanceof GateBusyError) logger.warn({ message: `history retention postponed: ${error.message}` });
  else if (error instanceof SentraCoreError && error.code === 'CONFLICT') logger.warn({ message: `history retention skipped: ${error.message}` });
  else throw error;
  return { files_removed: 0, bytes_freed: 0, files: [] };
}

/** DELETE /history that could not get the gate in time: 409, nothing deleted. */
export function clearNotRun(error: unknown): never {
  if (!(error instanceof GateBusyError)) throw error;
  throw new SentraCoreError('CONFLICT', `history not cleared, nothing deleted: ${error.message}; try again`);
}
