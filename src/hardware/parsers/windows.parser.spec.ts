import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseWindowsDisks } from './windows-disks.parser.js';
import { parseWindowsCpu, parseWindowsMemory, thermalZoneCelsius } from './windows.parser.js';

const FIXTURES = new URL('../../../test/fixtures/hardware/windows/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

describe('Windows CPU (thermal zones + Win32_Processor)', () => {
  it('converts tenths of kelvin, drops impossible zones and keeps the hottest', () => {
    const facts = parseWindowsCpu(fixture('cpu.json'));
    expect(facts.maxTempC).toBeCloseTo(55.05, 5);
    expect(facts).toMatchObject({ coresPhysical: 6, freqCurrentMhz: 2592, freqMaxMhz: 2592 });
  });

  it('without admin the thermal query is empty: temperature null, clocks and cores still read', () => {
    expect(parseWindowsCpu(fixture('cpu-no-thermal.json'))).toEqual({ maxTempC: null, coresPhysical: 8, freqCurrentMhz: 3801, freqMaxMhz: 3801 });
  });

  it('no output (PowerShell missing or timed out): everything unknown', () => {
    expect(parseWindowsCpu('')).toEqual({ maxTempC: null, coresPhysical: 0, freqCurrentMhz: null, freqMaxMhz: null });
  });

  it.each([
    [2732, 0.05],
    [3232, 50.05],
  ])('%d tenths of kelvin is %d °C', (value, celsius) => {
    expect(thermalZoneCelsius(value)).toBeCloseTo(celsius, 5);
  });
});

describe('Windows memory (Win32_PhysicalMemory + Win32_PageFileUsage)', () => {
  it('maps module rows as the earlier engine does, and page files as swap', () => {
    const facts = parseWindowsMemory(fixture('memory.json'));
    expect(facts.modules[0]).toEqual({
      manufacturer: 'Samsung',
      part_number: 'M471A2K43DB1-CWE',
      capacity_bytes: 17179869184,
      speed_mhz: 3200,
      configured_speed_mhz: 2933,
      slot: 'DIMM 0',
      form_factor: 'FB-DIMM',
    });
    expect(facts.modules).toHaveLength(2);
    expect(facts.swap).toEqual({ totalBytes: 4864 * 1024 * 1024, usedBytes: 1310 * 1024 * 1024 });
  });

  it("Windows PowerShell 5.1 wrapped arrays and a VM's blank fields", () => {
    const facts = parseWindowsMemory(fixture('memory-ps51.json'));
    expect(facts.modules).toEqual([
      {
        manufacturer: 'Microsoft Corporation',
        part_number: null,
        capacity_bytes: 8589934592,
        speed_mhz: 0,
        configured_speed_mhz: 0,
        slot: 'M0001',
        form_factor: 'Unknown',
      },
    ]);
    expect(facts.swap).toEqual({ totalBytes: 0, usedBytes: 0 });
  });

  it('no output: no modules and swap unknown', () => {
    expect(parseWindowsMemory('')).toEqual({ modules: [], swap: null });
  });
});

describe('Windows disks (Get-PhysicalDisk + Get-StorageReliabilityCounter + Win32_LogicalDisk)', () => {
  it('grades HealthStatus, OperationalStatus and reliability counters', () => {
    const { physical, parsed } = parseWindowsDisks(fixture('disks.json'));
    expect(parsed).toBe(true);
    expect(physical[0]).toEqual({
      device_id: '0',
      name: 'Samsung SSD 970 EVO Plus 1TB',
      model: 'Samsung SSD 970 EVO Plus 1TB',
      serial: '0025_3852_1190_1234.',
      media_type: 'SSD',
      bus_type: 'NVMe',
      size_bytes: 1000204886016,
      smart: { source: 'Get-PhysicalDisk', health_status: 'Healthy', operational_status: 'OK', temperature_c: 41, wear_percent: 2 },
      status: 'healthy',
      issues: [],
    });
    expect(physical[1]).toMatchObject({
      media_type: 'HDD',
      bus_type: 'SATA',
      smart: { health_status: 'Warning', operational_status: 'Predictive Failure', temperature_c: null, wear_percent: null },
      status: 'warning',
      issues: ['HealthStatus reports Warning', 'Operational status: Predictive Failure', '12 uncorrected read errors'],
    });
  });

  it('volumes from Win32_LogicalDisk, with the free-space grade', () => {
    const { volumes } = parseWindowsDisks(fixture('disks.json'));
    expect(volumes.map((volume) => [volume.mountpoint, volume.fstype, volume.free_percent, volume.status, volume.issues])).toEqual([
      ['C:\\', 'NTFS', 41.3, 'healthy', []],
      ['D:\\', 'NTFS', 4.0, 'critical', ['Only 4% free']],
    ]);
    expect(volumes[0]).toMatchObject({ total_bytes: 999488663552, free_bytes: 412316860416, used_bytes: 999488663552 - 412316860416 });
  });

  it('numeric enums and single objects (ConvertTo-Json without [string])', () => {
    const { physical, volumes } = parseWindowsDisks(fixture('disks-numeric.json'));
    expect(physical).toEqual([
      expect.objectContaining({
        device_id: '0',
        media_type: null,
        bus_type: 'Virtual',
        serial: null,
        smart: expect.objectContaining({ health_status: 'Unknown', operational_status: 'OK' }),
        status: 'unknown',
        issues: [],
      }),
    ]);
    expect(volumes).toHaveLength(1);
    expect(volumes[0]).toMatchObject({ mountpoint: 'C:\\', free_percent: 3.9, status: 'critical' });
  });

  it('no JSON at all is reported as not parsed', () => {
    expect(parseWindowsDisks('Get-PhysicalDisk : Access denied')).toEqual({ physical: [], volumes: [], parsed: false });
  });
});
