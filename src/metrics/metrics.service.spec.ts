import { describe, expect, it, jest } from '@jest/globals';
import { ManualClock } from '../common/manual-clock.fixture.js';
import type { EngineMetricsCollector } from './engine-metrics.collector.js';
import type { MetricsRegistry } from './metrics.registry.js';
import { MetricsService } from './metrics.service.js';
import type { StorageMetricsCollector } from './storage-metrics.collector.js';

describe('MetricsService', () => {
  it('renders once per 500 ms window and afresh after it', async () => {
    let renders = 0;
    const registry = { registry: { metrics: jest.fn(async () => `render ${++renders}`) } } as unknown as MetricsRegistry;
    const engine = { refresh: jest.fn() } as unknown as EngineMetricsCollector;
    const storage = { refresh: jest.fn(async () => undefined) } as unknown as StorageMetricsCollector;
    const clock = new ManualClock(1_000_000);
    const service = new MetricsService(registry, engine, storage, clock);

    expect(await Promise.all([service.render(), service.render()])).toEqual(['render 1', 'render 1']);
    clock.advance(499);
    expect(await service.render()).toBe('render 1');
    clock.advance(1);
    expect(await service.render()).toBe('render 2');
    expect(engine.refresh).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failed rendering', async () => {
    const metrics = jest.fn<() => Promise<string>>().mockRejectedValueOnce(new Error('boom')).mockResolvedValue('ok');
    const registry = { registry: { metrics } } as unknown as MetricsRegistry;
    const service = new MetricsService(
      registry,
      { refresh: () => undefined } as unknown as EngineMetricsCollector,
      { refresh: async () => undefined } as unknown as StorageMetricsCollector,
      new ManualClock(0),
    );
    await expect(service.render()).rejects.toThrow('boom');
    expect(await service.render()).toBe('ok');
  });
});
