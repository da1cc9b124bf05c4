import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { alertThresholds } from '../engine/pipeline/alert-manager.js';
import { DEFAULT_PREFERENCES, canonicalProcessName, normalizePreferences } from './preferences.record.js';

const FIXTURE = new URL('../../test/fixtures/reference-datastore/config/user_preferences.json', import.meta.url);

describe('normalizePreferences', () => {
  it('has the SPEC defaults', () => {
    expect(DEFAULT_PREFERENCES).toEqual({
      alert_cpu_percent: 85,
      alert_memory_percent: 85,
      alert_disk_pressure: 80,
      safeguard_enabled: false,
      safeguard_process_names: [],
      anomaly_sensitivity: 'normal',
    });
  });

  it('loads the reference user_preferences.json unchanged', () => {
    const raw: unknown = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    expect(normalizePreferences(raw)).toEqual(raw);
  });

  it.each([null, 'text', 42, [], undefined])('a file holding %p gives the defaults', (raw) => {
    expect(normalizePreferences(raw)).toEqual(DEFAULT_PREFERENCES);
  });

  it.each([
    ['alert_cpu_percent', 0, 1],
    ['alert_cpu_percent', -20, 1],
    ['alert_cpu_percent', 150, 100],
    ['alert_cpu_percent', 72.5, 72.5],
    ['alert_cpu_percent', '90', 85],
    ['alert_cpu_percent', Number.NaN, 85],
    ['alert_memory_percent', 101, 100],
    ['alert_memory_percent', null, 85],
    ['alert_disk_pressure', 0.5, 1],
    ['alert_disk_pressure', true, 80],
    ['safeguard_enabled', true, true],
    ['safeguard_enabled', 'yes', false],
    ['safeguard_process_names', ['chrome.exe', ' code.exe ', '', 3, 'chrome.exe'], ['chrome.exe', 'code.exe']],
    ['safeguard_process_names', 'chrome.exe', ['chrome.exe']],
    ['safeguard_process_names', 'zsh;\nBash, ,bash', ['bash', 'zsh']],
    ['safeguard_process_names', 42, []],
    ['safeguard_enabled', 'false', false],
    ['safeguard_enabled', 'true', false],
    ['safeguard_enabled', 1, false],
    ['anomaly_sensitivity', 'strict', 'strict'],
    ['anomaly_sensitivity', 'lenient', 'lenient'],
    ['anomaly_sensitivity', 'paranoid', 'normal'],
    ['anomaly_sensitivity', 'constructor', 'normal'],
  ])('%s = %p loads as %p, the other keys untouched', (key, value, expected) => {
    const preferences = normalizePreferences({ alert_cpu_percent: 85, alert_memory_percent: 85, alert_disk_pressure: 80, [key]: value }, 'linux');
    expect(preferences).toEqual({ ...DEFAULT_PREFERENCES, [key]: expected });
  });

  // The earlier engine's tests/test_user_preferences.py, on Windows where its `.exe` rule applies.
  it('canonical names: `.exe` added on Windows, plain elsewhere', () => {
    expect(canonicalProcessName('Chrome', 'win32')).toBe('chrome.exe');
    expect(canonicalProcessName('foo.exe', 'win32')).toBe('foo.exe');
    expect(canonicalProcessName(' Chrome ', 'linux')).toBe('chrome');
    expect(canonicalProcessName('Foo.EXE', 'darwin')).toBe('foo.exe');
  });

  it.each([
    ['win32', ['a.exe', 'b.exe']],
    ['linux', ['a.exe', 'b']],
  ] as const)('from_dict coerces lists and bounds on %s (test_from_dict_coerces_lists_and_bounds)', (platform, names) => {
    const p = normalizePreferences({ alert_cpu_percent: 200, alert_memory_percent: 0, safeguard_process_names: 'a.exe, b', safeguard_enabled: true }, platform);
    expect(p.alert_cpu_percent).toBe(100);
    expect(p.alert_memory_percent).toBe(1);
    expect(p.safeguard_enabled).toBe(true);
    expect(p.safeguard_process_names).toEqual(names);
  });

  it('stores the earlier engine\'s example "Chrome;\\nfoo.exe, chrome.EXE" as ["chrome.exe","foo.exe"] on Windows', () => {
    expect(normalizePreferences({ safeguard_process_names: 'Chrome;\nfoo.exe, chrome.EXE' }, 'win32').safeguard_process_names).toEqual([
      'chrome.exe',
      'foo.exe',
    ]);
  });

  it('drops unknown keys and never shares the default list', () => {
    const preferences = normalizePreferences({ extra: 1 });
    expect(Object.keys(preferences)).toHaveLength(6);
    preferences.safeguard_process_names.push('x');
    expect(DEFAULT_PREFERENCES.safeguard_process_names).toEqual([]);
  });

  it('maps the thresholds onto resources', () => {
    expect(alertThresholds({ ...DEFAULT_PREFERENCES, alert_cpu_percent: 90, alert_disk_pressure: 95 })).toEqual({ cpu: 90, memory: 85, disk: 95 });
  });
});
