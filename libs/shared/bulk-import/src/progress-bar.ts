/**
 * Counts the rows of a file as they settle (refused by a check, written, or failed while
 * writing), each row once however many errors or steps it goes through. Counting errors or
 * batches instead is what once drew `143% 10/7`: a row with two bad fields counted twice.
 */
export class RowProgress {
  private readonly settled = new Set<number>();

  constructor(
    readonly total: number,
    private readonly report?: (done: number, total: number) => void,
  ) {}

  get done(): number {
    return this.settled.size;
  }

  /** Marks rows (1-based numbers) as settled; row 0 (the whole file) and unknown rows are not rows. */
  settle(rows: Iterable<number>): void {
    for (const row of rows) {
      if (Number.isInteger(row) && row >= 1 && row <= this.total) this.settled.add(row);
    }
    this.report?.(this.done, this.total);
  }

  /** Every row has been dealt with. */
  finish(): void {
    for (let row = 1; row <= this.total; row += 1) this.settled.add(row);
    this.report?.(this.done, this.total);
  }
}

/** What the bar shows for `done` of `total`: clamped, so that it can never pass 100 %. */
export function progressShare(done: number, total: number): { done: number; share: number } {
  if (total <= 0) return { done: 0, share: 1 };
  const clamped = Math.min(Math.max(Number.isFinite(done) ? done : 0, 0), total);
  return { done: clamped, share: clamped / total };
}

/**
 * A progress bar on stderr: redrawn in place on a terminal, a line every ten per cent
 * otherwise (CI logs, pipes), so the output stays readable either way. It never moves
 * backwards and never passes its total, whatever it is told.
 */
export class ProgressBar {
  private readonly started = Date.now();
  private lastTenth = -1;
  private shown = 0;
  private finished = false;

  constructor(
    private readonly label: string,
    private readonly out: Pick<NodeJS.WriteStream, 'write' | 'isTTY'> = process.stderr,
  ) {}

  update(done: number, total: number): void {
    if (this.finished) return;
    const clamped = progressShare(Math.max(done, this.shown), total);
    this.shown = clamped.done;
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    const line = `${this.label} [${'#'.repeat(Math.round(clamped.share * 30)).padEnd(30, '-')}] ${(clamped.share * 100).toFixed(0).padStart(3)}% ${clamped.done.toLocaleString('en')}/${Math.max(total, 0).toLocaleString('en')} ${seconds} s`;
    this.finished = clamped.share >= 1;
    if (this.out.isTTY) {
      this.out.write(`\r${line}${this.finished ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor(clamped.share * 10);
    if (tenth !== this.lastTenth) {
      this.lastTenth = tenth;
      this.out.write(`${line}\n`);
    }
  }
}
