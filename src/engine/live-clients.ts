import { Injectable } from '@nestjs/common';

export type LiveChannel = 'live' | 'alerts';

/** Connected live-stream clients per channel, counted for GET /health. */
@Injectable()
export class LiveClients {
  private readonly counts: Record<LiveChannel, number> = { live: 0, alerts: 0 };

  connected(channel: LiveChannel): void {
    this.counts[channel]++;
  }

  disconnected(channel: LiveChannel): void {
    this.counts[channel] = Math.max(0, this.counts[channel] - 1);
  }

  snapshot(): Record<LiveChannel, number> {
    return { ...this.counts };
  }
}
