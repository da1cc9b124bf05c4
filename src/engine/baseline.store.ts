import { Injectable } from '@nestjs/common';
import { wireShapeOf } from '../common/wire.js';
import { AtomicJson } from '../storage/atomic-json.js';
import { DatastorePaths } from '../storage/datastore-paths.js';
import { BaselineStatsDto } from './dto/status.dto.js';
import type { BaselineFileRecord } from './pipeline/baseline-model.js';

const BASELINE_SHAPE = wireShapeOf(BaselineStatsDto);

/** state/baseline.json (SPEC §5): loaded at start, written atomically. */
@Injectable()
export class BaselineStore {
  constructor(
    private readonly paths: DatastorePaths,
    private readonly json: AtomicJson,
  ) {}

  load(): Promise<unknown> {
    return this.json.read<unknown>(this.paths.baselineFile(), null);
  }

  save(baseline: BaselineFileRecord): Promise<void> {
    return this.json.write(this.paths.baselineFile(), baseline, BASELINE_SHAPE);
  }
}
