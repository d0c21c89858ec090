import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import type { Caller } from '@gap/auth';
import { loadConfig } from '@gap/config';
import { Wiring } from '@gap/testing';
import { PartnerIntegrationConfig } from '../oauth/partner-integration.config.js';
import { WebhookDispatchService } from './webhook-dispatch.service.js';
import { WebhookEndpointService } from './webhook-endpoint.service.js';
import { WebhookQueue } from './webhook-queue.repository.js';
import { WebhookSender } from './webhook-sender.js';
import { WEBHOOKS } from './webhooks.providers.js';

export const partnerCaller = (partnerId: string): Caller => ({
  subject: `pc_${partnerId.slice(0, 8)}`,
  roles: ['PARTNER'],
  partnerId,
  scopes: ['webhooks:manage'],
});

/** The webhook features wired as the module wires them, on a test configuration. */
export function webhookServices(dataSource: DataSource, env: Record<string, string> = {}) {
  const config = loadConfig(PartnerIntegrationConfig, {
    NODE_ENV: 'test',
    PARTNERS_WEBHOOKS_ALLOW_LOCAL_RECEIVER: 'true',
    PARTNERS_WEBHOOK_TIMEOUT_MS: '2000',
    ...env,
  });
  const wiring = new Wiring(
    WEBHOOKS,
    new Map<unknown, unknown>([
      [DataSource, dataSource],
      [PartnerIntegrationConfig, config],
    ]),
  );
  const queue = wiring.get(WebhookQueue);
  queue.pollingIntervalSeconds = 0.5;
  return {
    endpoints: wiring.get(WebhookEndpointService),
    dispatch: wiring.get(WebhookDispatchService),
    sender: wiring.get(WebhookSender),
    queue,
  };
}

export interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A partner's receiver on this machine: it records what it gets and answers as scripted. */
export class LocalReceiver {
  readonly received: Received[] = [];
  connections = 0;
  private readonly server: Server;

  private constructor(private readonly answers: number[]) {
    this.server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        this.received.push({ headers: req.headers, body });
        res.statusCode = this.answers.shift() ?? 200;
        res.end();
      });
    });
    this.server.on('connection', () => (this.connections += 1));
  }

  /** Answers the statuses given in turn, then 200. */
  static async start(answers: number[] = []): Promise<LocalReceiver> {
    const receiver = new LocalReceiver([...answers]);
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  /** Answers the next request with `status`, whatever was scripted. */
  answerNext(status: number): void {
    this.answers.splice(0, this.answers.length, status);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Waits until `check` holds, or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (check(value)) return value;
    if (Date.now() > until)
      throw new Error(`Not reached in ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
