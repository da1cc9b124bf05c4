import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { WebSocket } from 'ws';
import { LiveClients } from '../engine/live-clients.js';
import { LiveChannelHub } from './live-channel.hub.js';

class FakeSocket extends EventEmitter {
  readyState: number = WebSocket.OPEN;
  bufferedAmount = 0;
  sent: string[] = [];
  pings = 0;
  terminated = false;
  closedWith?: [number, string];
  send(text: string) {
    this.sent.push(text);
  }
  ping() {
    this.pings++;
  }
  terminate() {
    this.terminated = true;
    this.readyState = WebSocket.CLOSED;
  }
  close(code: number, reason: string) {
    this.closedWith = [code, reason];
  }
}

const asWs = (socket: FakeSocket) => socket as unknown as WebSocket;
const request = (origin?: string) => ({ headers: origin ? { origin } : {} }) as IncomingMessage;

describe('LiveChannelHub', () => {
  const counter = new LiveClients();
  let hub: LiveChannelHub;
  beforeAll(() => Logger.overrideLogger(false)); // the drop warnings are expected here
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']));
  afterEach(() => hub.stop());
  const make = (maxBufferedBytes = 1000, heartbeatIntervalMs = 1000) =>
    (hub = new LiveChannelHub('live', { maxBufferedBytes, heartbeatIntervalMs }, counter, []));

  it('counts accepted sockets and forgets each once', () => {
    make();
    const [a, b] = [new FakeSocket(), new FakeSocket()];
    hub.accept(asWs(a), request());
    hub.accept(asWs(b), request('http://localhost:3000'));
    expect(counter.snapshot().live).toBe(2);
    hub.remove(asWs(a));
    hub.remove(asWs(a));
    expect(counter.snapshot().live).toBe(1);
    hub.remove(asWs(b));
  });

  it('closes a foreign-origin socket with 1008 without counting it', () => {
    make();
    const socket = new FakeSocket();
    hub.accept(asWs(socket), request('http://evil.example'));
    expect(socket.closedWith).toEqual([1008, 'origin not allowed']);
    expect(hub.size).toBe(0);
  });

  it('serialises once, sends to open sockets, and terminates one whose buffer is past the cap', () => {
    make(1000);
    const [fast, slow, closing] = [new FakeSocket(), new FakeSocket(), new FakeSocket()];
    for (const s of [fast, slow, closing]) hub.accept(asWs(s), request());
    slow.bufferedAmount = 1001;
    closing.readyState = WebSocket.CLOSING;
    const payload = jest.fn(() => '{"n":1}');
    hub.broadcast(payload);
    expect(payload).toHaveBeenCalledTimes(1);
    expect(fast.sent).toEqual(['{"n":1}']);
    expect(slow.sent).toEqual([]);
    expect(slow.terminated).toBe(true);
    expect(closing.sent).toEqual([]);
    expect(hub.size).toBe(2);
    hub.remove(asWs(fast));
    hub.remove(asWs(closing));
  });

  it('does not serialise when nobody listens', () => {
    make();
    const payload = jest.fn(() => '{}');
    hub.broadcast(payload);
    expect(payload).not.toHaveBeenCalled();
  });

  it('pings every interval and terminates a socket that did not answer the previous ping', () => {
    jest.useFakeTimers();
    try {
      make(1000, 100);
      const [answering, silent] = [new FakeSocket(), new FakeSocket()];
      hub.accept(asWs(answering), request());
      hub.accept(asWs(silent), request());
      hub.start();
      jest.advanceTimersByTime(100); // first sweep: both pinged
      expect([answering.pings, silent.pings]).toEqual([1, 1]);
      answering.emit('pong');
      jest.advanceTimersByTime(100); // second sweep: the silent one is dropped
      expect(silent.terminated).toBe(true);
      expect(answering.terminated).toBe(false);
      expect(answering.pings).toBe(2);
      expect(hub.size).toBe(1);
      hub.remove(asWs(answering));
    } finally {
      jest.useRealTimers();
    }
  });
});
