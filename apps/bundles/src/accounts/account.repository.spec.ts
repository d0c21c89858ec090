import type { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import {
  bundleServices,
  openBundlesTestDatabase,
  type BundleServices,
} from '../testing/bundles-harness.js';

let dataSource: DataSource;
let services: BundleServices;

beforeAll(async () => {
  dataSource = await openBundlesTestDatabase('accounts');
  services = bundleServices(dataSource);
});
afterAll(() => dataSource.destroy());

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 8, minute)).toISOString();

describe('what the service knows of an account, from events in any order', () => {
  it('takes a tier that came before the account, and keeps the later tier of two', async () => {
    const id = randomUUID();
    const { accounts } = services;
    await dataSource.transaction(async (tx) => {
      await accounts.setTier(tx, id, 'A', at(10));
      expect(await accounts.find(id, tx)).toBeNull();
      await accounts.describe(tx, id, {
        status: 'ACTIVE',
        industry: 'I',
        regionCode: '350203',
        employees: 800,
        lines: 120,
      });
      await accounts.setTier(tx, id, 'C', at(5));
      await accounts.setSegment(tx, id, 'VALUE', at(10));
    });
    expect(await accounts.find(id)).toMatchObject({
      tier: 'A',
      segment: 'VALUE',
      industry: 'I',
      regionCode: '350203',
      employees: 800,
      status: 'ACTIVE',
    });
  });

  it('keeps the status through an update and follows a status change', async () => {
    const id = randomUUID();
    const { accounts } = services;
    await dataSource.transaction(async (tx) => {
      await accounts.describe(tx, id, {
        status: 'ACTIVE',
        industry: 'C',
        regionCode: '440106',
        employees: 50,
        lines: null,
      });
      await accounts.describe(tx, id, {
        industry: 'G',
        regionCode: '440305',
        employees: 60,
        lines: 5,
      });
    });
    expect(await accounts.find(id)).toMatchObject({
      status: 'ACTIVE',
      industry: 'G',
      tier: 'C',
      lines: 5,
    });
    await dataSource.transaction((tx) => accounts.setStatus(tx, id, 'CHURNED'));
    expect((await accounts.find(id))?.status).toBe('CHURNED');
  });
});
