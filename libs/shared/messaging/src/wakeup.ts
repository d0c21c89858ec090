/** A sleep that another part of the process can cut short (new work, or shutdown). */
export class Wakeup {
  private pending?: () => void;

  sleep(ms: number): Promise<void> {
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
    this.pending?.();
  }
}
