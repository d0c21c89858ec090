import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { signingSecrets } from './webhook-secrets.js';
import {
  hasValidSignature,
  signWebhook,
  webhookSecretKey,
  webhookSecretOf,
  webhookSignature,
} from './webhook-signature.js';

const now = () => Math.floor(Date.now() / 1000);
const body = JSON.stringify({ type: 'lead.converted', data: { leadId: 'L-1', 名称: '福州测试' } });

describe('Standard Webhooks signing', () => {
  it('is verified by the standardwebhooks reference library', () => {
    const secret = webhookSecretOf(randomBytes(32));
    const headers = signWebhook([secret], { id: 'msg_1', timestamp: now(), body });
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('signs as the reference library signs, byte for byte', () => {
    const secret = webhookSecretOf(randomBytes(24));
    const at = new Date(1_760_000_000_000);
    const message = { id: 'msg_2', timestamp: 1_760_000_000, body };
    expect(webhookSignature(secret, message)).toBe(new Webhook(secret).sign('msg_2', at, body));
  });

  it('is refused by the reference library when the body was changed', () => {
    const secret = webhookSecretOf(randomBytes(32));
    const headers = signWebhook([secret], { id: 'msg_3', timestamp: now(), body });
    expect(() => new Webhook(secret).verify(`${body} `, { ...headers })).toThrow();
  });

  it('is refused under another secret', () => {
    const headers = signWebhook([webhookSecretOf(randomBytes(32))], {
      id: 'msg_4',
      timestamp: now(),
      body,
    });
    expect(() =>
      new Webhook(webhookSecretOf(randomBytes(32))).verify(body, { ...headers }),
    ).toThrow();
  });

  it('signs with both secrets during a rotation, so a receiver holding either verifies', () => {
    const [previous, current] = [
      webhookSecretOf(randomBytes(32)),
      webhookSecretOf(randomBytes(32)),
    ];
    const at = new Date();
    const secrets = signingSecrets(
      { current, previous, previousValidUntil: new Date(at.getTime() + 60_000) },
      at,
    );
    const message = { id: 'msg_5', timestamp: now(), body };
    const headers = signWebhook(secrets, message);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    for (const secret of [current, previous]) {
      expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
      expect(hasValidSignature(secret, message, headers['webhook-signature'])).toBe(true);
    }
  });

  it('stops signing with the old secret once its overlap has passed', () => {
    const [previous, current] = [
      webhookSecretOf(randomBytes(32)),
      webhookSecretOf(randomBytes(32)),
    ];
    const at = new Date();
    const secrets = signingSecrets(
      { current, previous, previousValidUntil: new Date(at.getTime() - 1) },
      at,
    );
    expect(secrets).toEqual([current]);
    const headers = signWebhook(secrets, { id: 'msg_6', timestamp: now(), body });
    expect(() => new Webhook(previous).verify(body, { ...headers })).toThrow();
  });

  it('reads only whsec_ secrets with a key of 24 to 64 bytes', () => {
    expect(webhookSecretKey('whsec_' + Buffer.alloc(32, 1).toString('base64'))).toHaveLength(32);
    expect(webhookSecretKey(Buffer.alloc(32, 1).toString('base64'))).toBeNull();
    expect(webhookSecretKey('whsec_' + Buffer.alloc(8, 1).toString('base64'))).toBeNull();
    expect(webhookSecretKey('whsec_not base64!')).toBeNull();
    expect(() => webhookSecretOf(Buffer.alloc(8))).toThrow(RangeError);
  });
});
