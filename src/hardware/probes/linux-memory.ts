// Memory-controller error counts and DIMMs from EDAC (/sys/devices/system/edac/mc), where the kernel has a driver.
import type { MemoryModule } from '../grading/memory-grade.js';
import type { HardwareHost } from '../host/hardware-host.js';
import { listMatching, mapInOrder, readNumber, readTrimmed } from './host-reads.js';

const EDAC = '/sys/devices/system/edac/mc';
const MIB = 1024 * 1024;

export interface EdacFacts {
  correctedErrors: number | null;
  uncorrectedErrors: number | null;
  modules: MemoryModule[];
}

async function dimm(host: HardwareHost, dir: string, fallbackSlot: string): Promise<MemoryModule> {
  const sizeMib = await readNumber(host, `${dir}/size`);
  return {
    manufacturer: null,
    part_number: null,
    capacity_bytes: sizeMib ? sizeMib * MIB : null,
    speed_mhz: null,
    configured_speed_mhz: null,
    slot: (await readTrimmed(host, `${dir}/dimm_label`)) ?? fallbackSlot,
    form_factor: null,
    memory_type: (await readTrimmed(host, `${dir}/dimm_mem_type`)) ?? null,
    corrected_errors: (await readNumber(host, `${dir}/dimm_ce_count`)) ?? null,
    uncorrected_errors: (await readNumber(host, `${dir}/dimm_ue_count`)) ?? null,
  };
}

/** EDAC totals and DIMM rows; nulls and no rows when there is no EDAC driver (most desktops and VMs). */
export async function readEdac(host: HardwareHost): Promise<EdacFacts> {
  const controllers = await listMatching(host, EDAC, /^mc\d+$/);
  let corrected: number | null = null;
  let uncorrected: number | null = null;
  const modules: MemoryModule[] = [];
  for (const mc of controllers) {
    const ce = await readNumber(host, `${EDAC}/${mc}/ce_count`);
    const ue = await readNumber(host, `${EDAC}/${mc}/ue_count`);
    if (ce !== undefined) corrected = (corrected ?? 0) + ce;
    if (ue !== undefined) uncorrected = (uncorrected ?? 0) + ue;
    const dimms = await listMatching(host, `${EDAC}/${mc}`, /^(dimm|rank)\d+$/);
    modules.push(...(await mapInOrder(dimms, (name) => dimm(host, `${EDAC}/${mc}/${name}`, `${mc}/${name}`))));
  }
  return { correctedErrors: corrected, uncorrectedErrors: uncorrected, modules };
}
