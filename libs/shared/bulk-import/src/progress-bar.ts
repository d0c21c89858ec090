/**
 * A progress bar on stderr: redrawn in place on a terminal, a line every ten per cent
 * otherwise (CI logs, pipes), so the output stays readable either way.
 */
export class ProgressBar {
  private readonly started = Date.now();
  private lastTenth = -1;

  constructor(
    private readonly label: string,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, total: number): void {
    const share = total === 0 ? 1 : done / total;
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    const line = `${this.label} [${'#'.repeat(Math.round(share * 30)).padEnd(30, '-')}] ${(share * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${seconds} s`;
    if (this.out.isTTY) {
      this.out.write(`\r${line}`);
      if (done >= total) this.out.write('\n');
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth !== this.lastTenth) {
      this.lastTenth = tenth;
      this.out.write(`${line}\n`);
    }
  }
}
