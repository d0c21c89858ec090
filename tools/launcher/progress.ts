import type { WriteStream } from 'node:tty';

const number = new Intl.NumberFormat('en');
export const count = (n: number): string => number.format(n);
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * What the launcher prints: lines that stay, and live statuses (a seeding step, a service
 * catching up). On a terminal the statuses share one line redrawn in place; otherwise (a log,
 * CI) a status is printed when it starts, at most every `quietMs` while it moves, and when it
 * ends, so a captured output stays short and still shows progress.
 */
export class Display {
  private readonly statuses = new Map<string, { text: string; printedAt: number }>();
  private readonly tty: boolean;

  constructor(
    private readonly out: NodeJS.WriteStream | WriteStream = process.stdout,
    private readonly prefix = '[platform] ',
    private readonly quietMs = 5_000,
  ) {
    this.tty = Boolean(out.isTTY);
  }

  line(text: string): void {
    this.clear();
    this.out.write(`${this.prefix}${text}\n`);
    this.redraw();
  }

  status(key: string, text: string): void {
    const previous = this.statuses.get(key);
    if (previous?.text === text) return;
    const now = Date.now();
    if (!this.tty && (!previous || now - previous.printedAt >= this.quietMs)) {
      this.out.write(`${this.prefix}${text}\n`);
      this.statuses.set(key, { text, printedAt: now });
      return;
    }
    this.statuses.set(key, { text, printedAt: previous?.printedAt ?? now });
    this.redraw();
  }

  /** Ends a status with a line that stays. */
  done(key: string, text: string): void {
    this.statuses.delete(key);
    this.line(text);
  }

  private clear(): void {
    if (this.tty && this.statuses.size > 0) this.out.write('\r\x1b[2K');
  }

  private redraw(): void {
    if (!this.tty || this.statuses.size === 0) return;
    const columns = 'columns' in this.out && this.out.columns ? this.out.columns : 120;
    const text = [...this.statuses.values()].map((s) => s.text).join('  ·  ');
    this.out.write(`\r\x1b[2K${this.prefix}${text}`.slice(0, columns + 4));
  }
}

/** A failure the launcher explains in its message: no stack trace needed. */
export class LaunchError extends Error {}

/** A wait that gave up: nothing moved for the stated time. */
export class StalledError extends LaunchError {}

export interface ProgressProbe {
  /** What it shows while waiting. */
  readonly status: string;
  /** Anything that changes while work is being done (a count, CPU time…). */
  readonly mark: unknown;
  readonly done: boolean;
}

/**
 * Waits on progress rather than on a deadline: polls `probe` until it is done and gives up only
 * when its mark has not changed for `stallMs`, with the message `stuck` gives.
 */
export async function waitOnProgress(options: {
  readonly probe: () => Promise<ProgressProbe> | ProgressProbe;
  readonly stallMs: number;
  readonly stuck: (last: ProgressProbe) => string;
  readonly onStatus?: (status: string) => void;
  readonly pollMs?: number;
}): Promise<void> {
  let lastMark: unknown;
  let movedAt = Date.now();
  for (;;) {
    const probe = await options.probe();
    if (probe.done) return;
    options.onStatus?.(probe.status);
    const mark = JSON.stringify(probe.mark);
    if (mark !== lastMark) {
      lastMark = mark;
      movedAt = Date.now();
    } else if (Date.now() - movedAt >= options.stallMs) {
      throw new StalledError(options.stuck(probe));
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
  }
}
