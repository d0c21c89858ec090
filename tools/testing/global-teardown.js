import { execFileSync } from 'node:child_process';

export default function globalTeardown() {
  if (!globalThis.__GAP_STARTED_KAFKA__ || process.env.KEEP_KAFKA === '1') return;
  globalThis.__GAP_STARTED_KAFKA__ = false;
  execFileSync('bash', ['infra/kafka/kafka.sh', 'stop'], {
    cwd: new URL('../..', import.meta.url).pathname,
    stdio: 'inherit',
  });
}
