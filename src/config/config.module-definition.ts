import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { RawOptions } from './resolve-options.js';

export const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN, OPTIONS_TYPE, ASYNC_OPTIONS_TYPE } = new ConfigurableModuleBuilder<RawOptions>()
  .setClassMethodName('forRoot')
  .build();
