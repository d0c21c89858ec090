import { DEFAULT_SLA_POLICY } from '@gap/coordination/domain';

const U1 = '0b6c1a52-4d7e-4f0a-9c55-2d6f3f1e0001';
const U2 = '0b6c1a52-4d7e-4f0a-9c55-2d6f3f1e0002';
const reason = '客户要求调整方案';
const target = { id: U1, version: 1 };
const task = { ...target, taskId: U2 };

/** The current SLA policy as a createSlaPolicy input: every cell once. */
function policyInput(): Record<string, unknown> {
  const p = DEFAULT_SLA_POLICY;
  return {
    version: 'e2e-2026.1',
    responseMinutes: Object.entries(p.responseMinutes).flatMap(([tier, cells]) =>
      Object.entries(cells).map(([priority, minutes]) => ({ tier, priority, minutes })),
    ),
    resolutionMinutes: Object.entries(p.resolutionMinutes).flatMap(([type, cells]) =>
      Object.entries(cells).map(([priority, minutes]) => ({ type, priority, minutes })),
    ),
    resolutionTierFactor: Object.entries(p.resolutionTierFactor).map(([tier, factor]) => ({
      tier,
      factor,
    })),
    warningShare: p.warningShare,
    escalation: p.escalation.map((step) => ({ ...step })),
    reopenWindowDays: p.reopenWindowDays,
    makeCurrent: false,
  };
}

/** For every mutation of the coordination service, arguments that pass every edge check. */
export const COORDINATION_BASES: Record<string, Record<string, unknown>> = {
  saveDepartment: {
    input: { id: 'NETWORK', nameZh: '网络部', nameEn: 'Network', headId: 'N2001', active: true },
  },
  setDepartmentMembers: { input: { departmentId: 'NETWORK', employeeIds: ['N2002'] } },
  setCoordinationTeamMember: { input: { employeeId: 'C3009', role: 'MEMBER' } },
  createSlaPolicy: { input: policyInput() },
  addCalendarDay: { day: '2027-01-04', kind: 'HOLIDAY', note: '台风停工' },
  removeCalendarDay: { day: '2027-01-04' },
  submitCoordinationRequest: {
    input: {
      groupAccountId: U1,
      type: 'COMPLAINT',
      priority: 'P2',
      title: '专线频繁中断',
      description: '客户反映专线每天中断两次',
      complaintCategory: 'NETWORK_QUALITY',
    },
  },
  triageCoordinationRequest: {
    input: { ...target, leadDepartmentId: 'NETWORK', participatingDepartmentIds: ['IT_SUPPORT'] },
  },
  rejectCoordinationRequest: { input: { ...target, reason } },
  cancelCoordinationRequest: { input: { ...target, reason } },
  reopenCoordinationRequest: { input: { ...target, reason } },
  acceptCoordinationTask: { input: task },
  completeCoordinationTask: { input: { ...task, note: '已完成割接' } },
  declineCoordinationTask: { input: { ...task, reason } },
  waitForCustomer: { input: target },
  customerResponded: { input: target },
  resolveCoordinationRequest: { input: target },
  confirmCoordinationRequest: { input: target },
  closeCoordinationRequest: { input: target },
  recordComplaintCallback: {
    input: {
      ...target,
      callerId: 'C3003',
      calledAt: '2026-11-30T10:00:00.000Z',
      satisfaction: 4,
      confirmsResolution: true,
      note: '客户确认已恢复',
    },
  },
};
