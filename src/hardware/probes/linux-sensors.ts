// CPU temperatures on Linux: hwmon sensors (as psutil's sensors_temperatures), thermal zones when there are none.
import type { TemperatureSensor } from '../grading/cpu-grade.js';
import type { HardwareHost } from '../host/hardware-host.js';
import { listMatching, mapInOrder, readNumber, readTrimmed } from './host-reads.js';

const HWMON = '/sys/class/hwmon';
const THERMAL = '/sys/class/thermal';
/** Chips whose readings are the CPU's (the earlier engine's list, plus Intel's package zone). */
const CPU_CHIPS = ['coretemp', 'k10temp', 'cpu', 'zenpower', 'x86_pkg_temp'];

const celsius = (milli: number | undefined): number | null => (milli === undefined ? null : milli / 1000);

async function hwmonChip(host: HardwareHost, dir: string): Promise<TemperatureSensor[]> {
  // Older drivers keep the attributes under device/.
  let base = dir;
  let inputs = await listMatching(host, base, /^temp\d+_input$/);
  if (inputs.length === 0) {
    base = `${dir}/device`;
    inputs = await listMatching(host, base, /^temp\d+_input$/);
  }
  const chip = (await readTrimmed(host, `${dir}/name`)) ?? (await readTrimmed(host, `${dir}/device/name`)) ?? dir.split('/').pop()!;
  return mapInOrder(inputs, async (input) => {
    const prefix = `${base}/${input.replace(/_input$/, '')}`;
    return {
      chip,
      label: (await readTrimmed(host, `${prefix}_label`)) ?? '',
      current_c: celsius(await readNumber(host, `${prefix}_input`)),
      high_c: celsius(await readNumber(host, `${prefix}_max`)),
      critical_c: celsius(await readNumber(host, `${prefix}_crit`)),
    };
  });
}

async function thermalZone(host: HardwareHost, dir: string): Promise<TemperatureSensor> {
  const trips = await listMatching(host, dir, /^trip_point_\d+_type$/);
  let high: number | null = null;
  let critical: number | null = null;
  for (const trip of trips) {
    const type = await readTrimmed(host, `${dir}/${trip}`);
    const temp = celsius(await readNumber(host, `${dir}/${trip.replace(/_type$/, '_temp')}`));
    if (type === 'critical') critical = temp;
    if (type === 'hot') high = temp;
  }
  return {
    chip: (await readTrimmed(host, `${dir}/type`)) ?? dir.split('/').pop()!,
    label: '',
    current_c: celsius(await readNumber(host, `${dir}/temp`)),
    high_c: high,
    critical_c: critical,
  };
}

/** Every temperature sensor, and the highest current reading among the CPU's (null when none). */
export async function readTemperatures(host: HardwareHost): Promise<{ maxTempC: number | null; sensors: TemperatureSensor[] }> {
  const chips = await listMatching(host, HWMON, /^hwmon\d+$/);
  let sensors = (await mapInOrder(chips, (chip) => hwmonChip(host, `${HWMON}/${chip}`))).flat();
  if (sensors.length === 0) {
    const zones = await listMatching(host, THERMAL, /^thermal_zone\d+$/);
    sensors = await mapInOrder(zones, (zone) => thermalZone(host, `${THERMAL}/${zone}`));
  }
  const cpuReadings = sensors
    .filter((sensor) => CPU_CHIPS.some((key) => sensor.chip.toLowerCase().includes(key)))
    .flatMap((sensor) => (sensor.current_c === null ? [] : [sensor.current_c]));
  return { maxTempC: cpuReadings.length > 0 ? Math.max(...cpuReadings) : null, sensors };
}
