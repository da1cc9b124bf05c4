import { type BeforeApplicationShutdown, type MessageEvent, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import { map, type Observable, Subject, takeUntil } from 'rxjs';
import { ApiController } from '../common/api-controller.decorator.js';
import { toWireJson, wireShapeOf } from '../common/wire.js';
import { StatusDto } from '../engine/dto/status.dto.js';
import { EngineEvents } from '../engine/engine-events.js';

// Beyond this many unsent characters Nest drops the SSE connection (a client that stopped reading).
const MAX_PENDING_CHARS = 1024 * 1024;
const STATUS_SHAPE = wireShapeOf(StatusDto);

/** Server-Sent Events twin of /ws/live for browsers (EventSource) and curl. */
@ApiController('status', 'live')
export class StatusStreamController implements BeforeApplicationShutdown {
  private readonly closing = new Subject<void>();

  constructor(private readonly events: EngineEvents) {}

  @Sse('stream', { maxPendingDataLength: MAX_PENDING_CHARS })
  @ApiOperation({
    summary: 'Live status as Server-Sent Events',
    description:
      'One `message` event per engine cycle; `data` is the GET /api/v1/status body as JSON and `id` its `engine.uptime_samples`. ' +
      'The same payload as the WebSocket /ws/live. Try: `curl -N http://127.0.0.1:8740/api/v1/status/stream`.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'an endless text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } })
  stream(): Observable<MessageEvent> {
    return this.events.cycles.pipe(
      // `data` as text: Nest would JSON.stringify an object and lose the number forms (SPEC §4).
      map(({ status }) => ({ id: String(status.engine.uptime_samples), data: toWireJson(status, STATUS_SHAPE) })),
      takeUntil(this.closing),
    );
  }

  // The HTTP server waits for open responses when it closes: end the streams before it does.
  beforeApplicationShutdown(): void {
    this.closing.next();
    this.closing.complete();
  }
}
