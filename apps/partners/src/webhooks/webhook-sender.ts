import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Inject, Injectable } from '@nestjs/common';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import { LOCAL_RECEIVER_HOST } from '@gap/partners/domain';
import { PartnerIntegrationConfig } from '../oauth/partner-integration.config.js';

export interface SendResult {
  readonly statusCode: number | null;
  readonly latencyMs: number;
  readonly error: string | null;
}

/** Whether test mode lets webhooks reach the local receiver (never in production). */
export function allowsLocalReceiver(config: PartnerIntegrationConfig): boolean {
  return config.PARTNERS_WEBHOOKS_ALLOW_LOCAL_RECEIVER && !config.production;
}

/**
 * Posts a signed webhook. Connections go through a request-filtering agent, which checks the
 * address after DNS resolution: loopback, private, link-local and cloud metadata addresses
 * (IPv4 and IPv6) are refused before any connection. Redirects are never followed.
 */
@Injectable()
export class WebhookSender {
  private readonly http: RequestFilteringHttpAgent;
  private readonly https: RequestFilteringHttpsAgent;

  constructor(@Inject(PartnerIntegrationConfig) private readonly config: PartnerIntegrationConfig) {
    const filtering = allowsLocalReceiver(config)
      ? { allowIPAddressList: [LOCAL_RECEIVER_HOST] }
      : {};
    this.http = new RequestFilteringHttpAgent({ keepAlive: true, ...filtering });
    this.https = new RequestFilteringHttpsAgent({ keepAlive: true, ...filtering });
  }

  post(url: string, body: string, headers: Readonly<Record<string, string>>): Promise<SendResult> {
    const started = Date.now();
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const send = secure ? httpsRequest : httpRequest;
    const timeoutMs = this.config.PARTNERS_WEBHOOK_TIMEOUT_MS;
    return new Promise((resolve) => {
      const done = (statusCode: number | null, error: string | null) =>
        resolve({ statusCode, error, latencyMs: Date.now() - started });
      const req = send(
        target,
        {
          method: 'POST',
          agent: secure ? this.https : this.http,
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            'user-agent': 'group-platform-webhooks/1',
          },
          timeout: timeoutMs,
        },
        (res) => {
          res.resume();
          res.on('end', () => done(res.statusCode ?? null, null));
          res.on('error', (error) => done(res.statusCode ?? null, error.message));
        },
      );
      req.on('timeout', () => req.destroy(new Error(`No answer in ${timeoutMs} ms.`)));
      req.on('error', (error) => done(null, error.message.slice(0, 500)));
      req.end(body);
    });
  }
}
