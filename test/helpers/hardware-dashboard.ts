// What the dashboard's Hardware screen casts (dashboard/lib/screens/hardware_screen.dart): a value of
// another type would throw in Dart and blank the screen. Returns the fields that would.

type Kind = 'num' | 'String' | 'Map' | 'List' | 'bool' | 'any';

const fits = (value: unknown, kind: Kind): boolean => {
  if (value === undefined || value === null || kind === 'any') return true; // every cast is nullable (`as num?`)
  if (kind === 'num') return typeof value === 'number';
  if (kind === 'String') return typeof value === 'string';
  if (kind === 'bool') return typeof value === 'boolean';
  if (kind === 'List') return Array.isArray(value);
  return typeof value === 'object' && !Array.isArray(value);
};

function check(record: Record<string, unknown> | undefined, kinds: Record<string, Kind>, at: string): string[] {
  if (!record) return [];
  return Object.entries(kinds).flatMap(([key, kind]) => (fits(record[key], kind) ? [] : [`${at}.${key} is not ${kind}`]));
}

const COMPONENT: Record<string, Kind> = { status: 'String', metrics: 'Map', issues: 'List', items: 'List' };
const CPU_METRICS: Record<string, Kind> = {
  max_temp_c: 'num',
  freq_current_mhz: 'num',
  freq_max_mhz: 'num',
  freq_ratio: 'num',
  cores_physical: 'num',
  cores_logical: 'num',
  load_avg_pct: 'num',
  load_max_core_pct: 'num',
};
const MEMORY_METRICS: Record<string, Kind> = {
  total_bytes: 'num',
  used_bytes: 'num',
  percent: 'num',
  available_bytes: 'num',
  swap_percent: 'num',
  swap_total_bytes: 'num',
};
const MODULE: Record<string, Kind> = { slot: 'String', manufacturer: 'String', part_number: 'String', capacity_bytes: 'num' };
const PHYSICAL: Record<string, Kind> = { name: 'String', media_type: 'String', size_bytes: 'num', status: 'String', smart: 'Map', issues: 'List' };
const VOLUME: Record<string, Kind> = { mountpoint: 'String', fstype: 'String', total_bytes: 'num', free_bytes: 'num', free_percent: 'num', status: 'String' };

export function dashboardProblems(body: any): string[] {
  const problems = check(body, { ok: 'bool', overall: 'String', components: 'Map', error: 'String' }, '$');
  const { cpu, memory, disks } = body.components ?? {};
  problems.push(...check(cpu, COMPONENT, 'cpu'), ...check(memory, COMPONENT, 'memory'), ...check(disks, COMPONENT, 'disks'));
  problems.push(...check(cpu?.metrics, CPU_METRICS, 'cpu.metrics'), ...check(memory?.metrics, MEMORY_METRICS, 'memory.metrics'));
  (memory?.items ?? []).forEach((module: any, i: number) => problems.push(...check(module, MODULE, `memory.items[${i}]`)));
  (disks?.items ?? []).forEach((item: any, i: number) => {
    if (item.kind === 'physical') problems.push(...check(item, PHYSICAL, `disks.items[${i}]`));
    else if (item.kind === 'volume') problems.push(...check(item, VOLUME, `disks.items[${i}]`));
    else problems.push(`disks.items[${i}].kind is ${JSON.stringify(item.kind)}`);
  });
  for (const name of ['cpu', 'memory', 'disks']) if (!body.components?.[name]) problems.push(`components.${name} is missing`);
  return problems;
}
