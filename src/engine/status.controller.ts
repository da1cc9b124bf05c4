import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiController } from '../common/api-controller.decorator.js';
import { AlertsDto, EventsDto, ProcessesDto } from './dto/alert.dto.js';
import { ProcessesQueryDto } from './dto/processes-query.dto.js';
import { BaselineDto, StatusDto } from './dto/status.dto.js';
import { EngineService } from './engine.service.js';

/** As the earlier engine. */
const DEFAULT_PROCESS_LIMIT = 50;

/** Read-only views of the engine's current state (SPEC §4). */
@ApiController('', 'engine')
export class StatusController {
  constructor(private readonly engine: EngineService) {}

  @Get('status')
  @ApiOperation({ summary: 'Current state; the last checkpoint until the first fresh cycle after a restart' })
  @ApiOkResponse({ type: StatusDto })
  status(): StatusDto {
    return this.engine.statusForClient();
  }

  @Get('baseline')
  @ApiOperation({ summary: 'Learned baseline per time-of-day segment' })
  @ApiOkResponse({ type: BaselineDto })
  baseline(): BaselineDto {
    return this.engine.baseline();
  }

  @Get('alerts')
  @ApiOperation({ summary: 'Recent alerts (at most 50), newest first' })
  @ApiOkResponse({ type: AlertsDto })
  alerts(): AlertsDto {
    return { alerts: this.engine.alerts() };
  }

  @Get('processes')
  @ApiOperation({ summary: 'Top processes by impact over the recent window' })
  @ApiOkResponse({ type: ProcessesDto })
  processes(@Query() query: ProcessesQueryDto): ProcessesDto {
    return { processes: this.engine.topProcesses(query.limit ?? DEFAULT_PROCESS_LIMIT) };
  }

  @Get('events')
  @ApiOperation({ summary: 'The newest 50 engine events (spikes, pressure, process start/stop, level changes, alerts), newest first' })
  @ApiOkResponse({ type: EventsDto })
  events(): EventsDto {
    return { events: this.engine.events() };
  }
}
