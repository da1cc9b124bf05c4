// Critical system processes that no action may touch, per OS (docs/process-control.md lists them).
// Ending one logs the user out, freezes the desktop, drops remote sessions or crashes the machine.

const LINUX = [
  'init',
  'systemd',
  'kthreadd',
  'systemd-journald',
  'systemd-udevd',
  'udevd',
  'systemd-logind',
  'systemd-resolved',
  'systemd-networkd',
  'systemd-timesyncd',
  'dbus-daemon',
  'dbus-broker',
  'dbus-broker-launch',
  'polkitd',
  'sshd',
  'login',
  'agetty',
  'getty',
  'Xorg',
  'Xwayland',
  'gnome-shell',
  'gnome-session-binary',
  'kwin_wayland',
  'kwin_x11',
  'plasmashell',
  'gdm',
  'gdm3',
  'gdm-session-worker',
  'sddm',
  'lightdm',
  'NetworkManager',
  'wpa_supplicant',
  'auditd',
  'rsyslogd',
];

const DARWIN = [
  'kernel_task',
  'launchd',
  'WindowServer',
  'loginwindow',
  'logd',
  'configd',
  'coreservicesd',
  'opendirectoryd',
  'securityd',
  'syslogd',
  'notifyd',
  'distnoted',
  'cfprefsd',
  'UserEventAgent',
  'powerd',
  'diskarbitrationd',
  'kextd',
  'mds',
  'sshd',
  'trustd',
  'fseventsd',
  'Dock',
  'Finder',
  'SystemUIServer',
];

const WINDOWS = [
  'System',
  'System Idle Process',
  'Idle',
  'Registry',
  'Secure System',
  'Memory Compression',
  'smss.exe',
  'csrss.exe',
  'wininit.exe',
  'winlogon.exe',
  'services.exe',
  'lsass.exe',
  'lsaiso.exe',
  'svchost.exe',
  'dwm.exe',
  'explorer.exe',
  'fontdrvhost.exe',
  'LogonUI.exe',
  'sihost.exe',
  'ctfmon.exe',
  'MsMpEng.exe',
  'spoolsv.exe',
  'taskhostw.exe',
  'conhost.exe',
];

export const DENY_LIST: Readonly<Record<'linux' | 'darwin' | 'win32', readonly string[]>> = { linux: LINUX, darwin: DARWIN, win32: WINDOWS };

/** Lower case, one trailing `.exe` folded away: `Chrome.EXE`, `chrome.exe` and `chrome` compare equal. */
export function foldName(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.endsWith('.exe') ? lower.slice(0, -4) : lower;
}

const FOLDED = new Map(Object.entries(DENY_LIST).map(([os, names]) => [os, new Set(names.map(foldName))]));

/** The deny-list of `platform` (Android and the BSDs use Linux's; an unknown OS all of them). */
export function isDenied(name: string, platform: NodeJS.Platform): boolean {
  const key = platform === 'android' ? 'linux' : platform === 'freebsd' || platform === 'openbsd' ? 'linux' : platform;
  const lists = FOLDED.has(key) ? [FOLDED.get(key)!] : [...FOLDED.values()];
  return lists.some((list) => list.has(foldName(name)));
}
