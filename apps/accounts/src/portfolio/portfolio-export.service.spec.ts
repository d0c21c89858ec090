import { randomUUID } from 'node:crypto';
import { PassThrough, Writable } from 'node:stream';
import {
  callers,
  accountInput,
  openAccountsHarness,
  type AccountsHarness,
} from '../testing/accounts-harness.js';
import { CSV_BOM } from './portfolio-csv.js';
import { PortfolioExportService, writeAll } from './portfolio-export.service.js';

/** Pieces `piece-1`, `piece-2`…, counting how many were asked for and whether they were ended. */
function counted(total: number) {
  const seen = { taken: 0, ended: false };
  async function* pieces(): AsyncGenerator<string> {
    try {
      for (let i = 1; i <= total; i++) {
        seen.taken = i;
        // A database page would be awaited here.
        yield await Promise.resolve(`piece-${i}\n`);
      }
    } finally {
      seen.ended = true;
    }
  }
  return { seen, pieces: pieces() };
}

describe('writing an export to a stream', () => {
  it('takes a piece only when the stream has room for it', async () => {
    const { seen, pieces } = counted(50);
    const written: string[] = [];
    let release: () => void = () => undefined;
    // A slow reader: it holds each write until told to go on.
    const out = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, done) {
        written.push(chunk.toString());
        release = done;
      },
    });
    const writing = writeAll(pieces, out);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // One piece in the reader, at most one waiting in the buffer: nothing runs ahead.
    expect(seen.taken).toBeLessThanOrEqual(2);
    for (let i = 0; i < 60 && !seen.ended; i++) {
      release();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    release();
    expect(await writing).toBe(true);
    expect(written).toHaveLength(50);
  });

  it('stops taking pieces, and ends them, when the reader goes away', async () => {
    const { seen, pieces } = counted(1_000_000);
    const out = new PassThrough({ highWaterMark: 16 });
    out.once('data', () => out.destroy());
    expect(await writeAll(pieces, out)).toBe(false);
    expect(seen.taken).toBeLessThan(10);
    expect(seen.ended).toBe(true);
  });
});

describe('the portfolio export service', () => {
  let h: AccountsHarness;
  let exports: PortfolioExportService;
  beforeAll(async () => {
    h = await openAccountsHarness();
    exports = new PortfolioExportService(h.findAccounts, h.portfolio, h.portfolioFacts);
  });
  afterAll(() => h.close());

  it('writes the header once and every page after it, in order, and counts them ahead', async () => {
    const marker = `分页${randomUUID().slice(0, 6)}`;
    for (let i = 1; i <= 5; i++) {
      await h.createAccount.create(callers.admin, accountInput({ name: `${marker}${i}` }));
    }
    const search = {
      filter: { nameContains: marker },
      orderBy: { field: 'NAME' as const, direction: 'DESC' as const },
    };
    const pages: number[] = [];
    const pieces: string[] = [];
    for await (const piece of exports.csv(callers.admin, search, 'groupAccounts', {
      pageSize: 2,
      onRows: (count) => pages.push(count),
    })) {
      pieces.push(piece);
    }
    expect(pieces).toHaveLength(3);
    expect(pages).toEqual([2, 2, 1]);
    const text = pieces.join('');
    expect(text.split(CSV_BOM)).toHaveLength(2);
    const names = text
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.split(',')[1]);
    expect(names).toEqual([5, 4, 3, 2, 1].map((i) => `${marker}${i}`));
    expect(await exports.count(callers.admin, search, 'groupAccounts')).toBe(5);
    expect(await exports.count(callers.manager('E7601'), search, 'groupAccounts')).toBe(0);
  });
});
