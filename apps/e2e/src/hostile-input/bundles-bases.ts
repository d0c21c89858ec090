const U1 = '0b6c1a52-4d7e-4f0a-9c55-2d6f3f1e0001';
const target = { id: U1, version: 1 };
const lines = [
  { productCode: 'DIA', quantity: 1, attributes: [{ name: 'bandwidthMbps', value: '100' }] },
  { productCode: 'FIXED_LINE', quantity: 10, attributes: [] },
];

/** For every mutation of the bundles service, arguments that pass every edge check. */
export const BUNDLES_BASES: Record<string, Record<string, unknown>> = {
  saveBundleProduct: {
    input: {
      code: 'DIA_E2E',
      nameZh: '互联网专线',
      nameEn: 'Dedicated internet access',
      family: 'LEASED_LINE',
      unit: '条',
      monthlyListFen: '120000',
      oneTimeFeeFen: '300000',
      taxCategory: 'VALUE_ADDED_TELECOM',
      attributes: [
        {
          name: 'bandwidthMbps',
          nameZh: '带宽',
          nameEn: 'Bandwidth',
          kind: 'INTEGER',
          min: 10,
          max: 10000,
          step: 10,
          unit: 'Mbps',
          default: '100',
        },
        {
          name: 'slaClass',
          nameZh: '服务等级',
          nameEn: 'SLA class',
          kind: 'ENUM',
          values: ['GOLD', 'SILVER'],
          default: 'SILVER',
        },
      ],
      priceBands: [{ attribute: 'bandwidthMbps', from: 100, monthlyListFen: '600000' }],
      surcharges: [{ attribute: 'slaClass', value: 'GOLD', monthlyFen: '80000' }],
    },
  },
  setBundleProductLifecycle: { input: { code: 'DIA_E2E', version: 1, lifecycle: 'ACTIVE' } },
  saveBundleTemplate: {
    input: {
      code: 'SME_E2E',
      nameZh: '中小企业套餐',
      nameEn: 'SME package',
      kind: 'SME',
      core: { productCode: 'DIA', minQuantity: 1, maxQuantity: 1 },
      modules: [{ productCode: 'FIXED_LINE', minQuantity: 0, maxQuantity: 50 }],
      rules: [{ id: 'choose-one', kind: 'CHOOSE', items: ['FIXED_LINE'], min: 1, max: 1 }],
      bundleDiscountBp: 800,
      eligibility: { tiers: ['B', 'C'], employeesMax: 300 },
    },
  },
  setBundleTemplateLifecycle: { input: { code: 'SME_E2E', version: 1, lifecycle: 'ACTIVE' } },
  setBundleApprover: {
    input: { subject: 'D1001', level: 'REGIONAL_DIRECTOR', regionPrefix: '44', active: true },
  },
  draftBundleProposal: {
    input: {
      groupAccountId: U1,
      templateCode: 'SME_BUSINESS',
      lines,
      manualDiscount: { percentBp: 500 },
    },
  },
  reviseBundleProposal: { input: { ...target, lines, manualDiscount: { monthlyFen: '10000' } } },
  submitBundleProposal: { input: target },
  approveBundleProposal: { input: target },
  rejectBundleProposal: { input: { ...target, comment: '折扣过深，请调整。' } },
  sendBundleProposal: { input: target },
  acceptBundleProposal: { input: target },
  declineBundleProposal: { input: target },
  startTrial: {
    input: { groupAccountId: U1, templateCode: 'SME_BUSINESS', note: '客户想先试用三个月。' },
  },
  convertTrial: { input: { ...target, lines } },
  endTrialEarly: { input: target },
  changeSubscription: { input: { ...target, quantity: 12, effectiveOn: '2026-12-31' } },
  endSubscription: {
    input: { ...target, endsOn: '2026-12-31', reason: '客户搬迁，不再需要。' },
  },
  importBundleUsage: { input: { format: 'CSV', content: 'subscriptionId\n', dryRun: true } },
  recordProductPresented: {
    input: {
      groupAccountId: U1,
      productCode: 'MOBILE_OFFICE',
      channel: 'VISIT',
      presentedOn: '2026-06-01',
      note: '客户对移动办公很感兴趣。',
    },
  },
};
