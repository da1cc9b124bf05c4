import { describe, expect, it } from '@jest/globals';
import { isDenied } from './deny-list.js';
import { matchesSafeguard, safeguardTargets } from './safeguard-names.js';

describe('safeguard names', () => {
  // The earlier engine's verified examples (stored names Chrome, foo.EXE, bar).
  const targets = safeguardTargets(['Chrome', 'foo.EXE', 'bar', '  ']);

  it.each([
    ['chrome', true],
    ['CHROME.EXE', true],
    ['foo', true],
    ['bar.exe', true],
    ['chrome_crashpad', false],
    ['Chrome Helper', false],
    ['baz', false],
    ['', false],
  ])('%j matches: %s', (name, expected) => {
    expect(matchesSafeguard(name, targets)).toBe(expected);
  });
});

describe('deny-list', () => {
  it.each([
    ['systemd', 'linux', true],
    ['sshd', 'linux', true],
    ['Xorg', 'linux', true],
    ['node', 'linux', false],
    ['LSASS.EXE', 'win32', true],
    ['csrss', 'win32', true],
    ['chrome.exe', 'win32', false],
    ['launchd', 'darwin', true],
    ['WindowServer', 'darwin', true],
    ['systemd', 'darwin', false],
    ['lsass.exe', 'aix', true],
  ] as const)('%s on %s: %s', (name, platform, denied) => {
    expect(isDenied(name, platform)).toBe(denied);
  });
});
