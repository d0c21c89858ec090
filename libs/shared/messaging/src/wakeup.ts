/**
 * A sleep that another part of the process can cut short (new work, or shutdown). A wake while
 * nobody sleeps is kept for the next sleep, so work that arrives during a pass is not left
 * waiting for a whole interval.
 */
export class Wakeup {
  private pending?: () => void;
  private woken = false;

  sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined = undefined;
      const done = (): void => {
        clearTimeout(timer);
        this.pending = undefined;
        resolve();
      };
      timer = setTimeout(done, ms);
      this.pending = done;
    });
  }

  wake(): void {
    if (this.pending) this.pending();
    else this.woken = true;
  }
}
