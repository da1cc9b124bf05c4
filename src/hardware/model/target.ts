import type { ComponentName } from './component-report.js';

const TARGETS: Record<string, ComponentName> = { cpu: 'cpu', memory: 'memory', disk: 'disks', disks: 'disks' };

/** The component a /hardware/test target names (trimmed, any case; `disk` is `disks`), or undefined. */
export const parseTarget = (target: string): ComponentName | undefined =>
  Object.hasOwn(TARGETS, target.trim().toLowerCase()) ? TARGETS[target.trim().toLowerCase()] : undefined;

/** The earlier engine's message for an unknown target (the dashboard shows it). */
export const invalidTargetMessage = (target: string): string => `invalid hardware test target '${target}'; use cpu, memory, or disk`;
