/**
 * `npm run bench:start`: how long `npm start` takes to be ready, from a clean state and again on
 * the data it left, and the memory of every process it runs.
 *
 * The platform runs in a fresh temporary data directory on free ports (GAP_DATA_DIR,
 * GAP_PORT_BASE, GAP_POSTGRES_PORT), so a platform already started with `npm start` is not
 * disturbed. The compiled platform and the SWC compile cache also start empty, as in a fresh
 * clone. The time is from
 * spawning `npm start`'s script to its "ready" line; the memory is each process' resident set
 * right then (the launcher, every embedded PostgreSQL process, each service, the gateway).
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '@gap/testing';
import { residentBytes, cpuTimeMs } from '../launcher/supervisor.js';
import type { LauncherState } from '../launcher/settings.js';

const GOALS = { cleanMs: 60_000, existingMs: 20_000, rssBytes: 2 * 1024 ** 3 };
const say = (line: string) => process.stdout.write(`${line}\n`);
const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;

interface Run {
  readonly readyMs: number;
  readonly memory: {
    readonly name: string;
    readonly pid: number;
    readonly rss: number;
    readonly pss: number;
    readonly cpuMs: number;
  }[];
}

/**
 * The proportional set size: each shared page divided among the processes that share it, so
 * that the sum over processes is the memory they really take together (PostgreSQL's shared
 * buffers are in every backend's RSS).
 */
function proportionalBytes(pid: number): number {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The processes whose parent is `pid` (PostgreSQL's backends and workers). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((child) => {
      try {
        const stat = readFileSync(`/proc/${child}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    });
}

async function startOnce(env: NodeJS.ProcessEnv, dataDir: string): Promise<Run> {
  const began = performance.now();
  const launcher = spawn(
    process.execPath,
    ['--import', '@swc-node/register/esm-register', 'tools/launcher/start.ts'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) => launcher.once('exit', resolve));
  const ready = new Promise<number>((resolve, reject) => {
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      if (/\] ready in /.test(output)) resolve(performance.now() - began);
    };
    launcher.stdout.on('data', watch);
    launcher.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
  try {
    const readyMs = await ready;
    const state = JSON.parse(readFileSync(join(dataDir, 'launcher.json'), 'utf8')) as LauncherState;
    const processes: [string, number][] = [
      ['launcher', state.launcher],
      ...Object.entries(state.processes).flatMap(([name, pid]): [string, number][] =>
        pid === undefined ? [] : [[name, pid]],
      ),
    ];
    if (state.postgres !== undefined) {
      processes.push(['postgres (postmaster)', state.postgres]);
      for (const child of childrenOf(state.postgres)) processes.push(['postgres', child]);
    }
    const memory = processes.map(([name, pid]) => ({
      name,
      pid,
      rss: residentBytes(pid) ?? 0,
      pss: proportionalBytes(pid),
      cpuMs: cpuTimeMs(pid) ?? 0,
    }));
    return { readyMs, memory };
  } finally {
    launcher.kill('SIGINT');
    await exited;
  }
}

function print(title: string, run: Run, goalMs: number): void {
  say(`\n${title}: ready in ${(run.readyMs / 1000).toFixed(1)} s (goal < ${goalMs / 1000} s)`);
  const postgres = run.memory.filter((m) => m.name.startsWith('postgres'));
  const others = run.memory.filter((m) => !m.name.startsWith('postgres'));
  for (const { name, pid, rss, cpuMs } of others) {
    say(
      `  ${name.padEnd(24)} pid ${String(pid).padEnd(8)} RSS ${mib(rss).padStart(9)}   CPU ${(cpuMs / 1000).toFixed(1)} s`,
    );
  }
  const pgRss = postgres.reduce((sum, m) => sum + m.rss, 0);
  const pgCpu = postgres.reduce((sum, m) => sum + m.cpuMs, 0);
  say(
    `  ${`postgres (${postgres.length} processes)`.padEnd(24)} ${''.padEnd(12)} RSS ${mib(pgRss).padStart(9)}   CPU ${(pgCpu / 1000).toFixed(1)} s`,
  );
  const total = run.memory.reduce((sum, m) => sum + m.rss, 0);
  const proportional = run.memory.reduce((sum, m) => sum + m.pss, 0);
  say(
    `  ${'all processes'.padEnd(24)} ${''.padEnd(12)} RSS ${mib(total).padStart(9)}   (goal < ${mib(GOALS.rssBytes)}; shared pages counted in each process)`,
  );
  say(
    `  ${'all processes, PSS'.padEnd(24)} ${''.padEnd(12)}     ${mib(proportional).padStart(9)}   (shared pages counted once)`,
  );
}

const dataDir = mkdtempSync(join(tmpdir(), 'gap-bench-start-'));
// Run as root, the embedded server runs as the 'postgres' user, which must reach its directory.
chmodSync(dataDir, 0o755);
// The compiled platform must lie inside the workspace (packages resolve from its node_modules).
mkdirSync('node_modules/.cache', { recursive: true });
const buildDir = mkdtempSync(join(resolve('node_modules/.cache'), 'gap-bench-build-'));
try {
  const base = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GAP_DATA_DIR: dataDir,
    // Four consecutive ports from a free one: a collision shows as a service that cannot listen.
    GAP_PORT_BASE: String(base),
    GAP_POSTGRES_PORT: String(await freePort()),
    SWC_NODE_CACHE_DIR: join(dataDir, 'swc-cache'),
    GAP_BUILD_DIR: buildDir,
  };
  say(
    `bench:start on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}`,
  );
  say(`data in ${dataDir}, gateway on :${base}`);
  const clean = await startOnce(env, dataDir);
  print('From a clean state (no data, empty compile cache)', clean, GOALS.cleanMs);
  if (!existsSync(join(dataDir, 'postgres', 'PG_VERSION'))) throw new Error('No data was kept');
  const again = await startOnce(env, dataDir);
  print('On the existing data', again, GOALS.existingMs);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(buildDir, { recursive: true, force: true });
}
