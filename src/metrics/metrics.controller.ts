import { Controller, Get, Header, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import { SentraCoreExceptionFilter } from '../common/sentra-core-exception.filter.js';
import { MetricsService } from './metrics.service.js';

// The text format's content type (version 0.0.4), the same for every registry.
const CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

/** GET /metrics for Prometheus: outside /api/v1, where scrapers look by default. */
@Controller('metrics')
@ApiTags('metrics')
@UseFilters(SentraCoreExceptionFilter)
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Header('Content-Type', CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Prometheus metrics (text exposition format 0.0.4): engine scores and pressures, datastore, process' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format', content: { 'text/plain': { schema: { type: 'string' } } } })
  scrape(): Promise<string> {
    return this.metrics.render();
  }
}
