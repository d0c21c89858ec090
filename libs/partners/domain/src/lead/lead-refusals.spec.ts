import type { Lead, LeadActor, LeadCommand, LeadRefusalCode } from './lead-model.js';
import {
  aLead,
  coordinator,
  intake,
  later,
  manager,
  otherManager,
  supervisor,
} from './lead.fixture.js';
import { transitionLead } from './lead-transition.js';

const managerWins = {
  reason: 'ACCOUNT_OWNED_BY_MANAGER',
  winner: { kind: 'MANAGER', managerId: 'M-1' },
} as const;
const partnerWins = {
  reason: 'EARLIER_LEAD_OF_OTHER_PARTNER',
  winner: { kind: 'PARTNER', partnerId: 'P-2' },
} as const;

const cases: [string, Lead, LeadCommand, LeadActor, LeadRefusalCode, Record<string, unknown>][] = [
  [
    'a manager cannot qualify a lead',
    aLead(),
    { kind: 'QUALIFY', accountId: null },
    manager,
    'LEAD_ROUTING_ONLY',
    {},
  ],
  [
    'intake cannot overrule a duplicate',
    aLead({ state: 'DUPLICATE' }),
    { kind: 'OVERRULE_DUPLICATE' },
    intake,
    'LEAD_COORDINATOR_ONLY',
    {},
  ],
  [
    'a manager cannot assign a lead',
    aLead({ state: 'QUALIFIED' }),
    { kind: 'ASSIGN', managerId: 'M-1', accountId: 'acc-1' },
    manager,
    'LEAD_ROUTING_ONLY',
    {},
  ],
  [
    'another manager cannot record contact',
    aLead({ state: 'ASSIGNED' }),
    { kind: 'RECORD_CONTACT', at: later(2) },
    otherManager,
    'LEAD_NOT_YOURS',
    {},
  ],
  [
    'a coordinator does not work the lead',
    aLead({ state: 'CONTACTED' }),
    { kind: 'CONVERT' },
    coordinator,
    'LEAD_NOT_YOURS',
    {},
  ],
  [
    'a manager cannot close an unassigned lead',
    aLead({ state: 'QUALIFIED' }),
    { kind: 'LOSE', reason: 'NO_NEED', note: null },
    manager,
    'LEAD_NOT_YOURS',
    {},
  ],
  [
    'a qualified lead cannot be qualified again',
    aLead({ state: 'QUALIFIED' }),
    { kind: 'QUALIFY', accountId: null },
    intake,
    'LEAD_WRONG_STATE',
    { allowed: 'RECEIVED' },
  ],
  [
    'an assigned lead cannot be converted before contact',
    aLead({ state: 'ASSIGNED' }),
    { kind: 'CONVERT' },
    manager,
    'LEAD_NOT_CONTACTED',
    {},
  ],
  [
    'a converted lead is closed',
    aLead({ state: 'CONVERTED' }),
    { kind: 'LOSE', reason: 'NO_NEED', note: null },
    manager,
    'LEAD_CLOSED',
    { state: 'CONVERTED' },
  ],
  [
    'a lost lead is closed',
    aLead({ state: 'LOST' }),
    { kind: 'ASSIGN', managerId: 'M-1', accountId: 'acc-1' },
    coordinator,
    'LEAD_CLOSED',
    {},
  ],
  [
    'a duplicate names what it duplicates',
    aLead(),
    { kind: 'MARK_DUPLICATE', duplicateOf: { kind: 'ACCOUNT', id: ' ' } },
    intake,
    'LEAD_ID_REQUIRED',
    { field: 'duplicateOf' },
  ],
  [
    'an assignment names the manager',
    aLead({ state: 'QUALIFIED' }),
    { kind: 'ASSIGN', managerId: '', accountId: 'acc-1' },
    intake,
    'LEAD_ID_REQUIRED',
    { field: 'managerId' },
  ],
  [
    'an assignment names the account',
    aLead({ state: 'QUALIFIED', accountId: null }),
    { kind: 'ASSIGN', managerId: 'M-1', accountId: '' },
    intake,
    'LEAD_ID_REQUIRED',
    { field: 'accountId' },
  ],
  [
    'an assignment keeps the lead’s account',
    aLead({ state: 'QUALIFIED' }),
    { kind: 'ASSIGN', managerId: 'M-1', accountId: 'acc-2' },
    intake,
    'LEAD_ACCOUNT_MISMATCH',
    { accountId: 'acc-1', given: 'acc-2' },
  ],
  [
    'a reassignment changes the manager',
    aLead({ state: 'ASSIGNED' }),
    { kind: 'ASSIGN', managerId: 'M-1', accountId: 'acc-1' },
    supervisor,
    'LEAD_ALREADY_ASSIGNED_TO_MANAGER',
    { managerId: 'M-1' },
  ],
  [
    'a conflict won by a partner is not assigned',
    aLead({ state: 'IN_CONFLICT', conflict: partnerWins }),
    { kind: 'ASSIGN', managerId: 'M-1', accountId: 'acc-1' },
    coordinator,
    'LEAD_CONFLICT_WON_BY_PARTNER',
    { partnerId: 'P-2' },
  ],
  [
    'contact comes after assignment',
    aLead({ state: 'ASSIGNED' }),
    { kind: 'RECORD_CONTACT', at: later(0.5) },
    manager,
    'LEAD_CONTACT_BEFORE_ASSIGNMENT',
    {},
  ],
  [
    'contact is not recorded ahead of time',
    aLead({ state: 'ASSIGNED' }),
    { kind: 'RECORD_CONTACT', at: later(9) },
    manager,
    'LEAD_CONTACT_IN_FUTURE',
    {},
  ],
  [
    'a lost reason comes from the list',
    aLead({ state: 'ASSIGNED' }),
    { kind: 'LOSE', reason: 'BORED' as 'OTHER', note: null },
    manager,
    'LEAD_LOST_REASON_UNKNOWN',
    { reason: 'BORED' },
  ],
  [
    'OTHER needs a note',
    aLead({ state: 'ASSIGNED' }),
    { kind: 'LOSE', reason: 'OTHER', note: 'ok' },
    manager,
    'LEAD_LOST_NOTE_REQUIRED',
    { field: 'note' },
  ],
  [
    'only a conflict is lost to a channel conflict',
    aLead({ state: 'ASSIGNED' }),
    { kind: 'LOSE', reason: 'CHANNEL_CONFLICT', note: null },
    manager,
    'LEAD_LOST_REASON_NOT_APPLICABLE',
    {},
  ],
  [
    'a conflict is lost only to a channel conflict',
    aLead({ state: 'IN_CONFLICT', conflict: managerWins }),
    { kind: 'LOSE', reason: 'NO_NEED', note: null },
    coordinator,
    'LEAD_LOST_REASON_NOT_APPLICABLE',
    {},
  ],
];

describe('lead transitions that are refused, and why', () => {
  it.each(cases)('%s', (_, lead, command, actor, code, figures) => {
    const outcome = transitionLead(lead, command, actor, later(4));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.refusal.code).toBe(code);
    expect(outcome.refusal.figures).toMatchObject({
      leadId: lead.id,
      command: command.kind,
      ...figures,
    });
  });
});
