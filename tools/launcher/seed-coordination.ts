import type { Role } from '@gap/auth';
import { Gateway } from './gateway-client.js';
import type { SeedHooks } from './seed.js';

/** Mints a development token for someone of the demo, to act as them. */
export type TokenFor = (subject: string, roles: readonly Role[]) => Promise<string>;

/** Each department's head and staff, by employee number. */
const STAFF: Readonly<Record<string, readonly string[]>> = {
  GROUP_CUSTOMER: ['G2001', 'G2002'],
  NETWORK: ['N2001', 'N2002', 'N2003'],
  IT_SUPPORT: ['T2001', 'T2002'],
  FINANCE_PRICING: ['F2001', 'F2002'],
  PRODUCT: ['P2001', 'P2002'],
  LEGAL: ['L2001', 'L2002'],
};
const NAMES: Readonly<Record<string, readonly [string, string]>> = {
  GROUP_CUSTOMER: ['政企客户部', 'Group customer department'],
  NETWORK: ['网络部', 'Network'],
  IT_SUPPORT: ['IT支撑中心', 'IT and support'],
  FINANCE_PRICING: ['财务与资费部', 'Finance and pricing'],
  PRODUCT: ['产品部', 'Product'],
  LEGAL: ['法律事务部', 'Legal'],
};
const TEAM: readonly [string, 'SPONSOR' | 'LEAD' | 'MEMBER'][] = [
  ['X0001', 'SPONSOR'],
  ['C3001', 'LEAD'],
  ['C3002', 'MEMBER'],
  ['C3003', 'MEMBER'],
];

/** What the demo's requests are about, by type: a title, a lead and a participant. */
const KINDS = [
  ['LEASED_LINE_BUILD', '新建互联网专线 200M', 'NETWORK', 'IT_SUPPORT'],
  ['SPECIAL_PRICING', '集团短号资费特批', 'FINANCE_PRICING', 'PRODUCT'],
  ['BID_SUPPORT', '政务云项目投标技术支撑', 'PRODUCT', 'LEGAL'],
  ['COMPLAINT', '专线频繁中断投诉', 'NETWORK', 'GROUP_CUSTOMER'],
  ['OTHER', '合同续签条款咨询', 'LEGAL', 'FINANCE_PRICING'],
] as const;

/** How far each demo request gets: every state of the lifecycle is on the board. */
const STAGES = ['SUBMITTED', 'TRIAGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'CANCELLED'] as const;

const REQUEST_FIELDS = 'id version state tasks { id departmentId }';
type Request = {
  id: string;
  version: number;
  state: string;
  tasks: { id: string; departmentId: string }[];
};

/**
 * The coordination team's desk: departments with heads and staff, the team (sponsor, lead,
 * members), and a few dozen requests and complaints for demo accounts in every state, the P1s
 * soon breaching their response targets. Skipped when requests exist already.
 */
export async function seedCoordination(
  url: string,
  admin: Gateway,
  tokenFor: TokenFor,
  accountIds: readonly string[],
  hooks: SeedHooks,
): Promise<void> {
  const existing = await admin.call<{ coordinationRequests: { edges: unknown[] } }>(
    'a first look at the requests',
    '{ coordinationRequests(first: 1) { edges { cursor } } }',
    {},
    { idempotent: true },
  );
  if (existing.coordinationRequests.edges.length > 0) return;
  const desk = hooks.step('coordination desk (departments, team)', 10);
  for (const [id, members] of Object.entries(STAFF)) {
    const [nameZh, nameEn] = NAMES[id];
    await admin.call(
      'a department',
      'mutation D($input: SaveDepartmentInput!) { saveDepartment(input: $input) { id } }',
      { input: { id, nameZh, nameEn, headId: members[0], active: true } },
    );
    await admin.call(
      'its staff',
      'mutation S($input: SetDepartmentMembersInput!) { setDepartmentMembers(input: $input) { id } }',
      { input: { departmentId: id, employeeIds: members } },
    );
    desk.advance();
  }
  for (const [employeeId, role] of TEAM) {
    await admin.call(
      'the coordination team',
      'mutation T($input: SetCoordinationTeamMemberInput!) { setCoordinationTeamMember(input: $input) { employeeId } }',
      { input: { employeeId, role } },
    );
  }
  desk.done();

  const coordinator = new Gateway(url, await tokenFor('C3002', ['COORDINATOR']));
  const staffOf = new Map<string, Gateway>();
  for (const [department, members] of Object.entries(STAFF)) {
    staffOf.set(department, new Gateway(url, await tokenFor(members[1], ['DEPARTMENT_STAFF'])));
  }
  const count = Math.min(36, accountIds.length);
  const requests = hooks.step('coordination requests and complaints', count);
  for (let i = 0; i < count; i += 1) {
    const [type, title, lead, participant] = KINDS[i % KINDS.length];
    const stage = STAGES[Math.floor(i / KINDS.length) % STAGES.length];
    const act = async (who: Gateway, mutation: string, input: object): Promise<Request> => {
      const data = await who.call<Record<string, Request>>(
        `a request (${mutation})`,
        `mutation A($input: ${inputOf[mutation]}!) { ${mutation}(input: $input) { ${REQUEST_FIELDS} } }`,
        { input },
      );
      return data[mutation];
    };
    let request = await act(coordinator, 'submitCoordinationRequest', {
      groupAccountId: accountIds[i],
      type,
      priority: `P${(i % 4) + 1}`,
      title,
      description: `${title}（演示数据 #${i + 1}）`,
      ...(type === 'COMPLAINT' ? { complaintCategory: 'NETWORK_QUALITY' } : {}),
    });
    if (stage === 'CANCELLED') {
      await act(coordinator, 'cancelCoordinationRequest', {
        id: request.id,
        reason: '客户撤回需求',
      });
    } else if (stage !== 'SUBMITTED') {
      request = await act(coordinator, 'triageCoordinationRequest', {
        id: request.id,
        leadDepartmentId: lead,
        participatingDepartmentIds: [participant],
      });
      if (stage !== 'TRIAGED') {
        for (const task of request.tasks) {
          const staff = staffOf.get(task.departmentId) as Gateway;
          request = await act(staff, 'acceptCoordinationTask', { id: request.id, taskId: task.id });
          if (stage !== 'IN_PROGRESS') {
            request = await act(staff, 'completeCoordinationTask', {
              id: request.id,
              taskId: task.id,
              note: '已处理完毕',
            });
          }
        }
      }
      if (stage === 'RESOLVED' || stage === 'CLOSED') {
        request = await act(coordinator, 'resolveCoordinationRequest', { id: request.id });
      }
      if (stage === 'CLOSED') {
        if (type === 'COMPLAINT') {
          await act(coordinator, 'recordComplaintCallback', {
            id: request.id,
            callerId: 'C3003',
            calledAt: new Date().toISOString(),
            satisfaction: 4,
            confirmsResolution: true,
          });
        } else {
          await act(coordinator, 'confirmCoordinationRequest', { id: request.id });
        }
        await act(coordinator, 'closeCoordinationRequest', { id: request.id });
      }
    }
    requests.advance();
  }
  requests.done();
}

/** The input type of each mutation the seeding runs. */
const inputOf: Readonly<Record<string, string>> = {
  submitCoordinationRequest: 'SubmitCoordinationRequestInput',
  cancelCoordinationRequest: 'CoordinationRequestReasonInput',
  triageCoordinationRequest: 'TriageCoordinationRequestInput',
  acceptCoordinationTask: 'CoordinationTaskInput',
  completeCoordinationTask: 'CompleteCoordinationTaskInput',
  resolveCoordinationRequest: 'CoordinationRequestTarget',
  confirmCoordinationRequest: 'CoordinationRequestTarget',
  recordComplaintCallback: 'RecordComplaintCallbackInput',
  closeCoordinationRequest: 'CoordinationRequestTarget',
};
