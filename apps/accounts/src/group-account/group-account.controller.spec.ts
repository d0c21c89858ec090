import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JwtVerifier } from '@gap/auth';
import {
  createTestIssuer,
  freePort,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type TestIssuer,
} from '@gap/testing';
import {
  accountInput,
  callers,
  openAccountsHarness,
  type AccountsHarness,
} from '../testing/accounts-harness.js';
import { GroupAccountController } from './group-account.controller.js';
import { FindGroupAccountsService } from './find-group-accounts.service.js';

interface Answer {
  status: number;
  contentType: string | null;
  body: Record<string, unknown>;
}

describe('group accounts over REST', () => {
  let h: AccountsHarness;
  let issuer: TestIssuer;
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    h = await openAccountsHarness();
    issuer = await createTestIssuer();
    const verifier = new JwtVerifier({
      issuer: TEST_ISSUER,
      audience: TEST_AUDIENCE,
      jwksFile: issuer.jwksFile,
    });

    @Module({
      controllers: [GroupAccountController],
      providers: [
        { provide: FindGroupAccountsService, useValue: h.findAccounts },
        { provide: JwtVerifier, useValue: verifier },
      ],
    })
    class RestTestModule {}

    app = await NestFactory.create(RestTestModule, { logger: false });
    const port = await freePort();
    await app.listen(port, '127.0.0.1');
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await app.close();
    await h.close();
  });

  async function get(path: string, token?: string): Promise<Answer> {
    const response = await fetch(`${base}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  const tokenOf = (subject: string) => issuer.token(['ACCOUNT_MANAGER'], subject);

  it('gives an account to the manager who registered it, as that caller', async () => {
    const account = await h.createAccount.create(callers.manager('E6001'), accountInput());
    const answer = await get(`/api/v1/accounts/${account.id}`, await tokenOf('E6001'));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: account.id,
      accountCode: account.accountCode,
      creditCode: account.creditCode,
      status: 'PROSPECT',
      createdBy: 'E6001',
      version: 1,
    });
    expect(answer.body).not.toHaveProperty('path');
  });

  it('answers 404 for an account outside the caller’s portfolio, as for an unknown one', async () => {
    const account = await h.createAccount.create(callers.manager('E6002'), accountInput());
    const stranger = await tokenOf('E6003');
    const hidden = await get(`/api/v1/accounts/${account.id}`, stranger);
    const unknown = await get(`/api/v1/accounts/${randomUUID()}`, stranger);
    for (const answer of [hidden, unknown]) {
      expect(answer.status).toBe(404);
      expect(answer.contentType).toBe('application/problem+json');
      expect(answer.body).toMatchObject({
        status: 404,
        code: 'GROUP_ACCOUNT_NOT_FOUND',
        category: 'NOT_FOUND',
        field: 'id',
      });
    }
    // In the caller's language: Chinese unless they ask otherwise.
    expect(hidden.body['detail']).toMatch(/找不到您可见的集团客户/);
  });

  it('refuses an id that is not a UUID with a problem naming `id`', async () => {
    const answer = await get('/api/v1/accounts/not-a-uuid', await tokenOf('E6001'));
    expect(answer.status).toBe(400);
    expect(answer.contentType).toBe('application/problem+json');
    expect(answer.body).toMatchObject({
      type: 'https://group-platform.local/problems/invalid-input',
      title: 'The request is not valid',
      status: 400,
      // The same code as the graph gives for the same refusal; the reason is per field.
      code: 'INVALID_INPUT',
      category: 'BAD_USER_INPUT',
      field: 'id',
      instance: '/api/v1/accounts/not-a-uuid',
    });
    const errors = answer.body['errors'] as { field: string; code: string; message: string }[];
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field: 'id', code: 'NOT_A_UUID' });
    expect(errors[0]?.message).toMatch(/is not a UUID/);
  });

  it('refuses a page size over the maximum and an unknown query parameter, naming each', async () => {
    const token = await tokenOf('E6001');
    const tooMany = await get('/api/v1/accounts?first=101', token);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body['errors']).toEqual([
      expect.objectContaining({ field: 'first', code: 'TOO_LARGE' }),
    ]);
    const unknown = await get('/api/v1/accounts?sort=name', token);
    expect(unknown.status).toBe(400);
    expect(unknown.body['errors']).toEqual([
      expect.objectContaining({ field: 'sort', code: 'unknownField' }),
    ]);
  });

  it('refuses a call without a token with a 401 problem', async () => {
    const answer = await get('/api/v1/accounts');
    expect(answer.status).toBe(401);
    expect(answer.contentType).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ code: 'UNAUTHENTICATED', category: 'UNAUTHENTICATED' });
  });

  it('pages through the caller’s accounts with the cursor it gives', async () => {
    const subject = `E7${randomUUID().slice(0, 6)}`;
    const created = [];
    for (const name of ['甲公司', '乙公司', '丙公司']) {
      created.push(await h.createAccount.create(callers.manager(subject), accountInput({ name })));
    }
    const token = await tokenOf(subject);
    const first = await get('/api/v1/accounts?first=2', token);
    expect(first.status).toBe(200);
    const pageInfo = first.body['pageInfo'] as { hasNextPage: boolean; endCursor: string };
    expect(pageInfo.hasNextPage).toBe(true);
    const second = await get(`/api/v1/accounts?first=2&after=${pageInfo.endCursor}`, token);
    const ids = [
      ...(first.body['items'] as { id: string }[]),
      ...(second.body['items'] as { id: string }[]),
    ].map((item) => item.id);
    expect(ids.sort()).toEqual(created.map((account) => account.id).sort());
    expect(second.body['pageInfo']).toMatchObject({ hasNextPage: false });
  });
});
