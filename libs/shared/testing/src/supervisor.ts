import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** How one supervised process is run. */
export interface ProcessSpec {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** Its output, appended: where to look when it misbehaves. */
  readonly logFile: string;
  /** Answers 2xx once the process can serve (its `/health/ready`); polled after each start. */
  readonly readyUrl?: string;
}

/**
 * Restart delays: `initialMs`, doubled at each restart up to `maxMs`, back to `initialMs` once
 * a process has stayed ready for `resetAfterMs` (a crash a day is not a crash loop).
 */
export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly resetAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  initialMs: 500,
  maxMs: 30_000,
  resetAfterMs: 60_000,
};

export type SupervisorEvent =
  | {
      readonly kind: 'started';
      readonly name: string;
      readonly pid: number;
      readonly restart: number;
    }
  /** Ready after its first start (`restart` 0) or back after a restart. */
  | { readonly kind: 'ready'; readonly name: string; readonly restart: number }
  | {
      readonly kind: 'exited';
      readonly name: string;
      readonly code: number | null;
      readonly signal: NodeJS.Signals | null;
      /** The restart about to happen (1 for the first) and when. */
      readonly restart: number;
      readonly restartInMs: number;
    }
  /** A line the process wrote, for whoever wants to echo warnings. */
  | {
      readonly kind: 'output';
      readonly name: string;
      readonly stream: 'stdout' | 'stderr';
      readonly line: string;
    };

export interface SupervisorOptions {
  readonly backoff?: Partial<BackoffPolicy>;
  readonly onEvent?: (event: SupervisorEvent) => void;
  /** How often readiness is polled while a process is starting. */
  readonly readyPollMs?: number;
  /** How long a stopping process gets between SIGTERM and SIGKILL. */
  readonly stopTimeoutMs?: number;
}

/** The CPU time (user + system) a Linux process has used so far, in ms; undefined elsewhere. */
export function cpuTimeMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the command name (which may hold spaces, hence the last ')'): utime is
    // the 14th field, stime the 15th, in clock ticks (100 a second on Linux).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** The resident memory of a Linux process, in bytes; undefined elsewhere. */
export function residentBytes(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** One supervised process: started, watched, restarted with backoff until stopped. */
export class Supervised {
  private child?: ChildProcess;
  private log?: WriteStream;
  private restartCount = 0;
  private consecutiveRestarts = 0;
  private isReady = false;
  private wasEverReady = false;
  private readySince = 0;
  private stopping = false;
  private restartTimer?: NodeJS.Timeout;
  private readyWaiters: (() => void)[] = [];
  private exitedOnce?: Promise<void>;

  constructor(
    readonly spec: ProcessSpec,
    private readonly backoff: BackoffPolicy,
    private readonly options: SupervisorOptions,
  ) {}

  get name(): string {
    return this.spec.name;
  }

  get pid(): number | undefined {
    return this.child?.exitCode === null && this.child.signalCode === null
      ? this.child.pid
      : undefined;
  }

  get ready(): boolean {
    return this.isReady;
  }

  /** False while it has never been ready: exits then are start-up failures, not crashes. */
  get everReady(): boolean {
    return this.wasEverReady;
  }

  /** How many times it has been restarted since the supervisor started it. */
  get restarts(): number {
    return this.restartCount;
  }

  /** Resolves when the process (this incarnation or a later one) is ready. */
  whenReady(): Promise<void> {
    if (this.isReady) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  start(): void {
    if (this.stopping) return;
    this.log ??= createWriteStream(this.spec.logFile, { flags: 'a' });
    const child = spawn(this.spec.command, [...this.spec.args], {
      env: this.spec.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.isReady = false;
    const emit = (event: SupervisorEvent) => this.options.onEvent?.(event);
    for (const stream of ['stdout', 'stderr'] as const) {
      const source = child[stream];
      if (!source) continue;
      source.pipe(this.log, { end: false });
      createInterface({ input: source }).on('line', (line) =>
        emit({ kind: 'output', name: this.name, stream, line }),
      );
    }
    this.exitedOnce = new Promise((resolve) => child.once('exit', () => resolve()));
    child.once('exit', (code, signal) => this.onExit(child, code, signal));
    // A command that cannot be spawned at all never exits: treat it as an exit with no code.
    child.once('error', (error) => {
      this.log?.write(`[supervisor] ${this.name} could not start: ${error.message}\n`);
      if (child.pid === undefined) this.onExit(child, null, null);
    });
    if (child.pid !== undefined) {
      emit({ kind: 'started', name: this.name, pid: child.pid, restart: this.restartCount });
    }
    void this.pollReadiness(child);
  }

  private async pollReadiness(child: ChildProcess): Promise<void> {
    const pollMs = this.options.readyPollMs ?? 200;
    while (this.child === child && child.exitCode === null && child.signalCode === null) {
      if (await this.answersReady()) {
        if (this.child !== child || child.exitCode !== null) return;
        this.isReady = true;
        this.wasEverReady = true;
        this.readySince = Date.now();
        this.options.onEvent?.({ kind: 'ready', name: this.name, restart: this.restartCount });
        for (const resolve of this.readyWaiters.splice(0)) resolve();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  private async answersReady(): Promise<boolean> {
    if (!this.spec.readyUrl) return true;
    try {
      const response = await fetch(this.spec.readyUrl, { signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      return response.ok;
    } catch {
      return false;
    }
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child) return;
    const wasHealthyFor = this.isReady ? Date.now() - this.readySince : 0;
    this.isReady = false;
    if (this.stopping) return;
    if (wasHealthyFor >= this.backoff.resetAfterMs) this.consecutiveRestarts = 0;
    const delay = Math.min(
      this.backoff.maxMs,
      this.backoff.initialMs * 2 ** this.consecutiveRestarts,
    );
    this.consecutiveRestarts += 1;
    this.restartCount += 1;
    this.options.onEvent?.({
      kind: 'exited',
      name: this.name,
      code,
      signal,
      restart: this.restartCount,
      restartInMs: delay,
    });
    this.restartTimer = setTimeout(() => this.start(), delay);
  }

  /** From now on, an exit is final. */
  holdRestarts(): void {
    this.stopping = true;
    clearTimeout(this.restartTimer);
  }

  /** Stops it for good: SIGTERM, then SIGKILL if it has not exited in time. No restart. */
  async stop(): Promise<void> {
    this.holdRestarts();
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), this.options.stopTimeoutMs ?? 10_000);
      });
      const killed = await Promise.race([this.exitedOnce?.then(() => false), timedOut]);
      clearTimeout(timer);
      if (killed) child.kill('SIGKILL');
    }
    if (child?.pid !== undefined) await this.exitedOnce;
    await new Promise<void>((resolve) => (this.log ? this.log.end(resolve) : resolve()));
  }
}

/**
 * Keeps a set of processes running: a process that exits is restarted after a growing delay and
 * reported (exit code or signal, when it comes back), until `stopAll`, after which nothing is
 * restarted.
 */
export class Supervisor {
  private readonly processes: Supervised[] = [];
  private readonly backoff: BackoffPolicy;
  private stopping = false;

  constructor(private readonly options: SupervisorOptions = {}) {
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  }

  get all(): readonly Supervised[] {
    return this.processes;
  }

  start(spec: ProcessSpec): Supervised {
    if (this.stopping) throw new Error(`Not starting ${spec.name}: stopping`);
    const supervised = new Supervised(spec, this.backoff, this.options);
    this.processes.push(supervised);
    supervised.start();
    return supervised;
  }

  /** Stops every process, the last started first (the gateway before its subgraphs). */
  async stopAll(): Promise<void> {
    this.stopping = true;
    // First no process may come back, then they stop one by one.
    for (const supervised of this.processes) supervised.holdRestarts();
    for (const supervised of [...this.processes].reverse()) await supervised.stop();
  }
}
