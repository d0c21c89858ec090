import { execFileSync } from 'node:child_process';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

const say = (line: string) => process.stderr.write(`[local-servers] ${line}\n`);

async function postgresAnswers(databaseUrl: string): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl.replace(/\/[^/]*$/, '/postgres') });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Starts this machine's PostgreSQL cluster when the server at `databaseUrl` does not answer. */
export async function ensurePostgres(databaseUrl: string): Promise<void> {
  if (await postgresAnswers(databaseUrl)) return;
  say('PostgreSQL does not answer; starting the local cluster');
  const version =
    execFileSync('ls', ['/etc/postgresql'], { encoding: 'utf8' }).trim().split('\n')[0] ?? '';
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], {
    stdio: 'inherit',
  });
  for (let i = 0; i < 30 && !(await postgresAnswers(databaseUrl)); i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (!(await postgresAnswers(databaseUrl)))
    throw new Error(`PostgreSQL at ${databaseUrl} does not answer.`);
}

/** Starts the local Kafka broker (infra/kafka); true when this call started it. */
export function ensureKafka(): boolean {
  const output = execFileSync('bash', ['infra/kafka/kafka.sh', 'start'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stderr.write(output);
  return !/nothing to do/i.test(output);
}

export function stopKafka(): void {
  execFileSync('bash', ['infra/kafka/kafka.sh', 'stop'], { stdio: 'inherit' });
}

/**
 * Deletes the platform's topics (`<service>.events.v<n>` and their dead-letter topics) so a
 * test or benchmark run starts from empty topics, as it starts from a fresh database.
 */
export async function resetPlatformTopics(brokers: readonly string[]): Promise<void> {
  const kafka = new Kafka({
    clientId: 'local-servers',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    // Unprefixed topics only: a run under a KAFKA_TOPIC_PREFIX (the end-to-end suites, the
    // benchmarks) owns its topics, and another run may be using them right now.
    const platformTopics = (await admin.listTopics()).filter((topic) =>
      /^[a-z]+\.events\.v\d+(\.dlq)?$/.test(topic),
    );
    if (platformTopics.length === 0) return;
    await admin.deleteTopics({ topics: platformTopics, timeout: 30_000 });
    for (let i = 0; i < 100; i++) {
      const left = (await admin.listTopics()).filter((topic) => platformTopics.includes(topic));
      if (left.length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Kafka did not delete ${platformTopics.join(', ')} in time.`);
  } finally {
    await admin.disconnect();
  }
}
