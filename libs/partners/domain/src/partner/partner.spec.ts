import {
  isPartnerScope,
  isRegionPrefix,
  isUnderContract,
  mayAuthenticate,
  mayServe,
  PARTNER_SCOPES,
  partnerServiceProblem,
  partnerTermsProblems,
  type Partner,
} from './partner.js';
import { changePartnerStatus } from './partner-status.js';

const agent: Partner = {
  id: 'P-1',
  name: '福州星辰通信代理有限公司',
  type: 'AGENT',
  status: 'ACTIVE',
  regionPrefixes: ['3501', '350203'],
  industrySections: ['I', 'F'],
  contractStartsOn: '2026-01-01',
  contractEndsOn: '2026-12-31',
};

describe('partner organisations', () => {
  it('accepts well-formed terms', () => {
    expect(partnerTermsProblems(agent)).toEqual([]);
    expect(partnerTermsProblems({ ...agent, contractEndsOn: null })).toEqual([]);
  });

  it('names every field that is wrong', () => {
    const problems = partnerTermsProblems({
      name: '  ',
      type: 'BROKER' as 'AGENT',
      regionPrefixes: ['35', '99', '3501x', '350'],
      industrySections: ['I', 'Z', 'i'],
      contractStartsOn: '2026-02-30',
      contractEndsOn: null,
    });
    expect(problems.map((p) => [p.field, p.reason])).toEqual([
      ['name', 'PARTNER_NAME_LENGTH'],
      ['type', 'PARTNER_TYPE_UNKNOWN'],
      ['regionPrefixes[1]', 'PARTNER_REGION_CODE'],
      ['regionPrefixes[2]', 'PARTNER_REGION_CODE'],
      ['regionPrefixes[3]', 'PARTNER_REGION_CODE'],
      ['industrySections[1]', 'PARTNER_INDUSTRY_SECTION'],
      ['industrySections[2]', 'PARTNER_INDUSTRY_SECTION'],
      ['contractStartsOn', 'PARTNER_CONTRACT_DATE'],
    ]);
    expect(problems[0]?.localized?.['zh-CN']).toContain('合作伙伴名称');
  });

  it('needs at least one region and one industry, and a contract that ends after it starts', () => {
    const problems = partnerTermsProblems({
      ...agent,
      regionPrefixes: [],
      industrySections: [],
      contractEndsOn: '2025-12-31',
    });
    expect(problems.map((p) => p.field)).toEqual([
      'regionPrefixes',
      'industrySections',
      'contractEndsOn',
    ]);
    expect(problems[2]?.reason).toBe('PARTNER_CONTRACT_ENDS_BEFORE_START');
  });

  it('reads regionPrefixes as GB/T 2260 codes at province, city or county level', () => {
    expect(['35', '3501', '350102', '82'].every(isRegionPrefix)).toBe(true);
    expect(['3', '351', '99', '00', '3501021', 'ab'].some(isRegionPrefix)).toBe(false);
  });

  it('serves a county under one of its regionPrefixes, in one of its industrySections', () => {
    expect(mayServe(agent, '350102', 'I')).toBe(true); // 福州市鼓楼区, information services
    expect(mayServe(agent, '350203', 'F')).toBe(true); // 厦门市思明区
    expect(partnerServiceProblem(agent, '350206', 'I')).toBe('PARTNER_REGION_NOT_COVERED');
    expect(partnerServiceProblem(agent, '350102', 'C')).toBe('PARTNER_INDUSTRY_NOT_COVERED');
    expect(partnerServiceProblem(agent, '3501', 'I')).toBe('PARTNER_REGION_NOT_COVERED');
  });

  it('serves nothing while suspended or ended, or outside its contract', () => {
    expect(mayServe({ ...agent, status: 'SUSPENDED' }, '350102', 'I')).toBe(false);
    expect(partnerServiceProblem({ ...agent, status: 'ENDED' }, '350102', 'I')).toBe(
      'PARTNER_NOT_ACTIVE',
    );
    expect(partnerServiceProblem(agent, '350102', 'I', '2027-01-01')).toBe(
      'PARTNER_OUT_OF_CONTRACT',
    );
    expect(partnerServiceProblem(agent, '350102', 'I', '2026-12-31')).toBeNull();
  });

  it('counts both ends of the contract as in force', () => {
    expect(isUnderContract(agent, '2025-12-31')).toBe(false);
    expect(isUnderContract(agent, '2026-01-01')).toBe(true);
    expect(isUnderContract({ ...agent, contractEndsOn: null }, '2099-01-01')).toBe(true);
    expect(mayAuthenticate(agent, '2026-06-01')).toBe(true);
    expect(mayAuthenticate({ ...agent, status: 'SUSPENDED' }, '2026-06-01')).toBe(false);
    expect(mayAuthenticate(agent, '2027-06-01')).toBe(false);
  });

  it('grants only the four partner scopes', () => {
    expect(PARTNER_SCOPES).toEqual([
      'leads:write',
      'leads:read',
      'webhooks:manage',
      'customers:read',
    ]);
    expect(isPartnerScope('leads:write')).toBe(true);
    expect(isPartnerScope('admin')).toBe(false);
  });
});

describe('partner status', () => {
  const today = '2026-06-01';

  it('suspends with a reason and revokes the credentials at once', () => {
    const change = changePartnerStatus(agent, 'SUSPENDED', '多次提交虚假线索', today);
    expect(change).toEqual({
      ok: true,
      partner: { ...agent, status: 'SUSPENDED' },
      revokeCredentials: true,
    });
  });

  it('lifts a suspension while the contract is in force', () => {
    const suspended = { ...agent, status: 'SUSPENDED' as const };
    expect(changePartnerStatus(suspended, 'ACTIVE', null, today)).toMatchObject({
      ok: true,
      revokeCredentials: false,
    });
    expect(changePartnerStatus(suspended, 'ACTIVE', null, '2027-01-01')).toMatchObject({
      ok: false,
      refusal: { code: 'PARTNER_CONTRACT_NOT_IN_FORCE' },
    });
  });

  it.each([
    ['ACTIVE', 'ACTIVE', null, 'PARTNER_STATUS_UNCHANGED'],
    ['ENDED', 'ACTIVE', null, 'PARTNER_ENDED'],
    ['ENDED', 'SUSPENDED', '合同终止后复查', 'PARTNER_ENDED'],
    ['ACTIVE', 'SUSPENDED', 'ok', 'PARTNER_STATUS_REASON_REQUIRED'],
    ['SUSPENDED', 'ENDED', null, 'PARTNER_STATUS_REASON_REQUIRED'],
  ] as const)('refuses %s → %s (reason %s) with %s', (from, to, why, code) => {
    const change = changePartnerStatus({ ...agent, status: from }, to, why, today);
    expect(change).toEqual({
      ok: false,
      refusal: { code, figures: { partnerId: 'P-1', from, to } },
    });
  });

  it('ends a partnership for good', () => {
    const ended = changePartnerStatus(agent, 'ENDED', '合同到期不再续签', today);
    expect(ended).toMatchObject({
      ok: true,
      partner: { status: 'ENDED' },
      revokeCredentials: true,
    });
  });
});
