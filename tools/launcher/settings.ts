import { join, resolve } from 'node:path';
import { EMBEDDED_DATABASE_URL } from '@gap/config';

export const SERVICES = [
  'accounts',
  'tiering',
  'managers',
  'coordination',
  'bundles',
  'partners',
] as const;
export type ServiceName = (typeof SERVICES)[number];

/** Where `npm start` keeps its data and which ports it takes. */
export interface LauncherSettings {
  readonly dataDir: string;
  readonly postgresDir: string;
  /** The compiled platform (see build/build.ts): inside the workspace, for node_modules. */
  readonly buildDir: string;
  readonly logDir: string;
  /** The launcher's processes, for `npm run bench:start` (see `LauncherState`). */
  readonly stateFile: string;
  readonly postgresPort: number;
  readonly databaseUrl: string;
  readonly gatewayPort: number;
  readonly servicePorts: Readonly<Record<ServiceName, number>>;
  /** A wait gives up when nothing has moved for this long. */
  readonly stallMs: number;
  readonly logLevel: string;
}

function port(value: string | undefined, fallback: number, name: string): number {
  const parsed = value === undefined || value === '' ? fallback : Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 65_535) {
    throw new Error(`${name} must be a TCP port, got "${value}"`);
  }
  return parsed;
}

/**
 * The defaults are the documented ones (data in .data, the gateway on :4000 and the services on
 * the next five ports, PostgreSQL on :54329); GAP_DATA_DIR, GAP_PORT_BASE and
 * GAP_POSTGRES_PORT move them, so a benchmark can run beside a platform already started;
 * GAP_BUILD_DIR moves the compiled platform.
 */
export function launcherSettings(env: NodeJS.ProcessEnv = process.env): LauncherSettings {
  const dataDir = resolve(env['GAP_DATA_DIR'] ?? '.data');
  const base = port(env['GAP_PORT_BASE'], 4000, 'GAP_PORT_BASE');
  const embedded = new URL(EMBEDDED_DATABASE_URL);
  const postgresPort = port(env['GAP_POSTGRES_PORT'], Number(embedded.port), 'GAP_POSTGRES_PORT');
  embedded.port = String(postgresPort);
  const stallSeconds = Number(env['GAP_STALL_SECONDS'] ?? 60);
  if (!(stallSeconds > 0)) throw new Error('GAP_STALL_SECONDS must be a positive number');
  return {
    dataDir,
    postgresDir: join(dataDir, 'postgres'),
    buildDir: resolve(env['GAP_BUILD_DIR'] ?? 'node_modules/.cache/gap-platform'),
    logDir: join(dataDir, 'logs'),
    stateFile: join(dataDir, 'launcher.json'),
    postgresPort,
    databaseUrl: embedded.toString(),
    gatewayPort: port(String(base), base, 'GAP_PORT_BASE'),
    servicePorts: {
      accounts: port(String(base + 1), base + 1, 'GAP_PORT_BASE'),
      tiering: port(String(base + 2), base + 2, 'GAP_PORT_BASE'),
      managers: port(String(base + 3), base + 3, 'GAP_PORT_BASE'),
      coordination: port(String(base + 4), base + 4, 'GAP_PORT_BASE'),
      bundles: port(String(base + 5), base + 5, 'GAP_PORT_BASE'),
      partners: port(String(base + 6), base + 6, 'GAP_PORT_BASE'),
    },
    stallMs: stallSeconds * 1000,
    // warn: a line per request in every process costs CPU the first start needs; info for detail.
    logLevel: env['LOG_LEVEL'] ?? 'warn',
  };
}

/** What the launcher runs, written to `stateFile` as it changes. */
export interface LauncherState {
  launcher: number;
  /** The postmaster; its children are PostgreSQL's other processes. */
  postgres?: number;
  processes: Record<string, number | undefined>;
}
