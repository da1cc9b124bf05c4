/** The history fields the charts draw. */
export interface SampleFields {
  at: number;
  cpu_percent: number | null;
  mem_percent: number | null;
  disk_pressure_percent: number | null;
  stress_score: number | null;
  stability_score: number | null;
}

export type Column = (number | null)[];

/** Samples as uPlot's column layout: `[at[], cpu[], memory[], disk[]]` and `[at[], stress[], stability[]]`. */
export function toColumns(samples: readonly SampleFields[]): { resources: [number[], Column, Column, Column]; scores: [number[], Column, Column] } {
  const at = samples.map((s) => s.at);
  return {
    resources: [at, samples.map((s) => s.cpu_percent), samples.map((s) => s.mem_percent), samples.map((s) => s.disk_pressure_percent)],
    scores: [at, samples.map((s) => s.stress_score), samples.map((s) => s.stability_score)],
  };
}
