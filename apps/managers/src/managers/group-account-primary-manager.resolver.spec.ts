import type { DataSource } from 'typeorm';
import type { AuthenticatedRequest } from '@gap/auth';
import type { LoaderContext } from '@gap/graphql';
import { AssignmentQueriesService } from '../assignment/assignment-queries.service.js';
import {
  accountCreated,
  accountManager,
  ADMIN,
  deliver,
  managersServices,
  openManagersTestDatabase,
  registerManager,
  type ManagersServices,
} from '../testing/harness.js';
import { AccountManagerService } from './account-manager.service.js';
import { GroupAccountPrimaryManagerResolver } from './group-account-primary-manager.resolver.js';

type RequestContext = LoaderContext & { req: AuthenticatedRequest };

describe('GroupAccount.primaryManager', () => {
  let dataSource: DataSource;
  let s: ManagersServices;
  let resolver: GroupAccountPrimaryManagerResolver;
  /** The account ids each lookup of primary managers was asked for. */
  const lookups: (readonly string[])[] = [];
  const request = (): RequestContext => ({ req: {} as AuthenticatedRequest });

  beforeAll(async () => {
    dataSource = await openManagersTestDatabase('primary_manager_field');
    s = managersServices(dataSource);
    const queries = s.get(AssignmentQueriesService);
    const counting = Object.create(queries) as AssignmentQueriesService;
    counting.primaryOf = (caller, ids, operation) => {
      lookups.push(ids);
      return queries.primaryOf(caller, ids, operation);
    };
    resolver = new GroupAccountPrimaryManagerResolver(counting, s.get(AccountManagerService));
    await registerManager(s, 'P101', 'STANDARD', { regions: ['210100'], capacity: 10 });
  });

  afterAll(() => dataSource?.destroy());

  it('gives the accounts of one request their managers, batched, and null to whoever may not see them', async () => {
    const created = [accountCreated('210102'), accountCreated('210102')];
    for (const event of created) await deliver(dataSource, s, event);
    const ids = created.map((event) => event.payload.groupAccountId);
    const context = request();
    const managers = await Promise.all(
      ids.map((id) => resolver.primaryManager({ id }, ADMIN, context)),
    );
    expect(managers.map((manager) => manager?.id)).toEqual(['P101', 'P101']);
    expect(lookups).toEqual([ids]);
    expect(await resolver.primaryManager({ id: ids[0] ?? '' }, ADMIN, request())).toMatchObject({
      id: 'P101',
      grade: 'STANDARD',
    });
    const stranger = accountManager('P199');
    expect(await resolver.primaryManager({ id: ids[0] ?? '' }, stranger, request())).toBeNull();
  });

  it('refuses partners with a coded FORBIDDEN', async () => {
    const partner = { subject: 'PT1', roles: ['PARTNER' as const], partnerId: 'PT1' };
    await expect(
      resolver.primaryManager({ id: '00000000-0000-4000-8000-000000000000' }, partner, request()),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
