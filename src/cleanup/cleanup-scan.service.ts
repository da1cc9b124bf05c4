import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CLOCK, type Clock } from '../common/clock.js';
import { SENTRACORE_OPTIONS, type SentraCoreOptions } from '../config/sentra-core-options.js';
import { CleanupCategoriesService } from './cleanup-categories.service.js';
import { scanCategory, type ScanContext } from './scan/category-scan.js';
import { ScanRegistry } from './scan/scan-registry.js';
import type { CategoryResult, DomainError, ScanAnswer, ScanStop, StoredScan } from './scan/scan.types.js';
import { RunCancelled, SharedRun } from './scan/shared-run.js';

const ids = (requested: string[] | undefined): string[] => [...new Set((requested ?? []).map((id) => id.trim()).filter(Boolean))].sort();

/**
 * POST /cleanup/scan: read-only walks, one at a time (a second caller asking the same shares it),
 * within a wall-clock budget, cancelled when every waiting client has gone or by cancel().
 * Completed scans wait in the registry for apply (16 scans, 30 minutes).
 */
@Injectable()
export class CleanupScanService {
  private readonly logger = new Logger(CleanupScanService.name);
  private readonly runs = new SharedRun<ScanAnswer | DomainError>();
  readonly registry: ScanRegistry;

  constructor(
    @Inject(SENTRACORE_OPTIONS) private readonly options: SentraCoreOptions,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly categories: CleanupCategoriesService,
  ) {
    this.registry = new ScanRegistry(() => this.clock.nowMs() / 1000);
  }

  /** `categoryIds` empty or absent: every category (a scan only measures). */
  async scan(categoryIds: string[] | undefined, signal?: AbortSignal): Promise<ScanAnswer | DomainError> {
    const wanted = ids(categoryIds);
    try {
      return await this.runs.run(wanted.join('\n'), signal, (jobSignal) => this.walk(wanted, jobSignal));
    } catch (error) {
      if (error instanceof RunCancelled) return { ok: false, error: 'scan cancelled' };
      this.logger.error(error instanceof Error ? error : new Error(String(error)));
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  get(scanId: string): StoredScan | undefined {
    return this.registry.get(scanId);
  }

  cancel(): boolean {
    return this.runs.cancel();
  }

  private answerOf(startedMs: number, results: CategoryResult[], stopped: ScanStop, cutShort: boolean): ScanAnswer {
    const completedAt = this.clock.nowMs() / 1000;
    return {
      ok: true,
      scan_id: randomUUID().replace(/-/g, ''),
      started_at: startedMs / 1000,
      completed_at: completedAt,
      os: this.categories.os,
      total_bytes: results.reduce((sum, c) => sum + c.bytes, 0),
      total_files: results.reduce((sum, c) => sum + c.file_count, 0),
      categories: results,
      truncated: stopped !== 'complete' || cutShort || results.some((c) => c.truncated),
      files_scanned: results.reduce((sum, c) => sum + c.files_scanned, 0),
      stopped,
      expires_at: this.registry.expiresAt(completedAt),
    };
  }

  private async walk(wanted: string[], signal: AbortSignal): Promise<ScanAnswer | DomainError> {
    const startedMs = this.clock.nowMs();
    const [table, elevated] = await Promise.all([this.categories.table(), this.categories.elevated()]);
    const chosen = wanted.length === 0 ? table.categories : table.categories.filter((c) => wanted.includes(c.spec.id));
    const ctx: ScanContext = {
      nowMs: startedMs,
      deadlineMs: Date.now() + this.options.cleanup.scanBudgetSec * 1000,
      recentMs: this.options.cleanup.recentChangeSec * 1000,
      signal,
      seen: new Set(),
    };
    const stored: StoredScan = { answer: undefined as unknown as ScanAnswer, recorded: new Map() };
    const results: CategoryResult[] = [];
    let stopped: ScanStop = 'complete';
    for (const category of chosen) {
      const blocked = await this.categories.blocked(category, elevated);
      const outcome = await scanCategory(category, category.spec.requires_admin && !elevated, blocked, ctx);
      if (outcome.stop === 'cancelled') return { ok: false, error: 'scan cancelled' };
      if (outcome.stop === 'time_budget') stopped = 'time_budget';
      else if (outcome.stop === 'cap' && stopped === 'complete') stopped = 'file_cap';
      results.push(outcome.result);
      const { spec } = category;
      stored.recorded.set(spec.id, { roots: category.roots, minAgeDays: spec.min_age_days, extensions: spec.extensions, candidates: outcome.candidates });
      if (stopped === 'time_budget') break;
    }
    stored.answer = this.answerOf(startedMs, results, stopped, results.length < chosen.length);
    this.registry.put(stored);
    this.logger.log({ message: 'cleanup scan', scan_id: stored.answer.scan_id, files: stored.answer.total_files, stopped });
    return stored.answer;
  }
}
