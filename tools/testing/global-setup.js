// Runs once per `jest` run, before any test: PostgreSQL up, a fresh test database with every
// schema migrated, and the local Kafka broker started (and stopped afterwards if we started it).
import { execFileSync } from 'node:child_process';

export default function globalSetup() {
  if (process.env.GAP_TEST_ENV_READY === '1') return;
  const output = execFileSync(
    process.execPath,
    ['--import', '@swc-node/register/esm-register', 'tools/testing/prepare.ts'],
    {
      cwd: new URL('../..', import.meta.url).pathname,
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    },
  );
  process.stdout.write(output);
  const settings = JSON.parse(output.trim().split('\n').at(-1));
  Object.assign(process.env, settings.env);
  globalThis.__GAP_STARTED_KAFKA__ = settings.startedKafka;
  process.env.GAP_TEST_ENV_READY = '1';
}
