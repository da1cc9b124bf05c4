import { describe, expect, it } from '@jest/globals';
import { SingleFlight } from './single-flight.js';

describe('SingleFlight', () => {
  it('holds a run until it settles, then lets the next one start (also after a rejection)', async () => {
    const flights = new SingleFlight<string, number>();
    let resolve!: (value: number) => void;
    const run = flights.track('cpu', new Promise<number>((r) => (resolve = r)));
    expect(flights.current('cpu')).toBe(run);
    resolve(1);
    await run;
    await Promise.resolve();
    expect(flights.current('cpu')).toBeUndefined();
    const failing = flights.track('cpu', Promise.reject(new Error('x')));
    await expect(failing).rejects.toThrow('x');
    await Promise.resolve();
    expect(flights.size).toBe(0);
  });
});
