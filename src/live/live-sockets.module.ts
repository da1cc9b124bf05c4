import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { AlertsGateway } from './alerts.gateway.js';
import { LiveGateway } from './live.gateway.js';
import { DEFAULT_LIVE_STREAM_LIMITS, LIVE_STREAM_LIMITS } from './live-stream.limits.js';

/**
 * The WebSockets /ws/live and /ws/alerts. Kept out of `SentraCoreModule` on purpose: Nest serves
 * gateways through the app's one WebSocket adapter, and with none set it falls back to socket.io
 * and calls `process.exit(1)` when that package is missing. So a host opts in by importing this
 * module next to `SentraCoreModule.forRoot(...)` and installing the ws adapter before `listen`:
 * `app.useWebSocketAdapter(new WsAdapter(app))` (from `@nestjs/platform-ws`).
 */
@Module({
  imports: [EngineModule],
  providers: [{ provide: LIVE_STREAM_LIMITS, useValue: DEFAULT_LIVE_STREAM_LIMITS }, LiveGateway, AlertsGateway],
})
export class LiveSocketsModule {}
