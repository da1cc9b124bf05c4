import { Inject, Injectable, Logger } from '@nestjs/common';
import { join } from 'node:path';
import { CLOCK, type Clock } from '../../common/clock.js';
import { SentraCoreError } from '../../common/sentra-core.error.js';
import { DatastorePaths } from '../../storage/datastore-paths.js';
import { errorCode, FS_PORT, type FsPort } from '../../storage/fs.port.js';
import type { HistoryExportDto, HistoryExportResultDto } from '../dto/history-export.dto.js';
import type { ReportListDto } from '../dto/reports.dto.js';
import { CSV_HEADER, csvRow, exportFileName, jsonlRow } from './history-export.format.js';
import type { HistorySelection } from '../read/history-selection.js';
import { HistoryStore } from '../history.store.js';

/**
 * Exports a history range into reports/ (SPEC §2: user-facing artifacts). The name is built here
 * from the range and the time, never from caller input; the file is written under a hidden temp
 * name and renamed, so GET /reports never lists half a file.
 */
@Injectable()
export class HistoryExportService {
  private readonly logger = new Logger(HistoryExportService.name);

  constructor(
    private readonly store: HistoryStore,
    private readonly paths: DatastorePaths,
    @Inject(FS_PORT) private readonly fs: FsPort,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  // A read of the archive from selection to the last row: DELETE /history waits for it (ReadGate).
  export(request: HistoryExportDto): Promise<HistoryExportResultDto> {
    return this.store.reading(() => this.write(request));
  }

  private async write(request: HistoryExportDto): Promise<HistoryExportResultDto> {
    const { from, to, format, granularity, agg } = request;
    const { selection } = await this.store.select({ from, to, granularity, agg });
    const name = exportFileName(Math.min(from, to), Math.max(from, to), this.clock.nowMs(), format);
    try {
      const dir = await this.paths.ensureSection('reports'); // may have been deleted while running (SPEC §8)
      const file = join(dir, name);
      const written = await this.writeFile(join(dir, `.${name}.tmp`), file, selection, format);
      this.logger.log({ message: 'history exported', file, ...written });
      return { ok: true, file, ...written };
    } catch (error) {
      throw new SentraCoreError('STORAGE_UNAVAILABLE', `write report ${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  async list(): Promise<ReportListDto> {
    const directory = this.paths.section('reports');
    let dirents;
    try {
      dirents = await this.fs.readdir(directory, { withFileTypes: true });
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { directory, reports: [] };
      throw error;
    }
    const names = dirents.filter((d) => d.isFile() && !d.name.startsWith('.')).map((d) => d.name);
    const stats = await Promise.all(names.map((name) => this.fs.stat(join(directory, name)).catch(() => undefined)));
    const reports = names
      .map((name, i) => ({ name, stat: stats[i] }))
      .filter((r) => r.stat)
      .sort((a, b) => b.stat!.mtimeMs - a.stat!.mtimeMs || b.name.localeCompare(a.name))
      .map(({ name, stat }) => ({ name, path: join(directory, name), bytes: stat!.size, modified_at: stat!.mtime.toISOString() }));
    return { directory, reports };
  }

  private async writeFile(temp: string, file: string, selection: HistorySelection, format: HistoryExportDto['format']) {
    const row = format === 'csv' ? csvRow : jsonlRow;
    let bytes = 0;
    let samples = 0;
    const handle = await this.fs.open(temp, 'wx');
    try {
      const write = async (text: string) => {
        const data = Buffer.from(text);
        await handle.write(data);
        bytes += data.length;
      };
      if (format === 'csv') await write(CSV_HEADER);
      for await (const batch of selection.sampleBatches()) {
        await write(batch.map(row).join(''));
        samples += batch.length;
      }
      await handle.sync().catch(() => undefined);
      await handle.close();
      await this.fs.rename(temp, file);
    } catch (error) {
      await handle.close().catch(() => undefined);
      await this.fs.unlink(temp).catch(() => undefined);
      throw error;
    }
    return { bytes, samples };
  }
}
