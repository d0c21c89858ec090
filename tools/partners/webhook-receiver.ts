/**
 * A partner's webhook receiver on this machine, for the demo (`npm start` lets the partners
 * service send to 127.0.0.1):
 *
 *   npm run partners:receiver -- --client-id pc_… --client-secret …  [--port 8787] [--gateway URL]
 *
 * It gets a token with the client's credentials, registers itself as one of the partner's
 * webhook endpoints, and prints every notification it receives once its Standard Webhooks
 * signature is verified (with the `standardwebhooks` reference library). Ctrl+C removes the
 * endpoint again.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { Webhook } from 'standardwebhooks';

const { values } = parseArgs({
  options: {
    'client-id': { type: 'string', default: process.env['PARTNER_CLIENT_ID'] },
    'client-secret': { type: 'string', default: process.env['PARTNER_CLIENT_SECRET'] },
    port: { type: 'string', default: '8787' },
    gateway: {
      type: 'string',
      default: `http://127.0.0.1:${process.env['GAP_PORT_BASE'] ?? '4000'}`,
    },
  },
});
const clientId = values['client-id'];
const clientSecret = values['client-secret'];
const origin = (values.gateway ?? '').replace(/\/+$/, '');
if (!clientId || !clientSecret) {
  process.stderr.write(
    "Give the partner client's credentials (npm start prints them): --client-id … --client-secret …\n",
  );
  process.exit(2);
}

async function token(): Promise<string> {
  const response = await fetch(`${origin}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(
        `${encodeURIComponent(clientId ?? '')}:${encodeURIComponent(clientSecret ?? '')}`,
      ).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'webhooks:manage' }),
  });
  const answer = (await response.json()) as Record<string, unknown>;
  if (!response.ok) {
    throw new Error(`No token from ${origin}/oauth/token: ${JSON.stringify(answer)}`);
  }
  return String(answer['access_token']);
}

let verifier: Webhook | null = null;
const server = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (body += chunk));
  req.on('end', () => {
    const at = new Date().toISOString();
    try {
      const event = verifier?.verify(body, {
        'webhook-id': String(req.headers['webhook-id']),
        'webhook-timestamp': String(req.headers['webhook-timestamp']),
        'webhook-signature': String(req.headers['webhook-signature']),
      }) as { type: string; data: unknown } | undefined;
      if (!event) throw new Error('not registered yet');
      process.stdout.write(`${at} ✓ ${event.type} ${JSON.stringify(event.data)}\n`);
      res.statusCode = 200;
    } catch (error) {
      process.stdout.write(`${at} ✗ refused (${(error as Error).message}): ${body}\n`);
      res.statusCode = 400;
    }
    res.end();
  });
});
await new Promise<void>((resolve) => server.listen(Number(values.port), '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;

const registered = await fetch(`${origin}/api/v1/partners/webhooks`, {
  method: 'POST',
  headers: {
    authorization: `Bearer ${await token()}`,
    'content-type': 'application/json',
    'idempotency-key': randomUUID(),
  },
  body: JSON.stringify({ url }),
});
const endpoint = (await registered.json()) as Record<string, unknown>;
if (!registered.ok) {
  process.stderr.write(`The endpoint was refused: ${JSON.stringify(endpoint)}\n`);
  server.close();
  process.exit(1);
}
verifier = new Webhook(String(endpoint['secret']));
process.stdout.write(
  `Listening on ${url} as endpoint ${String(endpoint['id'])}; every lead's and deal's news is printed here. Ctrl+C to stop.\n`,
);

process.once('SIGINT', () => {
  void (async () => {
    await fetch(`${origin}/api/v1/partners/webhooks/${String(endpoint['id'])}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await token()}` },
    }).catch(() => undefined);
    server.close();
    process.stdout.write('Endpoint removed.\n');
    process.exit(0);
  })();
});
