import { describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { CLOCK_JUMP_MS, CLOCK_STABLE_MS, ClockWatch } from './clock-watch.js';
import { ManualClock } from './manual-clock.fixture.js';

describe('ClockWatch', () => {
  const make = () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const clock = new ManualClock(Date.UTC(2026, 10, 27));
    return { clock, watch: new ClockWatch(clock) };
  };

  it('time passing, however long, is no jump; a wall clock moved against the monotonic one beyond 5 min is', () => {
    const { clock, watch } = make();
    clock.advance(10 * 86_400_000);
    expect(watch.observe()).toBeNull();
    clock.jumpWall(CLOCK_JUMP_MS); // exactly 5 min: drift, not a jump
    expect(watch.observe()).toBeNull();
    clock.jumpWall(40 * 86_400_000);
    expect(watch.observe()).toEqual({ at: clock.nowMs() / 1000, offset_sec: 40 * 86_400 });
    clock.jumpWall(-40 * 86_400_000);
    expect(watch.observe()?.offset_sec).toBe(-40 * 86_400);
    expect(watch.takeJumps().map((j) => j.offset_sec)).toEqual([40 * 86_400, -40 * 86_400]);
    expect(watch.takeJumps()).toEqual([]);
  });

  it('is stable until a jump, then again after an hour of monotonic time; the peak wall time is kept', () => {
    const { clock, watch } = make();
    expect(watch.stable()).toBe(true);
    const start = clock.nowMs();
    clock.jumpWall(40 * 86_400_000);
    expect(watch.stable()).toBe(false);
    clock.jumpWall(-40 * 86_400_000);
    expect(watch.observe()?.offset_sec).toBe(-40 * 86_400); // the hour counts from the last jump seen
    clock.advance(CLOCK_STABLE_MS - 1);
    expect(watch.stable()).toBe(false);
    clock.advance(1);
    expect(watch.stable()).toBe(true);
    expect(watch.peakWallMs).toBe(start + 40 * 86_400_000);
  });
});
