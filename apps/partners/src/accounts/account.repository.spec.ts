import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  openPartnersTestDatabase,
  partnerServices,
  type PartnerServices,
} from '../testing/partners-harness.js';

let dataSource: DataSource;
let services: PartnerServices;

beforeAll(async () => {
  dataSource = await openPartnersTestDatabase('accounts');
  services = partnerServices(dataSource);
});
afterAll(() => dataSource.destroy());

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 8, minute)).toISOString();

/** A credit code of this test's own (the projection keeps them unique). */
const creditCode = () => `91350203${randomUUID().replace(/\D/g, '').padEnd(10, '7').slice(0, 10)}`;

describe('what the service knows of an account, from events in any order', () => {
  it('takes a tier and a manager that came before the account, and keeps the later tier', async () => {
    const id = randomUUID();
    const code = creditCode();
    const { accounts } = services;
    await dataSource.transaction(async (tx) => {
      await accounts.setTier(tx, id, 'A', at(10));
      await accounts.setPrimaryManager(tx, id, 'M1001');
      expect(await accounts.find(id, tx)).toBeNull();
      await accounts.describe(tx, id, {
        creditCode: code,
        name: '福建省厦门市鹭岛物流（集团）有限公司',
        status: 'ACTIVE',
        regionCode: '350203',
      });
      await accounts.setTier(tx, id, 'C', at(5));
    });
    expect(await accounts.find(id)).toMatchObject({
      creditCode: code,
      status: 'ACTIVE',
      tier: 'A',
      primaryManagerId: 'M1001',
      regionCode: '350203',
    });
    expect((await accounts.findByCreditCode(code))?.id).toBe(id);
  });

  it('keeps the credit code and status through an update and follows a new manager', async () => {
    const id = randomUUID();
    const code = creditCode();
    const { accounts } = services;
    await dataSource.transaction(async (tx) => {
      await accounts.describe(tx, id, {
        creditCode: code,
        name: '厦门海沧港务有限公司',
        status: 'PROSPECT',
        regionCode: '350205',
      });
      await accounts.setPrimaryManager(tx, id, 'M1001');
      await accounts.describe(tx, id, { name: '厦门海沧国际港务有限公司', regionCode: '350206' });
      await accounts.setStatus(tx, id, 'ACTIVE');
      await accounts.setPrimaryManager(tx, id, 'M1002');
    });
    expect(await accounts.find(id)).toMatchObject({
      creditCode: code,
      name: '厦门海沧国际港务有限公司',
      status: 'ACTIVE',
      regionCode: '350206',
      primaryManagerId: 'M1002',
    });
  });

  it('finds an account by a name written another way, through the trigram index', async () => {
    const id = randomUUID();
    const tag = randomUUID().slice(0, 4);
    const { accounts } = services;
    await dataSource.transaction((tx) =>
      accounts.describe(tx, id, {
        creditCode: creditCode(),
        name: `厦门星辰${tag}软件科技有限公司`,
        status: 'ACTIVE',
        regionCode: '350203',
      }),
    );
    const stored = await accounts.find(id);
    expect(stored?.namePinyin).toMatch(/^[a-z0-9]+$/);
    const similar = await accounts.similarNames(
      stored?.normalisedName?.replace('软件', '软件开发') ?? '',
      0.3,
      5,
    );
    expect(similar[0]).toMatchObject({ id });
    expect(similar[0]?.similarity).toBeGreaterThan(0.5);
    expect(await accounts.similarNames('完全无关的名字', 0.3, 5)).toEqual([]);
  });
});
