import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type ConstDirectiveNode } from 'graphql';
import {
  ACCOUNTS_OPERATIONS,
  ACCOUNTS_PERMISSIONS,
  type AccountsOperation,
} from '@gap/accounts/domain';
import { permittedRoles, ROLES, type Caller, type Role } from '@gap/auth';
import { DomainError } from '@gap/errors';
import {
  accountInput,
  openAccountsHarness,
  type AccountsHarness,
} from '../testing/accounts-harness.js';

const ROOT = join(import.meta.dirname, '../../../..');

/** One call of each operation; inputs are such that access is the first thing that can fail. */
function callOf(
  h: AccountsHarness,
  operation: AccountsOperation,
): (caller: Caller) => Promise<unknown> {
  const missing = randomUUID();
  const calls: Record<AccountsOperation, (caller: Caller) => Promise<unknown>> = {
    groupAccount: (c) => h.findAccounts.get(c, missing),
    groupAccounts: (c) => h.findAccounts.search(c, { first: 1 }),
    myPortfolio: (c) => h.findAccounts.search(c, { first: 1 }, 'myPortfolio'),
    industries: (c) => Promise.resolve(h.industries.list(c)),
    industryCluster: (c) => h.clusters.cluster(c, missing),
    industryClusters: (c) => h.clusters.clusters(c, 1),
    industryAssociation: (c) => h.associations.association(c, missing),
    industryAssociations: (c) => h.associations.associations(c, 1),
    contact: (c) => h.findContacts.get(c, missing),
    createGroupAccount: (c) => h.createAccount.create(c, accountInput({ name: ' ' })),
    updateGroupAccount: (c) => h.updateAccount.update(c, { id: missing, version: 1 }),
    changeGroupAccountStatus: (c) =>
      h.accountStatus.changeStatus(c, { id: missing, version: 1, status: 'ACTIVE' }),
    moveGroupAccount: (c) => h.moveAccount.move(c, missing, null),
    importGroupAccounts: (c) => h.imports.import(c, [], { dryRun: true }),
    createIndustryCluster: (c) =>
      h.clusters.createCluster(c, {
        name: ' ',
        industryCode: '?',
        regionCode: '?',
        leaderId: missing,
      }),
    addClusterSupporters: (c) => h.clusters.addSupporters(c, missing, []),
    removeClusterSupporters: (c) => h.clusters.removeSupporters(c, missing, []),
    createIndustryAssociation: (c) => h.associations.createAssociation(c, { name: ' ' }),
    addAssociationMembers: (c) => h.associations.addMembers(c, missing, []),
    removeAssociationMembers: (c) => h.associations.removeMembers(c, missing, []),
    addContact: (c) => h.addContact.add(c, { groupAccountId: missing, name: ' ' }),
    updateContact: (c) => h.updateContact.update(c, { id: missing, version: 1 }),
    recordContactConsent: (c) =>
      h.contactConsent.recordConsent(c, {
        contactId: missing,
        purpose: 'CARE_GREETINGS',
        given: true,
      }),
    eraseContact: (c) => h.eraseContact.erase(c, missing),
    '_entities.GroupAccount': (c) => h.findAccounts.getMany(c, [missing], '_entities.GroupAccount'),
    'rest.listGroupAccounts': (c) =>
      h.findAccounts.search(c, { first: 1 }, 'rest.listGroupAccounts'),
    'rest.getGroupAccount': (c) => h.findAccounts.get(c, missing, 'rest.getGroupAccount'),
    'rest.exportPortfolio': (c) => h.findAccounts.everyRow(c, {}, 'rest.exportPortfolio', 1).next(),
  };
  return calls[operation];
}

/** What the accounts subgraph serves, as the checked-in supergraph and OpenAPI document say. */
function servedOperations(): string[] {
  const document = parse(readFileSync(join(ROOT, 'apps/gateway/supergraph.graphql'), 'utf8'));
  const fromAccounts = (directives: readonly ConstDirectiveNode[] | undefined, name: string) =>
    (directives ?? []).filter(
      (d) =>
        d.name.value === name &&
        d.arguments?.some(
          (a) =>
            a.name.value === 'graph' && a.value.kind === Kind.ENUM && a.value.value === 'ACCOUNTS',
        ),
    );
  const served: string[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const type = definition.name.value;
    if (type === 'Query' || type === 'Mutation') {
      for (const field of definition.fields ?? []) {
        if (fromAccounts(field.directives, 'join__field').length > 0) served.push(field.name.value);
      }
    } else if (
      fromAccounts(definition.directives, 'join__type').some((d) =>
        d.arguments?.some((a) => a.name.value === 'key'),
      )
    ) {
      served.push(`_entities.${type}`);
    }
  }
  const openapi = JSON.parse(readFileSync(join(ROOT, 'apps/gateway/openapi.json'), 'utf8')) as {
    paths: Record<string, Record<string, { operationId?: string; tags?: string[] }>>;
  };
  for (const operations of Object.values(openapi.paths)) {
    for (const operation of Object.values(operations)) {
      if (operation.tags?.includes('accounts') && operation.operationId) {
        served.push(`rest.${operation.operationId}`);
      }
    }
  }
  return served.sort();
}

describe('who may run what in the accounts service', () => {
  let h: AccountsHarness;
  beforeAll(async () => {
    h = await openAccountsHarness();
  });
  afterAll(() => h.close());

  it('lists every operation the accounts subgraph and its REST API serve, and no other', () => {
    expect([...ACCOUNTS_OPERATIONS].sort()).toEqual(servedOperations());
    expect(Object.keys(ACCOUNTS_PERMISSIONS).sort()).toEqual([...ACCOUNTS_OPERATIONS].sort());
  });

  it('gives partners no group account data', () => {
    const open = ACCOUNTS_OPERATIONS.filter((op) =>
      permittedRoles(ACCOUNTS_PERMISSIONS, op).includes('PARTNER'),
    );
    expect(open).toEqual(['industries']);
  });

  const cases = ACCOUNTS_OPERATIONS.flatMap((operation) =>
    ROLES.map((role) => [operation, role] as [AccountsOperation, Role]),
  );
  it.each(cases)(
    '%s by %s: let through when the matrix lists the role, a coded FORBIDDEN otherwise',
    async (operation, role) => {
      const caller: Caller = { subject: `AUTHZ-${role}`, roles: [role] };
      const outcome = await Promise.resolve()
        .then(() => callOf(h, operation)(caller))
        .then(
          () => null,
          (error: unknown) => error,
        );
      const forbidden = outcome instanceof DomainError && outcome.code === 'FORBIDDEN';
      // Anything but a coded error is a defect of the call itself, not a refusal.
      expect(outcome === null || outcome instanceof DomainError).toBe(true);
      expect(forbidden).toBe(!permittedRoles(ACCOUNTS_PERMISSIONS, operation).includes(role));
      if (forbidden) expect(outcome.messageIn('en')).toContain(operation);
    },
  );
});
