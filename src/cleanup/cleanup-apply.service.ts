import { Inject, Injectable, Logger } from '@nestjs/common';
import { realpath } from 'node:fs/promises';
import { CLOCK, type Clock } from '../common/clock.js';
import { SENTRACORE_OPTIONS, type SentraCoreOptions } from '../config/sentra-core-options.js';
import { applyCategory, type CategoryJob, type CategoryTally } from './apply/category-apply.js';
import { type ApplyError, ErrorList } from './apply/error-list.js';
import type { TrashTarget } from './apply/trash.js';
import { CleanupCategoriesService } from './cleanup-categories.service.js';
import { CleanupScanService } from './cleanup-scan.service.js';
import type { DomainError, StoredScan } from './scan/scan.types.js';
import { checkRequest, type ApplyRequest } from './apply/apply-request.js';

export interface ApplyAnswer {
  ok: true;
  scan_id: string;
  mode: 'recycle' | 'permanent';
  removed: number;
  bytes_freed: number;
  skipped: number;
  errors: ApplyError[];
  per_category: Record<string, CategoryTally>;
  skipped_changed: number;
  skipped_unsafe_path: number;
  errors_truncated: number;
  trash_dirs: string[];
  scan_consumed: true;
}

function emptyAnswer(scanId: string, mode: ApplyAnswer['mode'], jobs: CategoryJob[]): ApplyAnswer {
  const trashDirs = jobs.flatMap((job) => [...(job.trash?.values() ?? [])].map((target) => target.dir));
  return {
    ok: true,
    scan_id: scanId,
    mode,
    removed: 0,
    bytes_freed: 0,
    skipped: 0,
    errors: [],
    per_category: {},
    skipped_changed: 0,
    skipped_unsafe_path: 0,
    errors_truncated: 0,
    trash_dirs: [...new Set(trashDirs)],
    scan_consumed: true,
  };
}

function add(answer: ApplyAnswer, id: string, tally: CategoryTally): void {
  answer.per_category[id] = tally;
  answer.removed += tally.removed;
  answer.bytes_freed += tally.bytes_freed;
  answer.skipped += tally.skipped;
  answer.skipped_changed += tally.skipped_changed;
  answer.skipped_unsafe_path += tally.skipped_unsafe_path;
}

/** POST /cleanup/apply: only files a scan recorded, each re-verified when it is touched (docs/cleanup.md "Safety"). */
@Injectable()
export class CleanupApplyService {
  private readonly logger = new Logger(CleanupApplyService.name);

  constructor(
    @Inject(SENTRACORE_OPTIONS) private readonly options: SentraCoreOptions,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly categories: CleanupCategoriesService,
    private readonly scans: CleanupScanService,
  ) {}

  async apply(request: ApplyRequest): Promise<ApplyAnswer | DomainError> {
    const elevated = await this.categories.elevated();
    if (elevated && !this.options.apiToken) {
      return { ok: false, error: 'cleanup apply is refused: the engine runs with administrator rights and SENTRACORE_API_TOKEN is not set' };
    }
    const checked = checkRequest(request, (id) => this.scans.get(id));
    if ('error' in checked) return { ok: false, error: checked.error };
    const { scan, mode, ids } = checked;
    // Taken before the first await, so two applies of one scan never both run; a refusal puts it back.
    this.scans.registry.delete(scan.answer.scan_id);
    const errors = new ErrorList();
    const jobs = await this.jobs(scan, ids, mode, elevated, errors);
    if ('error' in jobs) {
      this.scans.registry.put(scan);
      return { ok: false, error: jobs.error };
    }
    const answer = emptyAnswer(scan.answer.scan_id, mode, jobs);
    for (const job of jobs) add(answer, job.id, await applyCategory(job, this.categories.trashes, errors, this.clock.nowMs()));
    answer.errors = errors.items;
    answer.errors_truncated = errors.dropped;
    this.logger.log({ message: 'cleanup applied', scan_id: answer.scan_id, mode, removed: answer.removed, skipped: answer.skipped });
    return answer;
  }

  /** Per selected category: still on this machine, same real roots, allowed now, and (recycle) a trash for each root. */
  private async jobs(scan: StoredScan, ids: string[], mode: string, elevated: boolean, errors: ErrorList): Promise<CategoryJob[] | DomainError> {
    const table = await this.categories.table();
    const jobs: CategoryJob[] = [];
    for (const id of ids) {
      const recorded = scan.recorded.get(id)!;
      const category = table.categories.find((c) => c.spec.id === id);
      const blocked = category ? await this.categories.blocked(category, elevated) : 'category_not_available';
      const rootsNow = await Promise.all(recorded.roots.map((root) => realpath(root).catch(() => null)));
      if (blocked || rootsNow.some((root, i) => root !== recorded.roots[i])) {
        errors.add({ category: id, error: blocked ?? 'a root of this category moved or changed since the scan' });
        continue;
      }
      if (mode === 'recycle' && category!.spec.trash) {
        errors.add({ category: id, error: 'a trash cannot be moved to the trash; empty it with mode "permanent"' });
        continue;
      }
      const trash = mode === 'recycle' ? await this.trashFor(recorded.roots) : undefined;
      if (typeof trash === 'string') return { ok: false, error: `recycle: ${trash}; nothing was moved or deleted (use mode "permanent" to delete for good)` };
      const rule = { min_age_days: recorded.minAgeDays, extensions: recorded.extensions, recentMs: this.options.cleanup.recentChangeSec * 1000 };
      jobs.push({ id, roots: recorded.roots, candidates: recorded.candidates, rule, trash, trashKind: category!.spec.trash });
    }
    return jobs;
  }

  private async trashFor(roots: string[]): Promise<Map<string, TrashTarget> | string> {
    const targets = new Map<string, TrashTarget>();
    for (const root of roots) {
      const target = await this.categories.trashes.targetFor(root);
      if (typeof target === 'string') return target;
      targets.set(root, target);
    }
    return targets;
  }
}
