import { describe, expect, it } from '@jest/globals';
import type { HistoryStore } from '../history/history.store.js';
import type { RetentionJob } from '../history/retention.job.js';
import type { StorageInitializer } from '../storage/storage-initializer.js';
import type { EngineJobs } from './engine-jobs.js';
import { EngineLifecycle } from './engine-lifecycle.js';
import type { EngineService } from './engine.service.js';

/** Collaborators that record each step; async steps finish a tick later, so an unawaited step would show. */
function recorded() {
  const steps: string[] = [];
  const later = (name: string) => async () => {
    await new Promise((resolve) => setImmediate(resolve));
    steps.push(name);
  };
  const lifecycle = new EngineLifecycle(
    { stop: later('engine jobs stopped') } as unknown as EngineJobs,
    { stop: later('retention stopped') } as unknown as RetentionJob,
    {
      stop: () => steps.push('engine stopped'),
      persistBaseline: later('baseline persisted'),
      finalCheckpoint: later('final checkpoint written'),
    } as unknown as EngineService,
    { flush: later('history flushed') } as unknown as HistoryStore,
    { release: later('lock released') } as unknown as StorageInitializer,
  );
  return { steps, lifecycle };
}

describe('EngineLifecycle', () => {
  it('stops in one order: jobs, the engine, baseline, final checkpoint, history, and the lock last', async () => {
    const { steps, lifecycle } = recorded();
    await lifecycle.stop();
    expect(steps.slice(0, 2).sort()).toEqual(['engine jobs stopped', 'retention stopped']);
    expect(steps.slice(2)).toEqual(['engine stopped', 'baseline persisted', 'final checkpoint written', 'history flushed', 'lock released']);
  });

  it('stops the jobs before the HTTP server closes, and runs the rest once after it closed', async () => {
    const { steps, lifecycle } = recorded();
    await lifecycle.beforeApplicationShutdown();
    expect(steps.sort()).toEqual(['engine jobs stopped', 'retention stopped']);
    steps.length = 0;
    await Promise.all([lifecycle.onApplicationShutdown(), lifecycle.stop()]);
    expect(steps).toEqual(['engine stopped', 'baseline persisted', 'final checkpoint written', 'history flushed', 'lock released']);
  });
});
