import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { emptyPortfolioFacts, type PortfolioFacts } from '@gap/accounts/domain';
import { JwtVerifier, type Caller } from '@gap/auth';
import {
  createTestIssuer,
  freePort,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type TestIssuer,
} from '@gap/testing';
import type { GroupAccountEntity } from '../group-account/group-account.entity.js';
import {
  accountInput,
  callers,
  openAccountsHarness,
  type AccountsHarness,
} from '../testing/accounts-harness.js';
import { CSV_BOM, exportFileName } from './portfolio-csv.js';
import { PortfolioExportController } from './portfolio-export.controller.js';
import { PortfolioExportService } from './portfolio-export.service.js';

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/** The file's lines as records of fields (the test data holds no quoted fields). */
const recordsOf = (text: string) =>
  text
    .replace(CSV_BOM, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(','));

describe('the portfolio export over REST', () => {
  let h: AccountsHarness;
  let issuer: TestIssuer;
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    h = await openAccountsHarness();
    issuer = await createTestIssuer();
    const verifier = new JwtVerifier({
      issuer: TEST_ISSUER,
      audience: TEST_AUDIENCE,
      jwksFile: issuer.jwksFile,
    });
    const exports = new PortfolioExportService(h.findAccounts, h.portfolio, h.portfolioFacts);

    @Module({
      controllers: [PortfolioExportController],
      providers: [
        { provide: PortfolioExportService, useValue: exports },
        { provide: JwtVerifier, useValue: verifier },
      ],
    })
    class ExportTestModule {}

    app = await NestFactory.create(ExportTestModule, { logger: false });
    const port = await freePort();
    await app.listen(port, '127.0.0.1');
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await app.close();
    await h.close();
  });

  async function get(query: string, token: string): Promise<Answer> {
    const response = await fetch(`${base}/api/v1/accounts/portfolio/export?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    // Read as bytes: `text()` would drop the byte order mark the file must start with.
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    return { status: response.status, headers: response.headers, text };
  }

  /** Accounts named after a marker no other test uses, registered by `caller`. */
  async function accounts(caller: Caller, marker: string, count: number) {
    const made: GroupAccountEntity[] = [];
    for (let i = 1; i <= count; i++) {
      made.push(await h.createAccount.create(caller, accountInput({ name: `${marker}公司${i}` })));
    }
    return made;
  }

  async function valued(account: GroupAccountEntity, overrides: Partial<PortfolioFacts>) {
    await h.portfolioFacts.save(h.dataSource.manager, [
      {
        ...emptyPortfolioFacts(account.id, '2026-11-30T02:00:00.000Z'),
        ...overrides,
      },
    ]);
  }

  it('streams the accounts of the filter, most valuable first, as a CSV attachment with a BOM', async () => {
    const marker = `导出${randomUUID().slice(0, 6)}`;
    const [low, high, otherTier] = await accounts(callers.admin, marker, 3);
    await valued(low, {
      tier: 'A',
      segment: 'VALUE',
      currentValue: '-250',
      primaryManagerId: 'E7101',
    });
    await valued(high, {
      tier: 'A',
      segment: 'VALUE',
      currentValue: '12345678901',
      potentialValue: '5',
    });
    await valued(otherTier, { tier: 'B', currentValue: '99999999999' });

    const answer = await get(
      `nameContains=${encodeURIComponent(marker)}&tiers=A&orderBy=CURRENT_VALUE&direction=DESC`,
      await issuer.token(['ADMIN'], 'A7101'),
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe(
      `attachment; filename="${exportFileName()}"`,
    );
    expect(exportFileName()).toMatch(/^portfolio-\d{8}\.csv$/);
    expect(answer.text.startsWith(CSV_BOM)).toBe(true);
    const [header, ...rows] = recordsOf(answer.text);
    expect(header?.slice(0, 3)).toEqual(['accountCode', 'name', 'creditCode']);
    const column = (name: string) => header.indexOf(name);
    expect(rows.map((row) => row[column('name')])).toEqual([`${marker}公司2`, `${marker}公司1`]);
    expect(rows.map((row) => row[column('currentValueYuan')])).toEqual(['123456789.01', '-2.50']);
    expect(rows[0]?.[column('potentialValueYuan')]).toBe('0.05');
    expect(rows[1]?.[column('primaryManagerId')]).toBe('E7101');
    expect(rows[0]?.[column('accountCode')]).toBe(high.accountCode);
  });

  it('gives a manager only the accounts in their portfolio', async () => {
    const marker = `可见${randomUUID().slice(0, 6)}`;
    const mine = await accounts(callers.manager('E7201'), marker, 2);
    await accounts(callers.manager('E7202'), marker, 1);
    const answer = await get(
      `nameContains=${encodeURIComponent(marker)}&orderBy=ACCOUNT_CODE`,
      await issuer.token(['ACCOUNT_MANAGER'], 'E7201'),
    );
    expect(answer.status).toBe(200);
    const [header, ...rows] = recordsOf(answer.text);
    const codes = rows.map((row) => row[header.indexOf('accountCode')]);
    expect(codes).toEqual(mine.map((account) => account.accountCode).sort());
  });

  it('answers with the header alone when nothing matches', async () => {
    const answer = await get(
      `nameContains=${randomUUID()}`,
      await issuer.token(['COORDINATOR'], 'C7301'),
    );
    expect(answer.status).toBe(200);
    expect(recordsOf(answer.text)).toHaveLength(1);
  });

  it.each([
    ['tiers=A,Z', 'tiers', 'isIn'],
    ['currentValueMin=1.5', 'currentValueMin', 'NOT_WHOLE_FEN'],
    ['potentialValueMax=10000000000000000000', 'potentialValueMax', 'NOT_WHOLE_FEN'],
    ['regionCode=35a', 'regionCode', 'matches'],
    ['primaryManagerId=E%201', 'primaryManagerId', 'NOT_AN_EMPLOYEE_NUMBER'],
    ['orderBy=SIZE', 'orderBy', 'isIn'],
    ['direction=UP', 'direction', 'isIn'],
    ['sort=name', 'sort', 'unknownField'],
    ['currentValueMin=500&currentValueMax=100', 'filter.currentValue', 'RANGE_REVERSED'],
  ])('refuses %s with a 400 problem naming %s (%s)', async (query, field, code) => {
    const answer = await get(query, await issuer.token(['ADMIN'], 'A7401'));
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    const problem = JSON.parse(answer.text) as { code: string; errors: unknown[] };
    expect(problem.code).toBe('INVALID_INPUT');
    expect(problem.errors).toEqual([expect.objectContaining({ field, code })]);
  });

  it('refuses a partner with a 403 problem before any of the file is sent', async () => {
    const answer = await get('tiers=A', await issuer.token(['PARTNER'], 'P7501'));
    expect(answer.status).toBe(403);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(JSON.parse(answer.text)).toMatchObject({ code: 'FORBIDDEN' });
  });
});
