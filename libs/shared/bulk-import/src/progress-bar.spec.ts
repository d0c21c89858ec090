import { ProgressBar, progressShare, RowProgress } from './progress-bar.js';

function recorder(isTTY: boolean) {
  const written: string[] = [];
  return { out: { isTTY, write: (text: string) => written.push(text) > 0 }, written };
}

const percents = (written: readonly string[]) =>
  written
    .flatMap((line) => [...line.matchAll(/(\d+)% ([\d,]+)\/([\d,]+)/g)])
    .map((m) => ({
      percent: Number(m[1]),
      done: Number(m[2]?.replace(/,/g, '')),
      total: Number(m[3]?.replace(/,/g, '')),
    }));

describe('the progress of an import', () => {
  it('counts a row once however many errors and steps it goes through', () => {
    const seen: number[] = [];
    const progress = new RowProgress(7, (done) => seen.push(done));
    progress.settle([1, 1, 3, 3, 3]);
    progress.settle([0, 8, 3]);
    progress.settle([2, 4, 5, 6, 7, 7]);
    progress.finish();
    expect(seen).toEqual([2, 2, 7, 7]);
  });

  it('clamps what it is told to between nothing and the total', () => {
    expect(progressShare(8, 7)).toEqual({ done: 7, share: 1 });
    expect(progressShare(-3, 7)).toEqual({ done: 0, share: 0 });
    expect(progressShare(Number.NaN, 7)).toEqual({ done: 0, share: 0 });
    expect(progressShare(0, 0)).toEqual({ done: 0, share: 1 });
  });

  it.each([true, false])(
    'never draws more than 100 %% nor moves backwards (terminal: %s)',
    (isTTY) => {
      const { out, written } = recorder(isTTY);
      const bar = new ProgressBar('导入', out);
      for (const done of [1, 8, 10, 3, 7, 7]) bar.update(done, 7);
      const shown = percents(written);
      expect(shown.length).toBeGreaterThan(0);
      for (const [index, { percent, done, total }] of shown.entries()) {
        expect(percent).toBeLessThanOrEqual(100);
        expect(done).toBeLessThanOrEqual(total);
        expect(done).toBeGreaterThanOrEqual(shown[index - 1]?.done ?? 0);
      }
      expect(shown.at(-1)).toEqual({ percent: 100, done: 7, total: 7 });
      expect(written.join('').match(/100%/g)).toHaveLength(1);
    },
  );
});
