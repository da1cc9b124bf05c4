import { Inject } from '@nestjs/common';
import { WebSocketGateway } from '@nestjs/websockets';
import { toWireJson, wireShapeOf } from '../common/wire.js';
import { SENTRACORE_OPTIONS, type SentraCoreOptions } from '../config/sentra-core-options.js';
import { AlertDto } from '../engine/dto/alert.dto.js';
import { EngineEvents } from '../engine/engine-events.js';
import { LiveClients } from '../engine/live-clients.js';
import type { AlertRecord } from '../engine/engine.types.js';
import { ChannelGateway } from './channel.gateway.js';
import { LIVE_STREAM_LIMITS, type LiveStreamLimits } from './live-stream.limits.js';

export const ALERTS_WS_PATH = '/ws/alerts';
const ALERT_SHAPE = wireShapeOf(AlertDto);

/** `/ws/alerts`: each fired alert's full object (the GET /api/v1/alerts item), one message per alert. */
@WebSocketGateway({ path: ALERTS_WS_PATH })
export class AlertsGateway extends ChannelGateway<AlertRecord> {
  constructor(
    events: EngineEvents,
    clients: LiveClients,
    @Inject(LIVE_STREAM_LIMITS) limits: LiveStreamLimits,
    @Inject(SENTRACORE_OPTIONS) options: SentraCoreOptions,
  ) {
    super({ channel: 'alerts', items: events.alerts, toText: (alert) => toWireJson(alert, ALERT_SHAPE) }, clients, limits, options.http.corsOrigins);
  }
}
