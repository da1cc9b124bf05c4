import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseSmartctlInfo, parseSmartctlScan } from './smartctl.parser.js';

const FIXTURES = new URL('../../../test/fixtures/hardware/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

describe('parseSmartctlScan', () => {
  it('lists the devices with their -d type (constructed desktop scan)', () => {
    expect(parseSmartctlScan(fixture('smartctl-scan-open.desktop.json'))).toEqual([
      { name: '/dev/sda', type: 'sat', openError: null },
      { name: '/dev/sdb', type: 'scsi', openError: null },
      { name: '/dev/sdc', type: 'sat', openError: null },
      { name: '/dev/nvme0', type: 'nvme', openError: null },
    ]);
  });

  it('finds nothing on this VM (recorded: virtio disks are not listed)', () => {
    expect(parseSmartctlScan(fixture('smartctl-scan-open.vm.json'))).toEqual([]);
  });

  it('keeps open_error and falls back to info_name', () => {
    const text = JSON.stringify({ devices: [{ info_name: '/dev/sdb', type: 'scsi', open_error: 'Unknown USB bridge' }, { type: 'sat' }] });
    expect(parseSmartctlScan(text)).toEqual([{ name: '/dev/sdb', type: 'scsi', openError: 'Unknown USB bridge' }]);
  });

  it.each(['', 'not json', '{"devices": 3}'])('gives [] for %j', (text) => {
    expect(parseSmartctlScan(text)).toEqual([]);
  });
});

describe('parseSmartctlInfo', () => {
  it('a healthy SATA SSD: passed, attributes read, SSD on SATA', () => {
    expect(parseSmartctlInfo(fixture('smartctl-sata-healthy.json'))).toEqual({
      model: 'Samsung SSD 860 EVO 500GB',
      serial: 'S4XBNF0M812345Z',
      sizeBytes: 500107862016,
      mediaType: 'SSD',
      busType: 'SATA',
      smart: { source: 'smartctl', passed: true, attributes_present: true, temperature_c: 31, power_on_hours: 12873 },
      status: 'healthy',
      issues: [],
    });
  });

  it('a failing SATA HDD: critical, with the failing attribute, the counters and the self-test log (exit status 216)', () => {
    const disk = parseSmartctlInfo(fixture('smartctl-sata-failing.json'));
    expect(disk.status).toBe('critical');
    expect(disk.mediaType).toBe('HDD');
    expect(disk.smart.passed).toBe(false);
    expect(disk.issues).toEqual([
      'SMART overall: FAILED',
      'Reallocated_Sector_Ct is failing now',
      '2536 reallocated sectors',
      '24 sectors pending reallocation',
      '18 offline uncorrectable sectors',
      'self-test log records errors',
    ]);
  });

  it('a healthy NVMe SSD', () => {
    const disk = parseSmartctlInfo(fixture('smartctl-nvme.json'));
    expect(disk).toMatchObject({
      model: 'Samsung SSD 980 PRO 1TB',
      mediaType: 'SSD',
      busType: 'NVMe',
      sizeBytes: 1000204886016,
      status: 'healthy',
      issues: [],
    });
    expect(disk.smart).toEqual({ source: 'smartctl', passed: true, attributes_present: true, temperature_c: 38, power_on_hours: 6520 });
  });

  it('a degraded NVMe SSD: critical warning bits named, media errors and worn-out endurance', () => {
    const disk = parseSmartctlInfo(fixture('smartctl-nvme-degraded.json'));
    expect(disk.status).toBe('critical');
    expect(disk.issues).toEqual([
      'SMART overall: FAILED',
      'NVMe critical warning 0x04: reliability degraded',
      '37 media and data integrity errors',
      'rated endurance used up (104%)',
    ]);
  });

  it('a USB bridge without SMART: unknown, saying why', () => {
    expect(parseSmartctlInfo(fixture('smartctl-usb-no-smart.json'))).toMatchObject({
      status: 'unknown',
      issues: ['SMART unavailable: Unknown USB bridge [0x152d:0x0578 (0x205)]'],
      smart: { source: 'smartctl', passed: null, attributes_present: false },
    });
  });

  it('no permission: unknown, with a hint', () => {
    expect(parseSmartctlInfo(fixture('smartctl-permission-denied.json')).issues).toEqual([
      'SMART unavailable: Smartctl open device: /dev/sda failed: Permission denied (reading SMART needs root or administrator rights)',
    ]);
  });

  it('this VM\'s virtio disk (recorded): unknown, "Unable to detect device type"', () => {
    expect(parseSmartctlInfo(fixture('smartctl-vda.vm.json'))).toMatchObject({
      status: 'unknown',
      issues: ['SMART unavailable: Unable to detect device type'],
    });
  });

  it('no output at all: unknown', () => {
    expect(parseSmartctlInfo('')).toMatchObject({ status: 'unknown', issues: ['SMART unavailable: smartctl printed no JSON'] });
  });

  it('a readable device that does not report its status: unknown, "SMART status not reported"', () => {
    const text = JSON.stringify({ smartctl: { exit_status: 4 }, device: { type: 'sat', protocol: 'ATA' }, model_name: 'X' });
    expect(parseSmartctlInfo(text)).toMatchObject({ status: 'unknown', issues: ['SMART status not reported'] });
  });
});
