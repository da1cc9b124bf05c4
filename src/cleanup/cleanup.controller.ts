import { Body, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiController, MutatingRoute } from '../common/api-controller.decorator.js';
import { clientGone } from './client-gone.js';
import { type ApplyAnswer, CleanupApplyService } from './cleanup-apply.service.js';
import { type CategoriesAnswer, CleanupCategoriesService } from './cleanup-categories.service.js';
import { CleanupScanService } from './cleanup-scan.service.js';
import { CleanupApplyDto } from './dto/cleanup-apply.dto.js';
import { CleanupCategoriesDto } from './dto/cleanup-categories.dto.js';
import { ApplyRequestDto, ScanRequestDto } from './dto/cleanup-request.dto.js';
import { CleanupErrorDto, CleanupScanDto, ScanCancelDto } from './dto/cleanup-scan.dto.js';
import type { DomainError, ScanAnswer } from './scan/scan.types.js';

const DOMAIN = 'or HTTP 200 {"ok":false,"error"} (CleanupErrorDto) for a refused request';

/** The dashboard's "Free up space" tab (docs/cleanup.md). */
@ApiController('cleanup', 'cleanup')
@ApiExtraModels(CleanupErrorDto)
export class CleanupController {
  constructor(
    private readonly categories: CleanupCategoriesService,
    private readonly scans: CleanupScanService,
    private readonly applier: CleanupApplyService,
  ) {}

  @Get('categories')
  @ApiOperation({ summary: "This machine's cleanup categories (the table is read again for every request)" })
  @ApiOkResponse({ type: CleanupCategoriesDto })
  list(): Promise<CategoriesAnswer> {
    return this.categories.view();
  }

  @Post('scan')
  @MutatingRoute()
  @ApiOperation({
    summary: 'Measure what the categories would free; read-only. One scan at a time, shared by callers asking the same; cancelled when the client goes away',
  })
  @ApiOkResponse({ type: CleanupScanDto, description: DOMAIN })
  scan(@Body() body: ScanRequestDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ScanAnswer | DomainError> {
    return this.scans.scan(body?.category_ids, clientGone(reply));
  }

  @Post('scan/cancel')
  @MutatingRoute()
  @ApiOperation({ summary: 'Stop the running scan; its callers get {"ok":false,"error":"scan cancelled"}' })
  @ApiOkResponse({ type: ScanCancelDto })
  cancel(): { ok: true; cancelled: boolean } {
    return { ok: true, cancelled: this.scans.cancel() };
  }

  @Get('scan/:scan_id')
  @ApiOperation({ summary: 'A scan of the last 30 minutes, as POST /cleanup/scan answered it' })
  @ApiOkResponse({ type: CleanupScanDto, description: DOMAIN })
  one(@Param('scan_id') scanId: string): ScanAnswer | DomainError {
    return this.scans.get(scanId)?.answer ?? { ok: false, error: 'Unknown or expired scan_id' };
  }

  @Post('apply')
  @MutatingRoute()
  @ApiOperation({ summary: 'Delete or recycle the files a scan recorded, in the listed categories of that scan; each file re-verified first' })
  @ApiOkResponse({ type: CleanupApplyDto, description: DOMAIN })
  apply(@Body() body: ApplyRequestDto): Promise<ApplyAnswer | DomainError> {
    return this.applier.apply(body ?? {});
  }
}
