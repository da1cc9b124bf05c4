import { Get, Logger, Query, UnprocessableEntityException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiController } from '../common/api-controller.decorator.js';
import { HardwareErrorDto, HardwareHealthDto } from './dto/hardware-health.dto.js';
import { HardwareHealthQueryDto, HardwareTestQueryDto } from './dto/hardware-query.dto.js';
import { HardwareHealthService } from './hardware-health.service.js';
import type { HealthReport } from './model/component-report.js';
import { invalidTargetMessage, parseTarget } from './model/target.js';

/** The dashboard's Hardware screen (docs/hardware.md). */
@ApiController('hardware', 'hardware')
export class HardwareController {
  private readonly logger = new Logger(HardwareController.name);

  constructor(private readonly hardware: HardwareHealthService) {}

  @Get('health')
  @ApiOperation({ summary: 'CPU, memory and disk health; measurements younger than 30 s are served from the cache unless refresh=true' })
  @ApiOkResponse({ type: HardwareHealthDto, description: 'or {"ok":false,"error"} (HardwareErrorDto) after an unexpected failure' })
  health(@Query() query: HardwareHealthQueryDto): Promise<HealthReport | HardwareErrorDto> {
    return this.answer(this.hardware.health(query.refresh ?? false));
  }

  @Get('test')
  @ApiOperation({ summary: 'Probe one component now (not a stress test); the others are shown only while still fresh' })
  @ApiOkResponse({ type: HardwareHealthDto })
  @ApiUnprocessableEntityResponse({ type: HardwareErrorDto, description: 'an unknown target' })
  test(@Query() query: HardwareTestQueryDto): Promise<HealthReport | HardwareErrorDto> {
    const component = parseTarget(query.target);
    if (!component) throw new UnprocessableEntityException({ ok: false, error: invalidTargetMessage(query.target) });
    return this.answer(this.hardware.test(component));
  }

  /** The earlier engine's contract: an unexpected failure is HTTP 200 with ok:false, which the dashboard shows over its last good data. */
  private async answer(report: Promise<HealthReport>): Promise<HealthReport | HardwareErrorDto> {
    try {
      return await report;
    } catch (error) {
      this.logger.error(error instanceof Error ? error : new Error(String(error)));
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
