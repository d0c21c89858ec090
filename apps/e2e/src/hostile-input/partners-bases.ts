const U1 = '0b6c1a52-4d7e-4f0a-9c55-2d6f3f1e0001';

/** What a partner is, as registration sets it and an update replaces it. */
export const PARTNER_FIELDS = {
  name: '厦门鹭通信息技术有限公司',
  type: 'AGENT',
  level: 'CORE',
  regionPrefixes: ['3502'],
  industrySections: ['G'],
  contractStartsOn: '2026-01-01',
  contractEndsOn: '2027-12-31',
  contacts: [
    { name: '陈立', title: '渠道经理', mobile: '138 0592 1234', email: 'chen@example.cn' },
  ],
};

/** For every mutation of the partners service, arguments that pass every edge check. */
export const PARTNERS_BASES: Record<string, Record<string, unknown>> = {
  registerPartner: { input: { code: 'AG-E2E', ...PARTNER_FIELDS } },
  updatePartner: { input: { id: U1, version: 1, ...PARTNER_FIELDS } },
  changePartnerStatus: {
    input: { id: U1, status: 'SUSPENDED', reason: '违规转售，暂停合作', version: 1 },
  },
  reviewDuplicate: { input: { leadId: U1, version: 1, decision: 'CONFIRM', candidateId: U1 } },
  decideConflict: {
    input: {
      leadId: U1,
      version: 1,
      decision: 'ROUTE_TO_MANAGER',
      managerId: 'M1001',
      accountId: U1,
      note: '客户经理已长期服务',
    },
  },
  assignLead: { input: { leadId: U1, version: 1, managerId: 'M1001', accountId: U1 } },
  recordLeadContact: { input: { leadId: U1, version: 1, at: '2026-03-10T06:30:00.000Z' } },
  convertLead: { input: { leadId: U1, version: 1 } },
  loseLead: {
    input: { leadId: U1, version: 1, reason: 'OTHER', note: '客户已与集团总部统一采购' },
  },
  issuePartnerClient: {
    input: { partnerId: U1, name: '鹭通线索对接', scopes: ['LEADS_WRITE', 'LEADS_READ'] },
  },
  rotatePartnerClientSecret: { clientId: 'pc_0b6c1a524d7e4f0a' },
  revokePartnerClient: { clientId: 'pc_0b6c1a524d7e4f0a' },
};
