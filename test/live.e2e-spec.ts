import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../src/common/manual-clock.fixture.js';
import { createListeningApp, eventually, RecordingSocket, type ListeningApp } from './helpers/listening-app.js';

// SPEC §4 live streams: /ws/live, /ws/alerts and GET /api/v1/status/stream, with real clients.

const HOT = [{ cpu: { percent: 99 } }]; // cpu pressure past the 85 % alert threshold every cycle

describe('live streams (e2e, real WebSocket and SSE clients)', () => {
  let root: string;
  let live: ListeningApp;
  const clock = new ManualClock(Date.UTC(2026, 10, 27, 9, 0, 0));
  const sockets: RecordingSocket[] = [];
  const open = async (path: string, headers?: Record<string, string>) => {
    const socket = await RecordingSocket.open(`ws://127.0.0.1:${live.port}${path}`, headers);
    sockets.push(socket);
    return socket;
  };
  const get = async (path: string) => (await fetch(live.baseUrl + path)).json() as Promise<Record<string, any>>;
  const clients = async () => (await get('/api/v1/health')).websocket_clients as { live: number; alerts: number };
  const cycle = async () => {
    clock.advance(2000);
    await live.engine.runCycle();
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sentracore-live-'));
    live = await createListeningApp(root, { script: HOT, clock });
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await eventually('clients to leave', async () => (await clients()).live + (await clients()).alerts === 0);
  });
  afterAll(async () => {
    await live.app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('/ws/live sends the GET /api/v1/status body once per cycle', async () => {
    const socket = await open('/ws/live');
    await eventually('the health count', async () => (await clients()).live === 1);
    for (let i = 0; i < 3; i++) {
      await cycle();
      await eventually(`message ${i + 1}`, () => socket.messages.length === i + 1);
      expect(socket.json(i)).toEqual(await get('/api/v1/status'));
    }
    const samples = socket.messages.map((_, i) => socket.json<{ engine: { uptime_samples: number } }>(i).engine.uptime_samples);
    expect(samples).toEqual([samples[0], samples[0] + 1, samples[0] + 2]);
  });

  it('/ws/alerts sends each fired alert as the full object GET /api/v1/alerts lists', async () => {
    const socket = await open('/ws/alerts');
    const before = (await get('/api/v1/alerts')).alerts.length as number;
    for (let i = 0; i < 12 && (await get('/api/v1/alerts')).alerts.length === before; i++) await cycle();
    const alerts = (await get('/api/v1/alerts')).alerts as Record<string, unknown>[];
    expect(alerts.length).toBe(before + 1);
    await eventually('the alert message', () => socket.messages.length === 1);
    expect(socket.json(0)).toEqual(alerts[0]);
    expect(socket.json(0)).toMatchObject({ level: expect.any(String), message: expect.any(String), root_cause: { primary_bottleneck: 'cpu' } });
  });

  it('GET /api/v1/health counts connected clients per channel, and forgets them when they leave', async () => {
    const a = await open('/ws/live');
    await open('/ws/live');
    await open('/ws/alerts');
    await eventually('2 live + 1 alerts', async () => JSON.stringify(await clients()) === JSON.stringify({ live: 2, alerts: 1 }));
    a.close();
    await eventually('1 live + 1 alerts', async () => JSON.stringify(await clients()) === JSON.stringify({ live: 1, alerts: 1 }));
  });

  it('refuses a handshake from a foreign web origin (code 1008) and accepts loopback origins', async () => {
    const foreign = await open('/ws/live', { Origin: 'http://evil.example' });
    expect(await foreign.closed).toEqual({ code: 1008, reason: 'origin not allowed' });
    const local = await open('/ws/live', { Origin: 'http://localhost:5173' });
    await eventually('the loopback client counted', async () => (await clients()).live === 1);
    await cycle();
    await eventually('a message to the loopback client', () => local.messages.length === 1);
  });

  it('GET /api/v1/status/stream serves the same payload as Server-Sent Events and lets go on disconnect', async () => {
    const observers = () => live.events.cycles.observers.length;
    const idle = observers();
    const abort = new AbortController();
    const response = await fetch(`${live.baseUrl}/api/v1/status/stream`, { signal: abort.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('cache-control')).toMatch(/no-cache/);
    await eventually('the stream to subscribe', () => observers() === idle + 1);
    const reader = response.body!.getReader();
    let text = '';
    for (let i = 0; i < 2; i++) {
      await cycle();
      while (text.split('\n\n').length < i + 2) text += new TextDecoder().decode((await reader.read()).value);
    }
    const events = text
      .split('\n\n')
      .filter(Boolean)
      .map((block) => Object.fromEntries(block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)])));
    expect(events).toHaveLength(2);
    const status = await get('/api/v1/status');
    expect(JSON.parse(events[1].data)).toEqual(status);
    expect(events.map((e) => Number(e.id))).toEqual([status.engine.uptime_samples - 1, status.engine.uptime_samples]);
    abort.abort();
    await eventually('the stream to unsubscribe after the client left', () => observers() === idle);
  });
});
