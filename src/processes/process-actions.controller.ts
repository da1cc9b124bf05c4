import { Body, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { ApiController, MutatingRoute } from '../common/api-controller.decorator.js';
import { ProcessActionBodyDto, ProcessActionResultDto } from './dto/process-action.dto.js';
import { PidPipe } from './pid.pipe.js';
import { ProcessControlService } from './process-control.service.js';

@ApiController('processes', 'processes')
export class ProcessActionsController {
  constructor(private readonly control: ProcessControlService) {}

  @Post(':pid/action')
  @MutatingRoute()
  @ApiOperation({
    summary: 'Terminate, kill, or set the CPU priority of a process this engine tracks; refusals and failures are ok:false with a reason',
  })
  @ApiParam({ name: 'pid', type: 'integer', example: 4242 })
  @ApiOkResponse({ type: ProcessActionResultDto })
  act(@Param('pid', PidPipe) pid: number, @Body() body: ProcessActionBodyDto = {}): Promise<ProcessActionResultDto> {
    return this.control.request(pid, (body?.action ?? '').trim());
  }
}
