import { describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { FailureReporter } from './failure-reporter.js';

describe('FailureReporter', () => {
  it('logs each new reason, repeats of one reason at most once a minute, and the recovery', () => {
    const logger = new Logger('test');
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const log = jest.spyOn(logger, 'log').mockImplementation(() => undefined);
    const reporter = new FailureReporter(logger, 'history sample not stored');
    reporter.failed('ENOSPC: no space left on device', 0, { at: 1 });
    reporter.failed('ENOSPC: no space left on device', 2_000);
    reporter.failed('ENOSPC: no space left on device', 30_000);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenLastCalledWith({ message: 'history sample not stored: ENOSPC: no space left on device', at: 1 });
    reporter.failed('ENOSPC: no space left on device', 61_000);
    expect(warn).toHaveBeenLastCalledWith({ message: 'history sample not stored: ENOSPC: no space left on device', repeatedSinceLastLog: 2 });
    reporter.failed('EACCES: permission denied', 62_000);
    expect(warn).toHaveBeenCalledTimes(3);
    reporter.succeeded();
    reporter.succeeded();
    expect(log).toHaveBeenCalledTimes(1);
  });
});
