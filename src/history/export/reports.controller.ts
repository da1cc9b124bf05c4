import { Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiController } from '../../common/api-controller.decorator.js';
import { ReportListDto } from '../dto/reports.dto.js';
import { HistoryExportService } from './history-export.service.js';

@ApiController('reports', 'reports')
export class ReportsController {
  constructor(private readonly exporter: HistoryExportService) {}

  @Get()
  @ApiOperation({ summary: 'Files under reports/ with their sizes, newest first' })
  @ApiOkResponse({ type: ReportListDto })
  list(): Promise<ReportListDto> {
    return this.exporter.list();
  }
}
