import { describe, expect, it } from '@jest/globals';
import { builtinCategories, osLabel } from './builtin-categories.js';

describe('built-in category tables (the earlier engine’s, with its mistakes fixed)', () => {
  it('Linux: APT is *.deb at the top of the archive only, skipped while apt holds its lock; the trash is its files/ with XDG semantics', () => {
    const table = builtinCategories('linux', '/home/u', {});
    expect(table.map((c) => c.id)).toEqual(['user_cache', 'trash', 'apt_cache', 'pip_cache', 'npm_cache', 'thumbnails']);
    expect(table.find((c) => c.id === 'apt_cache')).toMatchObject({
      roots: ['/var/cache/apt/archives'],
      extensions: ['.deb'],
      max_depth: 0,
      lock_file: '/var/cache/apt/archives/lock',
      requires_admin: true,
    });
    expect(table.find((c) => c.id === 'trash')).toMatchObject({ roots: ['/home/u/.local/share/Trash/files'], trash: 'xdg' });
    expect(builtinCategories('linux', '/home/u', { xdgDataHome: '/data' }).find((c) => c.id === 'trash')?.roots).toEqual(['/data/Trash/files']);
  });

  it('Windows: Firefox is the local profiles’ cache2 only, never the roaming profile; TEMP and TMP are both listed (the loader walks a shared folder once)', () => {
    const table = builtinCategories('win32', 'C:\\Users\\u', {
      appData: 'C:\\Users\\u\\AppData\\Roaming',
      localAppData: 'C:\\Users\\u\\AppData\\Local',
      temp: 'C:\\T',
      tmp: 'C:\\T',
    });
    const firefox = table.find((c) => c.id === 'firefox_cache')!;
    expect(firefox.roots).toEqual(['C:\\Users\\u\\AppData\\Local\\Mozilla\\Firefox\\Profiles\\*\\cache2']);
    expect(table.flatMap((c) => c.roots).some((root) => root.includes('Roaming\\Mozilla'))).toBe(false);
    expect(table.find((c) => c.id === 'user_temp')).toMatchObject({ roots: ['C:\\T', 'C:\\T'], min_age_days: 1 });
    expect(table.find((c) => c.id === 'windows_temp')).toMatchObject({ roots: ['C:\\Windows\\Temp'], min_age_days: 2, requires_admin: true });
  });

  it('macOS: ~/.Trash with the mac trash kind; an unknown OS has no table', () => {
    expect(builtinCategories('darwin', '/Users/u', {}).find((c) => c.id === 'trash')).toMatchObject({ roots: ['/Users/u/.Trash'], trash: 'mac' });
    expect(builtinCategories('aix', '/home/u', {})).toEqual([]);
    expect([osLabel('win32'), osLabel('darwin'), osLabel('linux')]).toEqual(['windows', 'macos', 'linux']);
  });
});
