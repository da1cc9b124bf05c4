// The Windows probes' PowerShell output (CIM and Storage cmdlets through ConvertTo-Json), see probes/windows.scripts.ts.
import type { MemoryModule } from '../grading/memory-grade.js';
import { numberOf, objectOf, parseJsonOutput, rows, scalars, textOf } from './json-output.js';

const MIB = 1024 * 1024;

export interface WindowsCpuFacts {
  maxTempC: number | null;
  coresPhysical: number;
  freqCurrentMhz: number | null;
  freqMaxMhz: number | null;
}

/** MSAcpi_ThermalZoneTemperature reads in tenths of kelvin; readings outside -20..130 °C are bogus zones. */
export const thermalZoneCelsius = (tenthsKelvin: number): number => tenthsKelvin / 10 - 273.15;

export function parseWindowsCpu(text: string): WindowsCpuFacts {
  const output = objectOf(parseJsonOutput(text));
  const temps = scalars(output.thermal)
    .flatMap((value) => numberOf(value) ?? [])
    .map(thermalZoneCelsius)
    .filter((celsius) => celsius > -20 && celsius < 130);
  const processors = rows(output.processors);
  const current = processors.flatMap((cpu) => numberOf(cpu.CurrentClockSpeed) || []);
  const max = processors.flatMap((cpu) => numberOf(cpu.MaxClockSpeed) || []);
  return {
    maxTempC: temps.length > 0 ? Math.max(...temps) : null,
    coresPhysical: processors.reduce((sum, cpu) => sum + (numberOf(cpu.NumberOfCores) ?? 0), 0),
    freqCurrentMhz: current.length > 0 ? current.reduce((a, b) => a + b, 0) / current.length : null,
    freqMaxMhz: max.length > 0 ? Math.max(...max) : null,
  };
}

// Win32_PhysicalMemory.FormFactor (learn.microsoft.com, win32-physicalmemory), as the earlier engine maps it.
const FORM_FACTORS: Record<number, string> = { 0: 'Unknown', 8: 'DIMM', 9: 'SODIMM', 12: 'FB-DIMM', 13: 'DIMM', 15: 'DIMM', 20: 'DIMM' };

function memoryModule(row: Record<string, unknown>): MemoryModule {
  const formFactor = numberOf(row.FormFactor) ?? 0;
  return {
    manufacturer: textOf(row.Manufacturer),
    part_number: textOf(row.PartNumber),
    capacity_bytes: numberOf(row.Capacity) || null,
    speed_mhz: numberOf(row.Speed) ?? null,
    configured_speed_mhz: numberOf(row.ConfiguredClockSpeed) ?? null,
    slot: textOf(row.DeviceLocator),
    form_factor: FORM_FACTORS[formFactor] ?? null,
  };
}

export interface WindowsMemoryFacts {
  modules: MemoryModule[];
  /** Page files as swap (Win32_PageFileUsage, MB); null when the query gave nothing. */
  swap: { totalBytes: number; usedBytes: number } | null;
}

export function parseWindowsMemory(text: string): WindowsMemoryFacts {
  const parsed = parseJsonOutput(text);
  if (parsed === undefined) return { modules: [], swap: null };
  const output = objectOf(parsed);
  const pageFiles = rows(output.page_files);
  return {
    modules: rows(output.modules).map(memoryModule),
    swap: {
      totalBytes: pageFiles.reduce((sum, file) => sum + (numberOf(file.AllocatedBaseSize) ?? 0), 0) * MIB,
      usedBytes: pageFiles.reduce((sum, file) => sum + (numberOf(file.CurrentUsage) ?? 0), 0) * MIB,
    },
  };
}
