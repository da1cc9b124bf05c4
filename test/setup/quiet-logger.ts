import { Logger } from '@nestjs/common';

// Engine code logs through Nest's Logger; in tests that output is noise around jest's report.
// Tests that check logging spy on the Logger methods, which still receive every call.
Logger.overrideLogger(false);
