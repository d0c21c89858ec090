import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { creditCodeCheckCharacter } from '@gap/accounts/domain';
import { createTestIssuer, eventually, type RunningService } from '@gap/testing';
import { startOwnSubgraphs } from './testing/own-subgraphs.js';
import { hostileValues, ID_REASONS, refusalProblem } from './hostile-input/hostile-values.js';
import { MUTATION_BASES } from './hostile-input/mutation-bases.js';
import {
  INTROSPECTION,
  leavesOf,
  printType,
  unwrap,
  withValueAt,
  type GraphQLResponse,
  type InputValue,
  type Schema,
} from './hostile-input/schema-walk.js';

/*
 * Hostile inputs against every mutation of every service, straight at each
 * service's GraphQL endpoint. The mutations and their input fields are read from each service's
 * schema, so a new mutation without a base row (hostile-input/mutation-bases.ts), or a new
 * field that lets a hostile value through, fails this test. Each hostile value must come back as
 * a coded BAD_USER_INPUT error naming its field, and no row of any service may change (each test
 * compares a digest of every table with the one taken once the set-up had settled).
 */

const MAX_PAGE_SIZE = 100;
/** The other arguments a paged root query needs, to try its page size alone. */
const ROOT_ARGUMENTS: Readonly<Record<string, string>> = {
  templateQualification: 'code: "SME_BUSINESS"',
  partnerLeads: 'partnerId: "0b6c1a52-4d7e-4f0a-9c55-2d6f3f1e0001"',
};
/** Every service with a GraphQL subgraph: each one's mutations, lists and tables are tried. */
const SERVICES = ['accounts', 'tiering', 'managers', 'coordination', 'bundles', 'partners'];
const name = '厦门鹭岛物流集团有限公司';

describe('hostile input to every mutation of every service', () => {
  const services: Record<string, RunningService> = {};
  const schemas: Record<string, Schema> = {};
  const running: RunningService[] = [];
  let db: pg.Pool;
  let adminToken: string;

  async function graphql(
    service: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse> {
    const response = await fetch(`${services[service]?.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse;
  }

  /** Row counts and a digest of every row of the services' tables. */
  async function fingerprint(): Promise<Record<string, string>> {
    const tables = await db.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
        WHERE table_schema = ANY($1::text[]) AND table_name <> 'migrations'
          AND table_type = 'BASE TABLE' ORDER BY 1`,
      [SERVICES],
    );
    const entries = await Promise.all(
      tables.rows.map(async ({ name: table }) => {
        const result = await db.query<{ n: number; digest: string | null }>(
          `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${table} t`,
        );
        return [table, `${result.rows[0]?.n} ${result.rows[0]?.digest ?? ''}`] as const;
      }),
    );
    return Object.fromEntries(entries);
  }

  let before: Record<string, string>;
  let accountId: string;
  let clusterId: string;
  let associationId: string;

  beforeAll(async () => {
    const issuer = await createTestIssuer();
    adminToken = await issuer.token(['ADMIN'], 'A9100');
    const own = await startOwnSubgraphs('hostile', issuer.jwksFile, running);
    for (const service of running) services[service.name] = service;
    db = new pg.Pool({ connectionString: own.databaseUrl, max: 4 });
    for (const service of running) {
      const { data } = await graphql(service.name, INTROSPECTION);
      schemas[service.name] = (data as { __schema: Schema }).__schema;
    }

    // Something for the paged fields below an account, a cluster and an association to page.
    const body = `91350203${randomUUID().replace(/\D/g, '').padEnd(9, '7').slice(0, 9)}`;
    const created = await graphql(
      'accounts',
      'mutation($input: CreateGroupAccountInput!) { createGroupAccount(input: $input) { id } }',
      {
        input: {
          name,
          creditCode: body + creditCodeCheckCharacter(body),
          type: 'ENTERPRISE',
          industryCode: 'G',
          regionCode: '350203',
        },
      },
    );
    accountId = (created.data?.['createGroupAccount'] as { id: string }).id;
    const cluster = await graphql(
      'accounts',
      'mutation($input: CreateIndustryClusterInput!) { createIndustryCluster(input: $input) { id } }',
      {
        input: {
          name: '厦门物流产业集群',
          industryCode: 'G',
          regionCode: '350200',
          leaderId: accountId,
        },
      },
    );
    clusterId = (cluster.data?.['createIndustryCluster'] as { id: string }).id;
    const association = await graphql(
      'accounts',
      'mutation($input: CreateIndustryAssociationInput!) { createIndustryAssociation(input: $input) { id } }',
      { input: { name: '厦门物流协会' } },
    );
    associationId = (association.data?.['createIndustryAssociation'] as { id: string }).id;

    // The account's events flow to tiering and managers and back; start once they are settled.
    let last = '';
    let same = 0;
    before = await eventually(
      async () => {
        const now = await fingerprint();
        const key = JSON.stringify(now);
        same = key === last ? same + 1 : 0;
        last = key;
        const settled =
          same >= 3 &&
          now['tiering.account_tier']?.startsWith('1 ') &&
          !now['managers.group_account']?.startsWith('0 ');
        if (!settled) await new Promise((resolve) => setTimeout(resolve, 200));
        return settled ? now : undefined;
      },
      60_000,
      'the services to settle after the set-up',
    );
  }, 420_000);

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
    await db?.end();
  });

  function mutationsOf(service: string): { name: string; args: InputValue[]; scalar: boolean }[] {
    const schema = schemas[service];
    const type = schema?.types.find((t) => t.name === schema.mutationType?.name);
    return (type?.fields ?? []).map((f) => {
      let returned = unwrap(f.type);
      while (returned.kind === 'LIST' && returned.ofType) returned = unwrap(returned.ofType);
      return { name: f.name, args: f.args, scalar: ['SCALAR', 'ENUM'].includes(returned.kind) };
    });
  }

  it.each(SERVICES)(
    'has a base row for every mutation of %s, and none for a mutation that is gone',
    (service) => {
      const names = mutationsOf(service)
        .map((m) => m.name)
        .sort();
      expect(names.length).toBeGreaterThan(0);
      expect(Object.keys(MUTATION_BASES[service] ?? {}).sort()).toEqual(names);
    },
  );

  it.each(SERVICES)(
    'refuses every hostile value in every mutation of %s with a coded error naming its field',
    async (service) => {
      const types = new Map((schemas[service]?.types ?? []).map((t) => [t.name, t]));
      const failures: string[] = [];
      let tried = 0;
      for (const mutation of mutationsOf(service)) {
        const base = MUTATION_BASES[service]?.[mutation.name] ?? {};
        const variables = mutation.args.map((a) => `$${a.name}: ${printType(a.type)}`).join(', ');
        const call = mutation.args.map((a) => `${a.name}: $${a.name}`).join(', ');
        const selection = mutation.scalar ? '' : ' { __typename }';
        const document = `mutation Hostile(${variables}) { ${mutation.name}(${call})${selection} }`;
        for (const leaf of leavesOf(types, mutation.args, base, mutation.name)) {
          for (const hostile of hostileValues(leaf.kind)) {
            tried += 1;
            const response = await graphql(
              service,
              document,
              withValueAt(base, leaf.path, hostile.value),
            );
            const problem = refusalProblem(response, mutation.name, leaf.path, hostile.reason);
            if (problem)
              failures.push(
                `${mutation.name} ${leaf.path.join('.')} = ${hostile.label}: ${problem}`,
              );
          }
        }
      }
      expect(failures).toEqual([]);
      expect(tried).toBeGreaterThan(50);
      expect(await fingerprint()).toEqual(before);
    },
    180_000,
  );

  it('answers amounts of money as strings of whole fen, converted from the yuan the policy keeps', async () => {
    const response = await graphql(
      'tiering',
      `
        {
          tieringPolicies {
            version
            defaultWalletPerEmployee
            segmentThresholds {
              current
              potential
            }
            walletPerEmployee {
              industryCode
              perEmployee
            }
          }
        }
      `,
    );
    expect(response.errors).toBeUndefined();
    const stored = await db.query<{ body: { defaultWalletPerEmployee: number } }>(
      "SELECT body FROM tiering.tiering_policy WHERE version = 'v1'",
    );
    const yuan = stored.rows[0]?.body.defaultWalletPerEmployee ?? NaN;
    const [policy] = (response.data?.['tieringPolicies'] ?? []) as {
      version: string;
      defaultWalletPerEmployee: unknown;
      segmentThresholds: { current: unknown; potential: unknown };
      walletPerEmployee: { perEmployee: unknown }[];
    }[];
    expect(policy?.defaultWalletPerEmployee).toBe(String(Math.round(yuan * 100)));
    for (const amount of [
      policy?.segmentThresholds.current,
      policy?.segmentThresholds.potential,
      ...(policy?.walletPerEmployee ?? []).map((w) => w.perEmployee),
    ]) {
      expect(amount).toMatch(/^\d+$/);
    }
  });

  /**
   * How to reach an object of each type with a paged field: a root query by id, or the
   * federation entry point for the types a service only extends.
   */
  function reach(service: string, type: string, selection: string): string {
    const byId: Record<string, string> = {
      'accounts GroupAccount': `groupAccount(id: "${accountId}")`,
      'accounts IndustryCluster': `industryCluster(id: "${clusterId}")`,
      'accounts IndustryAssociation': `industryAssociation(id: "${associationId}")`,
    };
    const root = byId[`${service} ${type}`];
    if (root) return `query Paged($n: Int!) { ${root} { ${selection} } }`;
    if (type === 'GroupAccount') {
      return `query Paged($n: Int!) { _entities(representations: [{ __typename: "GroupAccount", id: "${accountId}" }]) { ... on GroupAccount { ${selection} } } }`;
    }
    throw new Error(`${service}: no way to reach a ${type} to try its paged fields`);
  }

  it.each(SERVICES)(
    'states the page maximum of every list of %s and refuses a page size beyond it or below one',
    async (service) => {
      const schema = schemas[service];
      const failures: string[] = [];
      let lists = 0;
      for (const type of schema?.types ?? []) {
        if (type.kind !== 'OBJECT' || type.name.startsWith('__')) continue;
        for (const field of type.fields ?? []) {
          for (const arg of field.args.filter((a) => ['first', 'last'].includes(a.name))) {
            lists += 1;
            if (!arg.description?.includes(`at most ${MAX_PAGE_SIZE}`)) {
              failures.push(`${type.name}.${field.name}(${arg.name}) does not state its maximum`);
            }
            const others = ROOT_ARGUMENTS[field.name] ? `, ${ROOT_ARGUMENTS[field.name]}` : '';
            const selection = `${field.name}(${arg.name}: $n${others}) { __typename }`;
            const document =
              type.name === schema?.queryType.name
                ? `query Paged($n: Int!) { ${selection} }`
                : reach(service, type.name, selection);
            const atMost = await graphql(service, document, { n: MAX_PAGE_SIZE });
            // Refused for its page size, not for what it looks for (an unknown template) or for
            // who asks (a queue of the coordination team's, asked by an admin).
            const notForItsSize = ['NOT_FOUND', 'FORBIDDEN'];
            if (atMost.errors?.some((e) => !notForItsSize.includes(e.extensions?.category ?? ''))) {
              failures.push(
                `${type.name}.${field.name}: ${MAX_PAGE_SIZE} refused: ${JSON.stringify(atMost.errors)}`,
              );
            }
            for (const n of [MAX_PAGE_SIZE + 1, 0, -1, 2 ** 31]) {
              const response = await graphql(service, document, { n });
              const problem = refusalProblem(
                response,
                field.name,
                [n === 2 ** 31 ? 'n' : arg.name],
                undefined,
              );
              if (problem)
                failures.push(`${type.name}.${field.name}(${arg.name}: ${n}): ${problem}`);
            }
          }
        }
      }
      expect(failures).toEqual([]);
      expect(lists).toBeGreaterThan(0);
      expect(await fingerprint()).toEqual(before);
    },
    120_000,
  );

  it('refuses ids that are not ids in the queries of every service, changing nothing', async () => {
    const failures: string[] = [];
    for (const [service, schema] of Object.entries(schemas)) {
      const query = schema.types.find((t) => t.name === schema.queryType.name);
      for (const field of query?.fields ?? []) {
        const ids = field.args.filter((a) => unwrap(a.type).name === 'ID');
        if (ids.length === 0 || field.name === '_entities') continue;
        for (const id of ids) {
          const others = field.args.filter(
            (a) => a !== id && a.type.kind === 'NON_NULL' && a.defaultValue === null,
          );
          if (others.length > 0) failures.push(`${field.name}: cannot try ${id.name} alone`);
          const document = `query Ids($v: ID${id.type.kind === 'NON_NULL' ? '!' : ''}) { ${field.name}(${id.name}: $v) { __typename } }`;
          const response = await graphql(service, document, { v: "1' OR '1'='1" });
          const problem = refusalProblem(response, field.name, [id.name], ID_REASONS);
          if (problem) failures.push(`${service} ${field.name}(${id.name}): ${problem}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
