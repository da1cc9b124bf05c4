import { posix, win32 } from 'node:path';

// Folders the finder never enters, even under an allowed root (e.g. SENTRACORE_LARGE_FILES_ROOTS=/):
// kernel and device trees, the OS itself, package-manager state. Matched on real paths.
const LINUX = ['/proc', '/sys', '/dev', '/run', '/snap', '/boot', '/usr', '/etc', '/var/lib', '/var/run', '/var/lock', '/lost+found'];
const MACOS = ['/System', '/private/var', '/usr', '/dev', '/Library/Caches', '/cores', '/Volumes/Recovery'];

export function systemFolders(platform: NodeJS.Platform, winDir = 'C:\\Windows'): string[] {
  if (platform === 'darwin') return MACOS;
  if (platform === 'win32') return [winDir];
  return LINUX;
}

// Every drive's own system folders on Windows, whatever its letter.
const WINDOWS_ANY_DRIVE = /^[a-z]:\\(program files|program files \(x86\)|programdata|\$recycle\.bin|system volume information|recovery)(\\|$)/i;

/** `path` (real) is a system folder or inside one. */
export function isSystemFolder(path: string, platform: NodeJS.Platform, folders: string[]): boolean {
  const fold = platform === 'win32' || platform === 'darwin';
  const sep = platform === 'win32' ? win32.sep : posix.sep;
  const p = fold ? path.toLowerCase() : path;
  if (platform === 'win32' && WINDOWS_ANY_DRIVE.test(path)) return true;
  return folders.some((folder) => {
    const f = fold ? folder.toLowerCase() : folder;
    return p === f || p.startsWith(f.endsWith(sep) ? f : f + sep);
  });
}
