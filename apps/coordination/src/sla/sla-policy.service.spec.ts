import type { DataSource } from 'typeorm';
import type { Caller } from '@gap/auth';
import {
  ACCOUNT_TIERS,
  DEFAULT_SLA_POLICY,
  PRIORITIES,
  REQUEST_TYPES,
} from '@gap/coordination/domain';
import { openEscalationTestDatabase } from '../escalation/escalation.fixture.js';
import { SlaPolicyRepository } from './sla-policy.repository.js';
import { SlaPolicyService } from './sla-policy.service.js';
import type { CreateSlaPolicyInput } from './sla-policy.types.js';

const ADMIN: Caller = { subject: 'A0001', roles: ['ADMIN'] };
const COORDINATOR: Caller = { subject: 'C0001', roles: ['COORDINATOR'] };

/** The default policy as an admin would type it, under another version. */
function input(version: string, overrides: Partial<CreateSlaPolicyInput> = {}) {
  const p = DEFAULT_SLA_POLICY;
  return {
    version,
    responseMinutes: ACCOUNT_TIERS.flatMap((tier) =>
      PRIORITIES.map((priority) => ({
        tier,
        priority,
        minutes: p.responseMinutes[tier][priority],
      })),
    ),
    resolutionMinutes: REQUEST_TYPES.flatMap((type) =>
      PRIORITIES.map((priority) => ({
        type,
        priority,
        minutes: p.resolutionMinutes[type][priority],
      })),
    ),
    resolutionTierFactor: ACCOUNT_TIERS.map((tier) => ({
      tier,
      factor: p.resolutionTierFactor[tier],
    })),
    warningShare: p.warningShare,
    escalation: p.escalation.map((s) => ({ ...s })),
    reopenWindowDays: p.reopenWindowDays,
    makeCurrent: true,
    ...overrides,
  } satisfies CreateSlaPolicyInput;
}

describe('the SLA policy versions', () => {
  let dataSource: DataSource;
  let repository: SlaPolicyRepository;
  let service: SlaPolicyService;

  beforeAll(async () => {
    dataSource = await openEscalationTestDatabase('policy');
    repository = new SlaPolicyRepository(dataSource);
    service = new SlaPolicyService(repository);
  });

  afterAll(() => dataSource?.destroy());

  it('adds a version an admin gives and makes it current, the older ones kept', async () => {
    const created = await service.create(
      ADMIN,
      input('2027.1', { warningShare: 0.8, reopenWindowDays: 14 }),
    );
    expect(created).toMatchObject({ version: '2027.1', isCurrent: true, createdBy: 'A0001' });
    expect(await repository.current()).toEqual({
      ...DEFAULT_SLA_POLICY,
      version: '2027.1',
      warningShare: 0.8,
      reopenWindowDays: 14,
    });
    const versions = await service.list(COORDINATOR);
    expect(versions.map((v) => [v.version, v.isCurrent])).toEqual([
      ['2027.1', true],
      [DEFAULT_SLA_POLICY.version, false],
    ]);
  });

  it('refuses a policy with problems, each coded and naming its field', async () => {
    const [first, ...rest] = input('bad').responseMinutes;
    const bad = input('bad', {
      responseMinutes: [{ ...first, minutes: 0 }, ...rest],
      warningShare: 1.2,
      escalation: [
        { level: 'DEPARTMENT_HEAD', afterBreachMinutes: 60 },
        { level: 'COORDINATION_LEAD', afterBreachMinutes: 30 },
      ],
    });
    const error = await service.create(ADMIN, bad).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', kind: 'INVALID_INPUT' });
    const violations = (error as { violations: { field: string; reason: string }[] }).violations;
    expect(violations.map((v) => [v.field, v.reason])).toEqual([
      ['input.responseMinutes.A.P1', 'POLICY_TARGET_NOT_POSITIVE'],
      ['input.warningShare', 'POLICY_WARNING_SHARE_OUT_OF_RANGE'],
      ['input.escalation.1.afterBreachMinutes', 'POLICY_ESCALATION_NOT_ASCENDING'],
    ]);
    const missing = input('gap', { resolutionMinutes: input('gap').resolutionMinutes.slice(1) });
    await expect(service.create(ADMIN, missing)).rejects.toMatchObject({
      field: 'input.resolutionMinutes.LEASED_LINE_BUILD.P1',
    });
    expect((await service.list(ADMIN)).map((v) => v.version)).not.toContain('bad');
  });

  it('never edits a version, and lets only admins add one', async () => {
    await expect(service.create(ADMIN, input('2027.1'))).rejects.toMatchObject({
      code: 'POLICY_VERSION_TAKEN',
      field: 'input.version',
    });
    await expect(service.create(COORDINATOR, input('2027.2'))).rejects.toMatchObject({
      kind: 'FORBIDDEN',
    });
    await expect(service.list({ subject: 'P1', roles: ['PARTNER'] })).rejects.toMatchObject({
      kind: 'FORBIDDEN',
    });
  });
});
