import type { DataSource } from 'typeorm';
import type { Caller } from '@gap/auth';
import {
  addApprover,
  bundleServices,
  eventsAbout,
  manager,
  openBundlesTestDatabase,
  rejection,
  seedAccount,
  seedCatalogue,
  supervisor,
  writtenRows,
  type BundleServices,
} from '../testing/bundles-harness.js';

let dataSource: DataSource;
let services: BundleServices;
const SELLER = manager('M1001');
const TEAM_LEAD = supervisor('S1001');
const DIRECTOR = supervisor('D1001');
const FAR_DIRECTOR = supervisor('D2001');

beforeAll(async () => {
  dataSource = await openBundlesTestDatabase('proposals');
  services = bundleServices(dataSource);
  await seedCatalogue(services);
  await addApprover(services, 'S1001', 'SUPERVISOR');
  await addApprover(services, 'D1001', 'REGIONAL_DIRECTOR', '44');
  await addApprover(services, 'D2001', 'REGIONAL_DIRECTOR', '32');
});
afterAll(() => dataSource.destroy());

/** An SME in Guangzhou, tier B, in the seller's portfolio under the team lead. */
const smeAccount = () =>
  seedAccount(dataSource, { tier: 'B', managerId: 'M1001', supervisorId: 'S1001' });

/** A leased line with desk phones and mobile office for 20 staff. */
const smeLines = () => [
  { productCode: 'DIA', quantity: 1, attributes: [{ name: 'bandwidthMbps', value: '100' }] },
  { productCode: 'FIXED_LINE', quantity: 10, attributes: [] },
  { productCode: 'MOBILE_OFFICE', quantity: 20, attributes: [] },
];

async function draft(accountId: string, percentBp: number | null = null, caller: Caller = SELLER) {
  return services.drafting.draft(caller, {
    groupAccountId: accountId,
    templateCode: 'SME_BUSINESS',
    lines: smeLines(),
    manualDiscount: percentBp === null ? null : { percentBp },
  });
}

describe('a proposal through its life', () => {
  it('goes through a two-step approval for a discount beyond policy, is accepted and starts subscriptions', async () => {
    const accountId = await smeAccount();
    const id = await draft(accountId, 1500);
    const drafted = await services.queries.byId(SELLER, id);
    expect(drafted).toMatchObject({ state: 'DRAFT', revision: 1, authorId: 'M1001' });
    expect(drafted.reference).toMatch(/^BP-\d{4}-\d{6}$/);
    expect(drafted.price.tier).toBe('B');
    expect(drafted.price.tierDiscountBp).toBe(800);

    await services.commands.submit(SELLER, { id });
    const submitted = await services.queries.byId(SELLER, id);
    expect(submitted.state).toBe('SUBMITTED');
    expect(submitted.chain).toEqual(['SUPERVISOR', 'REGIONAL_DIRECTOR']);
    expect(submitted.price.discountDepthBp).toBeGreaterThan(1000);
    expect(submitted.nextApproverLevel).toBe('SUPERVISOR');

    const early = await rejection(services.commands.approve(DIRECTOR, { id }));
    expect(early.code).toBe('NOT_NEXT_APPROVER');

    await services.commands.approve(TEAM_LEAD, { id });
    const halfway = await services.queries.byId(SELLER, id);
    expect(halfway.state).toBe('SUBMITTED');
    expect(halfway.nextApproverLevel).toBe('REGIONAL_DIRECTOR');
    // The director is in no team of the account, yet reads what they decide on.
    expect((await services.queries.byId(DIRECTOR, id)).id).toBe(id);

    await services.commands.approve(DIRECTOR, { id });
    const approved = await services.queries.byId(SELLER, id);
    expect(approved.state).toBe('APPROVED');
    expect(approved.approvals.map((a) => [a.level, a.approverId])).toEqual([
      ['SUPERVISOR', 'S1001'],
      ['REGIONAL_DIRECTOR', 'D1001'],
    ]);

    await services.commands.send(SELLER, { id });
    const sent = await services.queries.byId(SELLER, id);
    expect(sent.state).toBe('SENT');
    expect(sent.validUntil?.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    await services.commands.accept(SELLER, { id });
    const accepted = await services.queries.byId(SELLER, id);
    expect(accepted.state).toBe('ACCEPTED');
    expect(accepted.history.map((h) => h.toState)).toEqual([
      'DRAFT',
      'SUBMITTED',
      'SUBMITTED',
      'APPROVED',
      'SENT',
      'ACCEPTED',
    ]);

    const subscriptions = await services.queries.subscriptionsOf(SELLER, accountId);
    expect(subscriptions.map((s) => [s.productCode, s.quantity]).sort()).toEqual([
      ['DIA', 1],
      ['FIXED_LINE', 10],
      ['MOBILE_OFFICE', 20],
    ]);
    const monthly = subscriptions.reduce((sum, s) => sum + s.monthlyNetFen, 0);
    expect(monthly).toBe(accepted.price.monthly.netFen);

    const events = (await eventsAbout(dataSource, accountId)).map((e) => e.type);
    expect(events).toEqual([
      'ProposalSubmitted',
      'ProposalApproved',
      'SubscriptionStarted',
      'SubscriptionStarted',
      'SubscriptionStarted',
      'ProposalAccepted',
    ]);
  });

  it('is approved at once when the price stays within policy', async () => {
    const accountId = await smeAccount();
    const id = await draft(accountId);
    await services.commands.submit(SELLER, { id });
    const proposal = await services.queries.byId(SELLER, id);
    expect(proposal.state).toBe('APPROVED');
    expect(proposal.chain).toEqual([]);
    const events = (await eventsAbout(dataSource, accountId)).map((e) => e.type);
    expect(events).toEqual(['ProposalSubmitted', 'ProposalApproved']);
  });

  it('keeps a rejected proposal’s history and takes a revision back to draft', async () => {
    const accountId = await smeAccount();
    const id = await draft(accountId, 1500);
    await services.commands.submit(SELLER, { id });
    await services.commands.reject(TEAM_LEAD, { id, comment: '折扣过深，请调整。' });
    expect((await services.queries.byId(SELLER, id)).state).toBe('REJECTED');
    await services.commands.revise(SELLER, {
      id,
      lines: smeLines(),
      manualDiscount: { percentBp: 500 },
    });
    const revised = await services.queries.byId(SELLER, id);
    expect(revised).toMatchObject({ state: 'DRAFT', revision: 2 });
    expect(revised.history.map((h) => [h.action, h.toState])).toEqual([
      ['DRAFT', 'DRAFT'],
      ['SUBMIT', 'SUBMITTED'],
      ['REJECT', 'REJECTED'],
      ['REVISE', 'DRAFT'],
    ]);
    expect(revised.history[2]?.comment).toBe('折扣过深，请调整。');
  });

  it('expires a sent proposal the customer left past its validity', async () => {
    const accountId = await smeAccount();
    const id = await draft(accountId);
    await services.commands.submit(SELLER, { id });
    await services.commands.send(SELLER, { id });
    const sent = await services.queries.byId(SELLER, id);
    const later = new Date((sent.validUntil?.getTime() ?? 0) + 1000);
    expect(await services.commands.expireDue(later)).toBeGreaterThanOrEqual(1);
    expect((await services.queries.byId(SELLER, id)).state).toBe('EXPIRED');
    const events = (await eventsAbout(dataSource, accountId)).map((e) => e.type);
    expect(events).toContain('ProposalExpired');
  });
});

describe('what a proposal refuses, writing nothing', () => {
  it('refuses that anyone approves their own proposal', async () => {
    const accountId = await seedAccount(dataSource, {
      tier: 'B',
      managerId: 'S1001',
      supervisorId: 'S1001',
    });
    const id = await draft(accountId, 1500, supervisor('S1001'));
    await services.commands.submit(supervisor('S1001'), { id });
    const before = await writtenRows(dataSource);
    const refused = await rejection(services.commands.approve(supervisor('S1001'), { id }));
    expect(refused).toMatchObject({ code: 'SELF_APPROVAL', kind: 'FORBIDDEN' });
    expect(await writtenRows(dataSource)).toEqual(before);
  });

  it('refuses an approver outside their region', async () => {
    const accountId = await smeAccount();
    const id = await draft(accountId, 1500);
    await services.commands.submit(SELLER, { id });
    await services.commands.approve(TEAM_LEAD, { id });
    const before = await writtenRows(dataSource);
    const refused = await rejection(services.commands.approve(FAR_DIRECTOR, { id }));
    expect(refused).toMatchObject({ code: 'APPROVER_OUT_OF_SCOPE', kind: 'FORBIDDEN' });
    expect(await writtenRows(dataSource)).toEqual(before);
    // Nor does an approver outside their reach see the proposal.
    expect(await rejection(services.queries.byId(FAR_DIRECTOR, id))).toMatchObject({
      kind: 'NOT_FOUND',
    });
  });

  it('refuses to send a discount beyond policy that nobody approved', async () => {
    const accountId = await smeAccount();
    const id = await draft(accountId, 2500);
    await services.commands.submit(SELLER, { id });
    const before = await writtenRows(dataSource);
    const refused = await rejection(services.commands.send(SELLER, { id }));
    expect(refused).toMatchObject({ code: 'ACTION_NOT_ALLOWED_IN_STATE', kind: 'CONFLICT' });
    expect(await writtenRows(dataSource)).toEqual(before);
    expect((await services.queries.byId(SELLER, id)).chain).toEqual([
      'SUPERVISOR',
      'REGIONAL_DIRECTOR',
      'HEADQUARTERS',
    ]);
  });

  it('refuses to accept a proposal whose validity has passed', async () => {
    const accountId = await smeAccount();
    const id = await draft(accountId);
    await services.commands.submit(SELLER, { id });
    await services.commands.send(SELLER, { id });
    const sent = await services.queries.byId(SELLER, id);
    const later = new Date((sent.validUntil?.getTime() ?? 0) + 86_400_000);
    const before = await writtenRows(dataSource);
    const refused = await rejection(
      services.commands.accept(SELLER, { id }, 'acceptBundleProposal', later),
    );
    expect(refused).toMatchObject({ code: 'PROPOSAL_EXPIRED', kind: 'CONFLICT' });
    expect(await writtenRows(dataSource)).toEqual(before);
  });

  it('refuses a stale version and an account outside the seller’s portfolio', async () => {
    const accountId = await smeAccount();
    const id = await draft(accountId);
    const stale = await rejection(services.commands.submit(SELLER, { id, version: 7 }));
    expect(stale).toMatchObject({ code: 'PROPOSAL_VERSION_CONFLICT', field: 'input.version' });
    const other = await rejection(services.commands.submit(manager('M9999'), { id }));
    expect(other).toMatchObject({ code: 'PROPOSAL_NOT_FOUND', kind: 'NOT_FOUND' });
  });
});
