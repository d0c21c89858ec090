import { randomUUID } from 'node:crypto';
import { MUTATION_BASES } from '../hostile-input/mutation-bases.js';
import { requiredArguments, type Operation } from './operations.js';

/**
 * Arguments for the queries that need some (the mutations take the hostile-input suite's
 * bases, which pass every edge check). Written by hand rather than generated: each is a value
 * a user could send, so that the only reason left to refuse the call is who sends it.
 */
const QUERY_ARGUMENTS: Readonly<Record<string, () => Record<string, unknown>>> = {
  contact: () => ({ id: randomUUID() }),
  groupAccount: () => ({ id: randomUUID() }),
  industryAssociation: () => ({ id: randomUUID() }),
  industryCluster: () => ({ id: randomUUID() }),
  accountManager: () => ({ id: 'E9101' }),
  assignmentExplanation: () => ({ groupAccountId: randomUUID() }),
  handover: () => ({ id: randomUUID() }),
  rebalance: () => ({ id: randomUUID() }),
  tierExplanation: () => ({ groupAccountId: randomUUID() }),
  tieringRun: () => ({ id: randomUUID() }),
  coordinationRequest: () => ({ id: randomUUID() }),
  coordinationRequestAudit: () => ({ id: randomUUID() }),
  requestEscalations: () => ({ requestId: randomUUID() }),
  calendarDays: () => ({ from: '2026-01-01', to: '2026-12-31' }),
  slaBoard: () => ({ breachingWithinHours: 4, first: 10 }),
  bundleProduct: () => ({ code: 'DIA' }),
  bundleTemplate: () => ({ code: 'SME_BUSINESS' }),
  templateQualification: () => ({ code: 'SME_BUSINESS', first: 10 }),
  bundleProposal: () => ({ id: randomUUID() }),
  partner: () => ({ id: randomUUID() }),
  partnerClients: () => ({ partnerId: randomUUID() }),
  lead: () => ({ id: randomUUID() }),
  partnerLeads: () => ({ partnerId: randomUUID(), first: 10 }),
  trial: () => ({ id: randomUUID() }),
  trialConversionRates: () => ({ from: '2026-01-01', to: '2026-12-31' }),
  adoptionReport: () => ({ from: '2026-01-01', to: '2026-12-31' }),
  checkBundleConfiguration: () => ({
    input: {
      groupAccountId: randomUUID(),
      templateCode: 'SME_BUSINESS',
      lines: [{ productCode: 'DIA', quantity: 1, attributes: [] }],
    },
  }),
};

/** The key of an entity of each type, for `_entities` lookups. */
const ENTITY_KEYS: Readonly<Record<string, () => string>> = {
  GroupAccount: () => randomUUID(),
  AccountManager: () => 'E9101',
};

/**
 * The variables to run an operation with, or an explanation of what is missing (a new
 * operation needs a row here or in the mutation bases).
 */
export function argumentsFor(operation: Operation): Record<string, unknown> {
  if (operation.kind === 'entity' || operation.kind === 'field') {
    const key = ENTITY_KEYS[operation.entity ?? ''];
    if (!key) throw new Error(`no key for entity ${operation.entity}: add it to ENTITY_KEYS`);
    return { representations: [{ __typename: operation.entity, id: key() }] };
  }
  const given =
    operation.kind === 'mutation'
      ? MUTATION_BASES[operation.service]?.[operation.name]
      : QUERY_ARGUMENTS[operation.name]?.();
  const variables = structuredClone(given ?? {});
  const missing = requiredArguments(operation).filter((name) => variables[name] === undefined);
  if (missing.length > 0) {
    throw new Error(`${operation.name} needs arguments ${missing.join(', ')}: add a row for it`);
  }
  return variables;
}
