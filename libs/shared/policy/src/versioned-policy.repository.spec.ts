import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError } from '@gap/errors';
import { openTestDataSource } from '@gap/testing';
import { policyTableSql, VersionedPolicyRepository } from './versioned-policy.repository.js';

interface TestPolicy {
  readonly version: string;
  readonly limit: number;
}

const LABEL = { 'zh-CN': '测试策略', en: 'test policy' };

describe('VersionedPolicyRepository', () => {
  let dataSource: DataSource;
  const schema = `policy_spec_${randomUUID().slice(0, 8)}`;
  let policies: VersionedPolicyRepository<TestPolicy>;

  beforeAll(async () => {
    dataSource = await openTestDataSource({ schema, entities: [], migrations: [] });
    await dataSource.query(`CREATE SCHEMA ${schema}`);
    for (const sql of policyTableSql(schema, 'test_policy')) await dataSource.query(sql);
    policies = new VersionedPolicyRepository<TestPolicy>(dataSource, schema, 'test_policy', LABEL);
    await policies.create({ version: 'v1', limit: 1 }, true, 'migration');
  });

  afterAll(async () => {
    await dataSource.query(`DROP SCHEMA ${schema} CASCADE`);
    await dataSource.destroy();
  });

  it('keeps the current version until another is made current', async () => {
    await policies.create({ version: 'v2-draft', limit: 2 }, false, 'admin-1');
    expect(await policies.current()).toEqual({ version: 'v1', limit: 1 });
    await policies.create({ version: 'v3', limit: 3 }, true, 'admin-1');
    expect(await policies.current()).toEqual({ version: 'v3', limit: 3 });
    expect(await policies.byVersion('v2-draft')).toEqual({ version: 'v2-draft', limit: 2 });
  });

  it('never edits a version: adding one that exists is a coded conflict', async () => {
    await policies.create({ version: 'fixed', limit: 5 }, false, 'admin-1');
    const refused = await policies
      .create({ version: 'fixed', limit: 6 }, true, 'admin-2')
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'POLICY_VERSION_TAKEN', field: 'input.version' });
    expect((refused as DomainError).messageIn('zh-CN')).toContain('测试策略');
    expect(await policies.byVersion('fixed')).toEqual({ version: 'fixed', limit: 5 });
  });

  it('leaves exactly one version current when admins add versions at the same moment', async () => {
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        policies.create({ version: `race-${i}`, limit: i }, true, `admin-${i}`),
      ),
    );
    const current = (await policies.list()).filter((stored) => stored.isCurrent);
    expect(current).toHaveLength(1);
    expect(current[0]?.version).toMatch(/^race-/);
  });

  it('names the field when a version does not exist', async () => {
    await expect(policies.byVersion('nope', 'input.policyVersion')).rejects.toMatchObject({
      code: 'POLICY_NOT_FOUND',
      field: 'input.policyVersion',
    });
  });
});
