import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { eventually } from './environment.js';

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export interface RunningService {
  readonly name: string;
  readonly baseUrl: string;
  readonly process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts one of the platform's apps as its own process, exactly as it runs in production
 * (its main.ts), and waits until its readiness endpoint says it is ready.
 */
export async function startServiceProcess(
  name: string,
  entry: string,
  env: Record<string, string>,
  readyTimeoutMs = 60_000,
): Promise<RunningService> {
  const port = Number(env['PORT'] ?? (await freePort()));
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', entry], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const service: RunningService = {
    name,
    baseUrl,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
  try {
    const ready = eventually(
      async () => (await fetch(`${baseUrl}/health/ready`)).ok,
      readyTimeoutMs,
      `${name} to be ready`,
    );
    const died = exited.then(() => {
      throw new Error(`${name} exited with code ${child.exitCode}`);
    });
    await Promise.race([ready, died]);
  } catch (error) {
    await service.stop();
    throw new Error(`${(error as Error).message}\n--- ${name} output ---\n${output}`);
  }
  return service;
}
