import { Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiController } from '../../common/api-controller.decorator.js';
import { clientGone } from '../client-gone.js';
import { LargeFilesDto, LargeFilesQueryDto } from '../dto/large-files.dto.js';
import type { DomainError } from '../scan/scan.types.js';
import { type LargeFilesAnswer, LargeFilesService } from './large-files.service.js';

/** The dashboard's "Largest files" tab. */
@ApiController('storage', 'storage')
export class LargeFilesController {
  constructor(private readonly finder: LargeFilesService) {}

  @Get('large')
  @ApiOperation({ summary: 'The largest files under a folder of the home or SENTRACORE_LARGE_FILES_ROOTS; symlinks never followed, system folders skipped' })
  @ApiOkResponse({ type: LargeFilesDto, description: 'or HTTP 200 {"ok":false,"error"} for a path outside the allowed folders, missing, or not a folder' })
  large(@Query() query: LargeFilesQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<LargeFilesAnswer | DomainError> {
    const request = { path: query.path, min_mb: query.min_mb ?? 100, limit: query.limit ?? 200, max_files_scanned: query.max_files_scanned ?? 200_000 };
    return this.finder.find(request, clientGone(reply));
  }
}
