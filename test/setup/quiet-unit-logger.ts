// Engine code logs through Nest's Logger; in tests that output is noise around jest's report.
// Tests that check logging spy on the Logger methods, which still receive every call.
// Through Nest's NEST_LOG_LEVEL (read at the first log call) rather than Logger.overrideLogger(false):
// importing @nestjs/common here would load Nest into every suite, ~0.3 s of CPU each, although most
// unit suites never touch it (measured: 20 pipeline suites, 9.2 s → 6.9 s of CPU).
// 'fatal' is the highest level and the engine logs nothing at it.
process.env.NEST_LOG_LEVEL = 'fatal';
