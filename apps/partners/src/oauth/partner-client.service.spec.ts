import { DataSource } from 'typeorm';
import { loadConfig } from '@gap/config';
import { Wiring } from '@gap/testing';
import { ADMIN, manager, openPartnersTestDatabase } from '../testing/partners-harness.js';
import { PARTNER_CLIENTS } from './oauth.providers.js';
import { registeredPartner } from './partner-oauth.fixture.js';
import { PartnerClientService } from './partner-client.service.js';
import { PartnerIntegrationConfig } from './partner-integration.config.js';

let dataSource: DataSource;
let clients: PartnerClientService;

beforeAll(async () => {
  dataSource = await openPartnersTestDatabase('pedge_clients');
  const config = loadConfig(PartnerIntegrationConfig, {});
  clients = new Wiring(
    PARTNER_CLIENTS,
    new Map<unknown, unknown>([
      [DataSource, dataSource],
      [PartnerIntegrationConfig, config],
    ]),
  ).get(PartnerClientService);
});
afterAll(() => dataSource?.destroy());

const clientRows = async () =>
  Number(
    (
      await dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM partners.partner_client')
    )[0]?.n,
  );

describe('partners’ OAuth clients, for admins', () => {
  it('issues a client whose secret is kept only as a hash', async () => {
    const partnerId = await registeredPartner(dataSource);
    const { client, clientSecret } = await clients.issue(ADMIN, {
      partnerId,
      name: ' CRM ',
      scopes: ['leads:write', 'leads:write'],
    });
    expect(client).toMatchObject({ partnerId, name: 'CRM', scopes: ['leads:write'] });
    const [row] = await dataSource.query<{ secret_hash: string }[]>(
      'SELECT secret_hash FROM partners.partner_client WHERE client_id = $1',
      [client.clientId],
    );
    expect(row?.secret_hash).toMatch(/^scrypt\$/);
    expect(row?.secret_hash).not.toContain(clientSecret);
    expect(await clients.secretMatches(client.clientId, clientSecret)).toBe(true);
    expect(await clients.list(ADMIN, partnerId)).toEqual([client]);
  });

  it('refuses anyone but an admin, and writes nothing', async () => {
    const partnerId = await registeredPartner(dataSource);
    const before = await clientRows();
    await expect(
      clients.issue(manager('M1001'), { partnerId, name: 'CRM', scopes: ['leads:read'] }),
    ).rejects.toMatchObject({ kind: 'FORBIDDEN' });
    await expect(clients.list(manager('M1001'), partnerId)).rejects.toMatchObject({
      kind: 'FORBIDDEN',
    });
    expect(await clientRows()).toBe(before);
  });

  it('refuses unknown scopes, an empty name and an unknown partner, naming the field', async () => {
    const partnerId = await registeredPartner(dataSource);
    await expect(
      clients.issue(ADMIN, { partnerId, name: 'CRM', scopes: ['admin:all'] }),
    ).rejects.toMatchObject({ violations: [{ field: 'input.scopes' }] });
    await expect(
      clients.issue(ADMIN, { partnerId, name: '  ', scopes: ['leads:read'] }),
    ).rejects.toMatchObject({ violations: [{ field: 'input.name' }] });
    await expect(
      clients.issue(ADMIN, {
        partnerId: '00000000-0000-4000-8000-000000000000',
        name: 'CRM',
        scopes: ['leads:read'],
      }),
    ).rejects.toMatchObject({ code: 'PARTNER_NOT_FOUND', field: 'input.partnerId' });
  });

  it('cannot rotate a revoked client', async () => {
    const partnerId = await registeredPartner(dataSource);
    const { client } = await clients.issue(ADMIN, {
      partnerId,
      name: 'CRM',
      scopes: ['leads:read'],
    });
    await clients.revoke(ADMIN, client.clientId);
    await expect(clients.rotate(ADMIN, client.clientId)).rejects.toMatchObject({
      code: 'PARTNER_CLIENT_NOT_FOUND',
    });
    expect(await clients.mayStillAct(client.clientId)).toBe(false);
  });
});
