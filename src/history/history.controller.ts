import { Body, Delete, Get, Header, Headers, Post, Query, Res, type StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import { ApiController, MutatingRoute } from '../common/api-controller.decorator.js';
import { HistoryExportDto, HistoryExportResultDto } from './dto/history-export.dto.js';
import { HistoryQueryDto } from './dto/history-query.dto.js';
import { HistoryClearDto, HistoryResponseDto } from './dto/history-response.dto.js';
import { acceptsGzip, asHttpBody, JSON_CONTENT_TYPE } from './read/history-body.js';
import { HistoryExportService } from './export/history-export.service.js';
import { HistoryStore } from './history.store.js';

@ApiController('history', 'history')
export class HistoryController {
  constructor(
    private readonly store: HistoryStore,
    private readonly exporter: HistoryExportService,
  ) {}

  // The body is produced as JSON text (large answers stream), never as one big object graph.
  @Get()
  @Header('Content-Type', JSON_CONTENT_TYPE)
  @ApiProduces('application/json')
  @ApiOperation({ summary: 'History samples in a range (SPEC §6), downsampled or aggregated, with the archive summary' })
  @ApiOkResponse({ type: HistoryResponseDto })
  async query(
    @Query() query: HistoryQueryDto,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | StreamableFile> {
    const { body, gzipped } = await this.store.queryBody(query, acceptsGzip(acceptEncoding));
    void reply.header('Vary', 'Accept-Encoding');
    if (gzipped) void reply.header('Content-Encoding', 'gzip');
    return asHttpBody(body);
  }

  @Delete()
  @MutatingRoute()
  @ApiOperation({ summary: 'Delete every samples-*.jsonl file (and nothing else)' })
  @ApiOkResponse({ type: HistoryClearDto })
  async clear(): Promise<HistoryClearDto> {
    return { ok: true, files_removed: await this.store.clear() };
  }

  @Post('export')
  @MutatingRoute()
  @ApiOperation({ summary: 'Write a range of history as CSV or JSONL into reports/' })
  @ApiOkResponse({ type: HistoryExportResultDto })
  export(@Body() request: HistoryExportDto): Promise<HistoryExportResultDto> {
    return this.exporter.export(request);
  }
}
