import { BUNDLES_BASES } from './bundles-bases.js';
import { COORDINATION_BASES } from './coordination-bases.js';
import { PARTNERS_BASES } from './partners-bases.js';

const U1 = '0b6c1a52-4d7e-4f0a-9c55-2d6f3f1e0001';
const U2 = '0b6c1a52-4d7e-4f0a-9c55-2d6f3f1e0002';
const name = '厦门鹭岛物流集团有限公司';
const reason = '区域调整，重新分配客户';

/**
 * For every mutation of accounts, tiering and managers, arguments that pass every edge check,
 * so that the one hostile value put in is the only fault. Optional nested inputs are given so
 * that their fields are tried too. The base rows are never sent as they are.
 */
export const MUTATION_BASES: Record<string, Record<string, Record<string, unknown>>> = {
  accounts: {
    createGroupAccount: {
      input: {
        name,
        legalName: name,
        creditCode: '91350203MA00000000',
        creditCodeOverrideReason: reason,
        type: 'ENTERPRISE',
        industryCode: 'G',
        regionCode: '350203',
        employees: 120,
        linesCount: 80,
        foundedOn: '2001-05-01',
        tags: ['物流'],
        parentId: U1,
      },
    },
    updateGroupAccount: {
      input: {
        id: U1,
        version: 1,
        name,
        legalName: name,
        type: 'ENTERPRISE',
        industryCode: 'G',
        regionCode: '350203',
        employees: 120,
        linesCount: 80,
        foundedOn: '2001-05-01',
        tags: ['物流'],
      },
    },
    changeGroupAccountStatus: { input: { id: U1, version: 1, status: 'SUSPENDED', reason } },
    moveGroupAccount: { input: { id: U1, parentId: U2 } },
    createIndustryCluster: {
      input: { name, industryCode: 'C', regionCode: '350200', leaderId: U1, supporterIds: [U2] },
    },
    addClusterSupporters: { input: { clusterId: U1, accountIds: [U2] } },
    removeClusterSupporters: { input: { clusterId: U1, accountIds: [U2] } },
    createIndustryAssociation: { input: { name, industryCode: 'C', regionCode: '350200' } },
    addAssociationMembers: { input: { associationId: U1, accountIds: [U2] } },
    removeAssociationMembers: { input: { associationId: U1, accountIds: [U2] } },
    addContact: { input: { groupAccountId: U1, ...contactFields(), consents: [consent()] } },
    updateContact: { input: { id: U1, version: 1, ...contactFields() } },
    recordContactConsent: { input: { contactId: U1, ...consent() } },
    eraseContact: { id: U1 },
    importGroupAccounts: { input: { format: 'CSV', content: 'name\n', dryRun: true } },
  },
  tiering: {
    setTierOverride: {
      input: { groupAccountId: U1, tier: 'A', reason: '省级战略客户', validUntil: '2027-06-30' },
    },
    revokeTierOverride: { input: { overrideId: U1, reason } },
    previewTieringRun: { asOf: '2026-10', policyVersion: 'v2026' },
    applyTieringRun: { runId: U1, effectiveFrom: '2026-11-01' },
    createTieringPolicy: {
      input: {
        version: 'v2027',
        horizonYears: 5,
        discountRate: 0.08,
        retention: { base: 0.85, perTenureYear: 0.01, perComplaint: 0.02, min: 0.5, max: 0.97 },
        walletPerEmployee: [{ industryCode: 'C', perEmployee: '300000' }],
        defaultWalletPerEmployee: '200000',
        clusterLeaderShare: 0.2,
        segmentThresholds: { current: '5000000', potential: '10000000' },
        cutoffs: { A: 0.8, B: 0.15, C: 0.05 },
        hysteresisMargin: 0.02,
        groupFloor: { A: 'B', B: null },
        scoreWeights: { current: 0.5, potential: 0.3, lifetime: 0.2 },
        walletPerLine: '120000',
        makeCurrent: false,
      },
    },
    importValueInputs: { input: { format: 'CSV', content: 'accountCode\n', dryRun: true } },
  },
  managers: {
    registerAccountManager: {
      input: {
        id: 'E9101',
        name: '林晓',
        grade: 'STANDARD',
        regions: ['350200'],
        industries: ['C'],
        capacity: 100,
        supervisorId: 'S9100',
      },
    },
    updateAccountManager: {
      input: {
        id: 'E9101',
        name: '林晓',
        grade: 'STANDARD',
        regions: ['350200'],
        industries: ['C'],
        capacity: 100,
        supervisorId: 'S9100',
        status: 'ACTIVE',
      },
    },
    assignPrimaryManager: { input: { groupAccountId: U1, managerId: 'E9101', reason } },
    setTeamMember: { input: { groupAccountId: U1, managerId: 'E9101', role: 'BACKUP' } },
    removeTeamMember: { input: { groupAccountId: U1, managerId: 'E9101' } },
    planHandover: {
      input: { groupAccountId: U1, toManagerId: 'E9101', reason, dueOn: '2026-12-31' },
    },
    startHandover: { id: U1 },
    resolveChecklistItem: {
      input: {
        handoverId: U1,
        key: 'CUSTOMER_NOTIFIED',
        outcome: 'DONE',
        note: reason,
        channel: 'PHONE',
      },
    },
    completeHandover: { id: U1 },
    cancelHandover: { input: { handoverId: U1, reason } },
    offboardAccountManager: { input: { managerId: 'E9101', lastDay: '2026-12-31' } },
    createManagerPolicy: {
      input: {
        version: 'm2027',
        tiers: [
          { tier: 'A', grades: ['KEY_ACCOUNT'], fittingGrade: 'KEY_ACCOUNT', points: 10 },
          { tier: 'B', grades: ['KEY_ACCOUNT', 'SENIOR'], fittingGrade: 'SENIOR', points: 4 },
          { tier: 'C', grades: ['SENIOR', 'STANDARD'], fittingGrade: 'STANDARD', points: 1 },
        ],
        maxLoadRatio: 1,
        costs: {
          regionSameProvince: 1,
          regionOutside: 2,
          industryOutside: 3,
          industryGeneralist: 4,
          gradeStep: 5,
          move: 6,
          load: 7,
        },
        handover: {
          minShadowDays: { A: 14, B: 7, C: 3 },
          supervisorExtraPoints: 0,
          supervisorTakesAccounts: true,
          waivedBy: ['SUPERVISOR', 'ADMIN'],
        },
        rebalance: { minLoadShare: 0.6, maxCostPerPoint: 20 },
        makeCurrent: false,
      },
    },
    previewRebalance: { scope: { managerIds: ['E9101'], regionPrefix: '3502', misfitOnly: false } },
    applyRebalance: { input: { rebalanceId: U1, dueOn: '2026-12-31' } },
  },
  coordination: COORDINATION_BASES,
  bundles: BUNDLES_BASES,
  partners: PARTNERS_BASES,
};

function contactFields(): Record<string, unknown> {
  return {
    name: '陈建国',
    title: '信息中心主任',
    role: 'DECISION_MAKER',
    mobile: '138 0592 0000',
    officePhone: '0592-5550000',
    email: 'chen@example.cn',
    preferredChannel: 'PHONE',
    birthday: '1975-03-08',
    keyDates: [{ kind: 'CUSTOM', date: '2026-08-08', label: '签约纪念日', yearly: true }],
  };
}
function consent(): Record<string, unknown> {
  return { purpose: 'CARE_GREETINGS', given: true };
}
