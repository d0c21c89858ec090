import { creditCodeCheckCharacter, isRegionCode } from '@gap/accounts/domain';
import {
  contactsFor,
  type DemoAccountRow,
  type DemoBookOptions,
  generateAccounts,
  generateAssociations,
  generateClusters,
  monthsUpTo,
  valueInputsFor,
} from './demo-book.js';
import { itemAt } from '@gap/random';
import { regionByCode } from './regions.js';

const OPTIONS: DemoBookOptions = { accounts: 20_000, largestGroup: 2_000, maxDepth: 10 };
const book: readonly DemoAccountRow[] = [...generateAccounts(OPTIONS)];

function first<T>(items: Iterable<T>, count: number): T[] {
  const taken: T[] = [];
  for (const item of items) {
    if (taken.length === count) break;
    taken.push(item);
  }
  return taken;
}

/** Depth (HQ = 1) and group head of every account, read off the parent links. */
function hierarchy(accounts: readonly DemoAccountRow[]) {
  const depth = new Map<string, number>();
  const head = new Map<string, string>();
  for (const account of accounts) {
    const parent = account.parentCreditCode;
    depth.set(account.creditCode, parent === null ? 1 : (depth.get(parent) ?? NaN) + 1);
    head.set(account.creditCode, parent === null ? account.creditCode : (head.get(parent) ?? ''));
  }
  return { depth, head };
}

describe('generateAccounts', () => {
  it('gives the same book for the same options', () => {
    expect(first(generateAccounts(OPTIONS), 1000)).toEqual(book.slice(0, 1000));
  });

  it('gives another book for another seed', () => {
    const other = first(generateAccounts({ ...OPTIONS, seed: 7 }), 10);
    expect(other.map((a) => a.creditCode)).not.toEqual(book.slice(0, 10).map((a) => a.creditCode));
  });

  it.each([0, 1, 9, 57, 1_234])('emits exactly %i accounts', (accounts) => {
    expect([...generateAccounts({ accounts })]).toHaveLength(accounts);
  });

  it('emits exactly the accounts asked for, also when one group is all of them', () => {
    expect(book).toHaveLength(20_000);
    expect([...generateAccounts({ accounts: 60, largestGroup: 60, maxDepth: 6 })]).toHaveLength(60);
  });

  it('rejects options it cannot honour', () => {
    expect(() => generateAccounts({ accounts: -1 })).toThrow(RangeError);
    expect(() => generateAccounts({ accounts: 10, largestGroup: 11 })).toThrow(RangeError);
    expect(() => generateAccounts({ accounts: 10, largestGroup: 5, maxDepth: 1 })).toThrow(
      RangeError,
    );
  });

  // Checks over every row collect the offenders and expect none, which is fast and says who.
  it('gives every account a valid credit code, unique in the book, carrying its region', () => {
    const authorities = { ENTERPRISE: '91', SME: '91', GOVERNMENT: '11', PUBLIC_INSTITUTION: '12' };
    const invalid = book.filter(
      ({ creditCode: code, regionCode, type }) =>
        !/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) ||
        code.charAt(17) !== creditCodeCheckCharacter(code.slice(0, 17)) ||
        code.slice(2, 8) !== regionCode ||
        code.slice(0, 2) !== authorities[type],
    );
    expect(invalid).toEqual([]);
    expect(new Set(book.map((a) => a.creditCode)).size).toBe(book.length);
  });

  it('places every account in a real district', () => {
    const elsewhere = book.filter(
      (a) => !isRegionCode(a.regionCode) || regionByCode(a.regionCode) === undefined,
    );
    expect(elsewhere).toEqual([]);
  });

  it('emits every parent before its children', () => {
    const seen = new Set<string>();
    const orphans = book.filter((account) => {
      const orphan = account.parentCreditCode !== null && !seen.has(account.parentCreditCode);
      seen.add(account.creditCode);
      return orphan;
    });
    expect(orphans).toEqual([]);
  });

  it('starts with the biggest group, of exactly largestGroup accounts, maxDepth levels deep', () => {
    const { depth, head } = hierarchy(book);
    const hq = book[0]?.creditCode ?? '';
    const members = book.filter((a) => head.get(a.creditCode) === hq);
    expect(members).toHaveLength(2_000);
    expect(Math.max(...members.map((a) => depth.get(a.creditCode) ?? 0))).toBe(10);
    const others = book.filter((a) => head.get(a.creditCode) !== hq);
    expect(Math.max(...others.map((a) => depth.get(a.creditCode) ?? 0))).toBeLessThanOrEqual(4);
  });

  it('keeps the fields plausible', () => {
    const implausible = book.filter(
      (a) =>
        a.name.length > 200 ||
        a.legalName.length > 200 ||
        a.employees < 1 ||
        a.linesCount < 0 ||
        a.foundedOn < '1950-01-01' ||
        a.foundedOn > '2025-12-31' ||
        a.tags.length > 3 ||
        new Set(a.tags).size !== a.tags.length ||
        (a.type === 'GOVERNMENT' && a.industryCode !== 'S'),
    );
    expect(implausible).toEqual([]);
    const active = book.filter((a) => a.status === 'ACTIVE').length / book.length;
    expect(active).toBeGreaterThan(0.7);
    expect(active).toBeLessThan(0.8);
  });
});

describe('contactsFor', () => {
  const accounts = book.slice(0, 3_000);
  const contacts = accounts.flatMap((account) => contactsFor(account));

  it('gives the same contacts for the same account and seed', () => {
    const account = itemAt(book, 1234);
    expect(contactsFor(account)).toEqual(contactsFor(account));
    expect(contactsFor(account, 1)).not.toEqual(contactsFor(account));
  });

  it('gives every account 1 to 4 contacts', () => {
    const counts = new Set(accounts.map((account) => contactsFor(account).length));
    expect([...counts].sort()).toEqual([1, 2, 3, 4]);
  });

  it('writes mobiles with eleven digits and a prefix in use', () => {
    const mobiles = contacts.flatMap((c) => (c.mobile === null ? [] : [c.mobile]));
    expect(mobiles.length).toBeGreaterThan(contacts.length / 2);
    const wrong = mobiles.filter(
      (mobile) =>
        !/^1(?:3\d|4[5-9]|5[0-35-9]|62|6[5-7]|7[0-8]|8\d|9[0-35-9])\d{8}$/.test(
          mobile.replace(/^\+86/, '').replace(/\D/g, ''),
        ),
    );
    expect(wrong).toEqual([]);
  });

  it("writes office phones with the district's area code and a number of the right length", () => {
    const regions = new Map(accounts.map((a) => [a.creditCode, regionByCode(a.regionCode)]));
    const wrong = contacts.filter(({ officePhone, accountCreditCode }) => {
      if (officePhone === null) return false;
      const region = regions.get(accountCreditCode);
      if (region === undefined) return true;
      const national = officePhone.replace(/^\+86/, '0').replace(/\D/g, '');
      const subscriber = national.slice(region.areaCode.length);
      // 8 digits behind 010 and 02x; 7 or 8, as the city has them, behind a 4-digit area code.
      return (
        !national.startsWith(region.areaCode) ||
        !/^[2-8]\d{6,7}$/.test(subscriber) ||
        (region.areaCode.length === 3 && subscriber.length !== 8) ||
        subscriber.length !== region.subscriberDigits
      );
    });
    expect(wrong).toEqual([]);
  });

  it('labels custom key dates, and only those', () => {
    const dates = contacts.flatMap((c) => c.keyDates);
    expect(dates.some((d) => d.kind === 'CUSTOM')).toBe(true);
    const wrong = dates.filter(
      (d) =>
        !/^\d{4}-\d{2}-\d{2}$/.test(d.date) || (d.kind === 'CUSTOM' ? !d.label : d.label !== null),
    );
    expect(wrong).toEqual([]);
  });

  it('prefers only channels the contact can be reached on', () => {
    const unreachable = contacts.filter(
      (c) =>
        (c.mobile === null && c.officePhone === null) ||
        (c.preferredChannel === 'SMS' && c.mobile === null) ||
        (c.preferredChannel === 'EMAIL' && c.email === null) ||
        (c.email !== null && !/^[a-z0-9.]+@[a-z0-9.-]+\.[a-z]+$/.test(c.email)),
    );
    expect(unreachable).toEqual([]);
  });
});

describe('clusters and associations', () => {
  const codes = new Set(book.map((a) => a.creditCode));

  it('form clusters around leaders from the book, never supporting their own cluster', () => {
    const clusters = generateClusters(book);
    expect(clusters.length).toBeGreaterThan(0);
    expect(new Set(clusters.map((c) => c.name)).size).toBe(clusters.length);
    for (const cluster of clusters) {
      expect(codes.has(cluster.leaderCreditCode)).toBe(true);
      expect(cluster.supportingCreditCodes.every((code) => codes.has(code))).toBe(true);
      expect(cluster.supportingCreditCodes).not.toContain(cluster.leaderCreditCode);
      expect(new Set(cluster.supportingCreditCodes).size).toBe(
        cluster.supportingCreditCodes.length,
      );
      expect(cluster.supportingCreditCodes.length).toBeGreaterThanOrEqual(5);
      expect(cluster.supportingCreditCodes.length).toBeLessThanOrEqual(40);
      expect(cluster.name).toMatch(/产业集群$/);
    }
    expect(generateClusters(book)).toEqual(clusters);
  });

  it('register associations with members from the book', () => {
    const associations = generateAssociations(book);
    expect(associations.length).toBeGreaterThan(0);
    expect(new Set(associations.map((a) => a.name)).size).toBe(associations.length);
    for (const association of associations) {
      expect(isRegionCode(association.regionCode)).toBe(true);
      expect(association.memberCreditCodes.every((code) => codes.has(code))).toBe(true);
      expect(new Set(association.memberCreditCodes).size).toBe(
        association.memberCreditCodes.length,
      );
    }
  });
});

describe('valueInputsFor', () => {
  const book = [...generateAccounts({ accounts: 400 })];
  const months = monthsUpTo('2026-10', 12);

  it('bills an active account every month of the year, the same way every time', () => {
    const active = book.find((a) => a.status === 'ACTIVE');
    if (!active) throw new Error('the demo book has an active account');
    const rows = valueInputsFor(active, 'GA00000001', months);
    expect(rows.map((r) => r.month)).toEqual(months);
    expect(months[0]).toBe('2025-11');
    expect(valueInputsFor(active, 'GA00000001', months)).toEqual(rows);
    for (const row of rows) {
      expect(row.voice).toBeGreaterThan(0);
      expect(row.commission + row.marketing + row.operating).toBeLessThan(
        row.voice +
          row.data +
          row.leasedLine +
          row.broadband +
          row.groupShortNumber +
          row.cloud +
          row.iot,
      );
    }
  });

  it('bills no prospect, and concentrates the value in a few accounts', () => {
    const prospect = book.find((a) => a.status === 'PROSPECT');
    if (prospect) expect(valueInputsFor(prospect, 'GA00000002', months)).toEqual([]);
    const yearly = book
      .map((a) => valueInputsFor(a, 'GA', months).reduce((sum, r) => sum + r.data, 0))
      .sort((x, y) => y - x);
    const total = yearly.reduce((a, b) => a + b, 0);
    const top = yearly.slice(0, Math.ceil(yearly.length * 0.2)).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.5);
  });
});
