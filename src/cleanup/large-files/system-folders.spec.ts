import { describe, expect, it } from '@jest/globals';
import { isSystemFolder, systemFolders } from './system-folders.js';

describe('system folders the finder never enters', () => {
  it.each([
    ['linux', '/proc', true],
    ['linux', '/proc/1/fd', true],
    ['linux', '/usr/lib', true],
    ['linux', '/var/lib/dpkg', true],
    ['linux', '/procfs-notes', false],
    ['linux', '/home/u/usr', false],
    ['darwin', '/System/Library', true],
    ['darwin', '/system/library', true],
    ['darwin', '/Users/u', false],
    ['win32', 'C:\\Windows\\System32', true],
    ['win32', 'D:\\Program Files\\App', true],
    ['win32', 'E:\\$Recycle.Bin\\S-1', true],
    ['win32', 'C:\\Users\\u\\Videos', false],
  ] as [NodeJS.Platform, string, boolean][])('%s %s → %s', (platform, path, excluded) => {
    expect(isSystemFolder(path, platform, systemFolders(platform))).toBe(excluded);
  });
});
