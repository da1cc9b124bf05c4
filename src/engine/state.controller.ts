import { Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiController, MutatingRoute } from '../common/api-controller.decorator.js';
import { OkDto } from './dto/status.dto.js';
import { EngineService } from './engine.service.js';

@ApiController('state', 'state')
export class StateController {
  constructor(private readonly engine: EngineService) {}

  @Post('reset/baseline')
  @MutatingRoute()
  @ApiOperation({ summary: 'Forget the learned baseline and persist it empty; sampling continues' })
  @ApiOkResponse({ type: OkDto })
  async resetBaseline(): Promise<OkDto> {
    await this.engine.resetBaseline();
    return { ok: true };
  }
}
