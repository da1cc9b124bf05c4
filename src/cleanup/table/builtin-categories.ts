import { posix, win32 } from 'node:path';
import type { CleanupOptions } from '../../config/sentra-core-options.js';
import type { CategorySpec } from './category.js';

// The earlier engine's per-OS tables with its mistakes fixed (docs/cleanup.md "Built-in categories"):
// Firefox is its cache2 folders only, APT is *.deb at the top of the archive and waits for apt's lock,
// the trash categories are emptied with their trash's own bookkeeping, and overlapping roots are
// walked once (nested roots belong to the inner category; see category-table.ts).

type Folders = CleanupOptions['folders'];

const row = (id: string, label: string, description: string, roots: (string | undefined)[], extra: Partial<CategorySpec> = {}): CategorySpec => ({
  id,
  label,
  description,
  roots: roots.filter((root): root is string => Boolean(root)),
  min_age_days: 0,
  requires_admin: false,
  ...extra,
});

export function linuxCategories(home: string, folders: Folders): CategorySpec[] {
  const j = posix.join;
  const dataHome = folders.xdgDataHome ?? j(home, '.local', 'share');
  return [
    row('user_cache', 'User cache (~/.cache)', 'Application caches under your home directory.', [j(home, '.cache')]),
    row('trash', 'Trash', 'Items in your trash bin, emptied as the desktop does (files and their .trashinfo together).', [j(dataHome, 'Trash', 'files')], {
      trash: 'xdg',
    }),
    row('apt_cache', 'APT archives', 'Downloaded .deb packages (apt-get clean territory); skipped while apt runs.', ['/var/cache/apt/archives'], {
      requires_admin: true,
      extensions: ['.deb'],
      max_depth: 0,
      lock_file: '/var/cache/apt/archives/lock',
    }),
    row('pip_cache', 'pip cache', 'Pip downloads; safe to remove.', [j(home, '.cache', 'pip')]),
    row('npm_cache', 'npm cache', 'npm package cache.', [j(home, '.npm', '_cacache')]),
    row('thumbnails', 'Thumbnail cache', 'GTK / GNOME thumbnail cache.', [j(home, '.cache', 'thumbnails')]),
  ];
}

export function macosCategories(home: string): CategorySpec[] {
  const j = posix.join;
  return [
    row('user_cache', 'User caches (~/Library/Caches)', 'Application caches under your home Library folder.', [j(home, 'Library', 'Caches')]),
    row('trash', 'Trash', 'Items in ~/.Trash, emptied for good.', [j(home, '.Trash')], { trash: 'mac' }),
    row('xcode_derived', 'Xcode DerivedData', 'Xcode build intermediates; safe to remove between builds.', [
      j(home, 'Library', 'Developer', 'Xcode', 'DerivedData'),
    ]),
    row('pip_cache', 'pip cache', 'Pip downloads; safe to remove.', [j(home, 'Library', 'Caches', 'pip')]),
    row('npm_cache', 'npm cache', 'npm package cache.', [j(home, '.npm', '_cacache')]),
  ];
}

/**
 * Windows. Firefox's HTTP cache lives in the *local* profile folders (`…\Profiles\<profile>\cache2`);
 * the roaming profile (bookmarks, logins) is never a root. `<profile>` is expanded by the loader.
 */
export function windowsCategories(home: string, folders: Folders): CategorySpec[] {
  const j = win32.join;
  const local = folders.localAppData ?? j(home, 'AppData', 'Local');
  const roaming = folders.appData ?? j(home, 'AppData', 'Roaming');
  const winDir = folders.winDir ?? 'C:\\Windows';
  const chrome = j(local, 'Google', 'Chrome', 'User Data', 'Default');
  const edge = j(local, 'Microsoft', 'Edge', 'User Data', 'Default');
  return [
    row('user_temp', 'User temporary files', 'Files in your user TEMP folder, older than 1 day.', [folders.temp, folders.tmp ?? j(local, 'Temp')], {
      min_age_days: 1,
    }),
    row('windows_temp', 'Windows Temp folder', 'Windows-wide temporary files older than 2 days; files in use are skipped.', [j(winDir, 'Temp')], {
      min_age_days: 2,
      requires_admin: true,
    }),
    row('chrome_cache', 'Chrome cache', 'Google Chrome HTTP cache (does not touch cookies or history).', [j(chrome, 'Cache'), j(chrome, 'Code Cache')]),
    row('edge_cache', 'Microsoft Edge cache', 'Microsoft Edge HTTP cache.', [j(edge, 'Cache'), j(edge, 'Code Cache')]),
    row('firefox_cache', 'Firefox cache', 'Mozilla Firefox HTTP cache (cache2 only; profiles, bookmarks and logins are never touched).', [
      j(local, 'Mozilla', 'Firefox', 'Profiles', '*', 'cache2'),
    ]),
    row('pip_cache', 'pip wheel cache', 'Pip downloads; safe to remove (will redownload on next install).', [j(local, 'pip', 'Cache')]),
    row('npm_cache', 'npm cache', 'npm package cache.', [j(roaming, 'npm-cache', '_cacache'), j(home, '.npm', '_cacache')]),
    row('yarn_cache', 'Yarn cache', 'Yarn classic + Berry caches.', [j(local, 'Yarn', 'Cache')]),
    row('vscode_cache', 'VS Code derived data', 'VS Code generated caches (does not touch settings).', [
      j(roaming, 'Code', 'CachedData'),
      j(roaming, 'Code', 'Code Cache'),
      j(roaming, 'Code', 'GPUCache'),
    ]),
  ];
}

/** The built-in table of this OS; an OS without one has no categories. */
export function builtinCategories(platform: NodeJS.Platform, home: string, folders: Folders): CategorySpec[] {
  if (platform === 'linux') return linuxCategories(home, folders);
  if (platform === 'darwin') return macosCategories(home);
  if (platform === 'win32') return windowsCategories(home, folders);
  return [];
}

/** The OS label of the earlier engine's answers. */
export function osLabel(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'windows' : platform === 'darwin' ? 'macos' : platform;
}
