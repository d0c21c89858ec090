import { createServer } from 'node:net';
import { LaunchError } from './progress.js';

const LEVELS: Record<number, string> = { 40: 'warn', 50: 'error', 60: 'fatal' };

/**
 * What of a service's output the console shows: JSON log lines at warn and above, and anything
 * else it prints on stderr (a crash's stack trace). The rest is in its log file only.
 */
export function warningIn(line: string, stream: 'stdout' | 'stderr'): string | undefined {
  if (line.startsWith('{')) {
    try {
      const entry = JSON.parse(line) as {
        level?: number;
        msg?: string;
        err?: { message?: string };
      };
      const level = LEVELS[entry.level ?? 0];
      return level ? `${level}: ${entry.msg ?? entry.err?.message ?? line}` : undefined;
    } catch {
      // Not JSON after all: plain text, below.
    }
  }
  return stream === 'stderr' && line.trim() ? `stderr: ${line}` : undefined;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Another platform (or a process left behind) on our ports would answer in our place. */
export async function assertPortsFree(
  ports: readonly (readonly [string, number])[],
): Promise<void> {
  const taken = [];
  for (const [name, port] of ports) if (!(await portIsFree(port))) taken.push(`${port} (${name})`);
  if (taken.length > 0) {
    throw new LaunchError(
      `Port ${taken.join(', ')} already in use: is the platform already running? ` +
        'Stop it, or move this one with GAP_PORT_BASE and GAP_POSTGRES_PORT.',
    );
  }
}
