import { Inject } from '@nestjs/common';
import { WebSocketGateway } from '@nestjs/websockets';
import { toWireJson, wireShapeOf } from '../common/wire.js';
import { SENTRACORE_OPTIONS, type SentraCoreOptions } from '../config/sentra-core-options.js';
import { StatusDto } from '../engine/dto/status.dto.js';
import { EngineEvents, type CycleEvent } from '../engine/engine-events.js';
import { LiveClients } from '../engine/live-clients.js';
import { ChannelGateway } from './channel.gateway.js';
import { LIVE_STREAM_LIMITS, type LiveStreamLimits } from './live-stream.limits.js';

export const LIVE_WS_PATH = '/ws/live';
const STATUS_SHAPE = wireShapeOf(StatusDto);

/** `/ws/live`: the GET /api/v1/status body, one text message per cycle (SPEC §4). */
@WebSocketGateway({ path: LIVE_WS_PATH })
export class LiveGateway extends ChannelGateway<CycleEvent> {
  constructor(
    events: EngineEvents,
    clients: LiveClients,
    @Inject(LIVE_STREAM_LIMITS) limits: LiveStreamLimits,
    @Inject(SENTRACORE_OPTIONS) options: SentraCoreOptions,
  ) {
    super({ channel: 'live', items: events.cycles, toText: ({ status }) => toWireJson(status, STATUS_SHAPE) }, clients, limits, options.http.corsOrigins);
  }
}
