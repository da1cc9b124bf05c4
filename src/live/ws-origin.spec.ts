import { describe, expect, it } from '@jest/globals';
import type { IncomingMessage } from 'node:http';
import { originAllowed } from './ws-origin.js';

const request = (origin?: string) => ({ headers: origin === undefined ? {} : { origin } }) as IncomingMessage;

describe('originAllowed', () => {
  it.each([
    [undefined, [], true],
    ['http://127.0.0.1:8740', [], true],
    ['http://localhost:5173', [], true],
    ['http://[::1]:8740', [], true],
    ['http://dashboard.localhost', [], true],
    ['https://127.0.0.2', [], true],
    ['http://evil.example', [], false],
    ['http://192.168.1.10:8740', [], false],
    ['null', [], false],
    ['file://', [], false],
    ['https://ops.example.com', ['https://ops.example.com'], true],
    ['https://ops.example.com:444', ['https://ops.example.com'], false],
  ])('origin %s with cors origins %j → %s', (origin, corsOrigins, allowed) => {
    expect(originAllowed(request(origin), corsOrigins)).toBe(allowed);
  });
});
