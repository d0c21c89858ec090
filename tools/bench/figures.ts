import { loadavg } from 'node:os';

/*
 * How every benchmark prints its figures: one line each on stdout, counts with thousands
 * separators, the machine's load beside a timing, a verdict against the goal.
 */

export const say = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** The machine's load averages (1, 5 and 15 minutes), to read a timing against. */
export const load = (): string =>
  `load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;

export const verdict = (value: number, goal: number): string => (value < goal ? 'meets' : 'MISSES');

/** The p-th percentile (nearest rank) of `values`, in any order. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** `p50 … ms, p95 … ms` of millisecond timings. */
export const timings = (values: readonly number[], digits = 1): string =>
  `p50 ${percentile(values, 50).toFixed(digits)} ms, p95 ${percentile(values, 95).toFixed(digits)} ms`;
