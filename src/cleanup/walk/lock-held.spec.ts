import { describe, expect, it } from '@jest/globals';
import { devParts, locksListFile } from './lock-held.js';

// /proc/locks as the kernel writes it: major:minor in hex, then the inode.
const LOCKS = `1: POSIX  ADVISORY  WRITE 1234 fd:01:1311 0 EOF
2: FLOCK  ADVISORY  WRITE 99 00:1a:77 0 EOF
2: -> FLOCK  ADVISORY  WRITE 100 08:02:4242 0 EOF
`;

describe('lock-held (apt holds /var/cache/apt/archives/lock while it runs)', () => {
  const dev = (major: number, minor: number) => (BigInt(major) << 8n) | BigInt(minor);

  it('splits st_dev into major and minor as glibc does', () => {
    expect(devParts(dev(0xfd, 1))).toEqual({ major: 0xfdn, minor: 1n });
    expect(devParts(2049n)).toEqual({ major: 8n, minor: 1n });
  });

  it.each([
    ['the held POSIX lock', dev(0xfd, 1), 1311n, true],
    ['a held flock', dev(0, 0x1a), 77n, true],
    ['only a waiter (->) on it', dev(8, 2), 4242n, false],
    ['the same inode on another device', dev(8, 1), 1311n, false],
    ['no lock', dev(0xfd, 1), 1312n, false],
  ])('%s', (_name, device, inode, held) => {
    expect(locksListFile(LOCKS, device, inode)).toBe(held);
  });
});
