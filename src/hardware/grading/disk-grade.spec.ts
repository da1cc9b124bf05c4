import { describe, expect, it } from '@jest/globals';
import { disksReport, volumeRow, type PhysicalDisk } from './disk-grade.js';

const mount = { mountpoint: 'C:\\', device: 'C:\\', fstype: 'NTFS' };

describe('volumeRow', () => {
  it.each([
    [50, 'healthy', []],
    [15, 'warning', ['15% free']],
    [5, 'critical', ['Only 5% free']],
    [0, 'critical', ['Only 0% free']],
  ])('%d %% free → %s', (freePercent, status, issues) => {
    const row = volumeRow(mount, 1000, 1000 - freePercent * 10, freePercent * 10);
    expect(row.status).toBe(status);
    expect(row.issues).toEqual(issues);
  });

  it('free_percent is free_bytes / total_bytes, so it agrees with the bytes beside it (reserved blocks count as not free)', () => {
    // This VM's root: 270.6 GB, 25.2 GB used, 83.8 GB available to users (the earlier engine said 76.0 % free).
    const row = volumeRow({ mountpoint: '/', device: '/dev/vda', fstype: 'ext4' }, 270553174016, 25170157568, 83774136320);
    expect(row.free_percent).toBe(31.0);
  });
});

describe('disksReport', () => {
  const disk = (name: string, status: PhysicalDisk['status'], issues: string[] = []): PhysicalDisk => ({
    device_id: name,
    name,
    model: null,
    serial: null,
    media_type: null,
    bus_type: null,
    size_bytes: null,
    smart: { source: 'smartctl', passed: null, attributes_present: false },
    status,
    issues,
  });

  it('a critical volume makes the component critical; issues are prefixed; physical rows first (portable, unlike the earlier engine test)', () => {
    const report = disksReport([disk('Disk 0', 'healthy')], [volumeRow(mount, 1000, 970, 30)]);
    expect(report.status).toBe('critical');
    expect(report.metrics).toEqual({ physical_count: 1, volume_count: 1 });
    expect(report.issues).toEqual(['C:\\: Only 3% free']);
    expect(report.items.map((item) => item.kind)).toEqual(['physical', 'volume']);
  });

  it('nothing detected is unknown', () => {
    expect(disksReport([], []).status).toBe('unknown');
  });

  it('a component-level issue (no smartctl) counts as unknown and comes first', () => {
    const report = disksReport([], [volumeRow(mount, 1000, 500, 500)], ['SMART not checked: smartctl not found (install smartmontools)']);
    expect(report.status).toBe('unknown');
    expect(report.issues).toEqual(['SMART not checked: smartctl not found (install smartmontools)']);
  });

  it('an unreadable disk beside healthy volumes is unknown, with the disk named', () => {
    const report = disksReport([disk('/dev/vda', 'unknown', ['SMART unavailable: Unable to detect device type'])], [volumeRow(mount, 1000, 500, 500)]);
    expect(report.status).toBe('unknown');
    expect(report.issues).toEqual(['/dev/vda: SMART unavailable: Unable to detect device type']);
  });
});
