import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isPublicAddress, publicOnlyLookup } from './callback-address.js';
import { TmfHubQueue, type HubDeliveryJob } from './tmf-hub-queue.repository.js';
import { TmfHubRepository } from './tmf-hub.repository.js';

/**
 * Posts the hub's events to the listeners, a job of the hub's queue at a time; a listener that
 * fails or does not answer 2xx is tried again by the queue; a listener removed meanwhile is not
 * called.
 */
@Injectable()
export class TmfHubDelivery implements OnApplicationBootstrap {
  timeoutMs = 10_000;
  /** Lets callbacks reach private and loopback addresses: for tests on one machine only. */
  allowPrivateNetworks = false;

  constructor(
    private readonly queue: TmfHubQueue,
    private readonly hubs: TmfHubRepository,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.queue.work((job) => this.deliver(job));
  }

  /**
   * Posts the event; anything but a 2xx answer throws, and pg-boss tries again. Redirects are
   * not followed, and a callback resolving to a private or loopback address is not called
   * (unless `allowPrivateNetworks`, which only tests set).
   */
  async deliver(job: HubDeliveryJob): Promise<void> {
    const hub = await this.hubs.byId(job.hubId);
    if (!hub) return;
    const status = await this.post(hub.callback, JSON.stringify(job.event));
    if (status < 200 || status > 299) {
      throw new Error(`Listener ${hub.id} answered ${status}.`);
    }
  }

  private post(callback: string, body: string): Promise<number> {
    const url = new URL(callback);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // An address written out is connected to without a lookup: it is checked here.
    if (!this.allowPrivateNetworks && isIP(host) !== 0 && !isPublicAddress(host)) {
      return Promise.reject(new Error(`${host} is not an address listeners may use.`));
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(
        url,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
          timeout: this.timeoutMs,
          ...(this.allowPrivateNetworks ? {} : { lookup: publicOnlyLookup }),
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('timeout', () => req.destroy(new Error(`No answer in ${this.timeoutMs} ms.`)));
      req.on('error', reject);
      req.end(body);
    });
  }
}
