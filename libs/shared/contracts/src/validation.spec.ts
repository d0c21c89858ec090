import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { checkReceivedEnvelope } from './validation.js';

function envelope(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: randomUUID(),
    type: 'AccountStatusChanged',
    version: 1,
    occurredAt: '2026-12-02T08:00:00.000Z',
    aggregateId: randomUUID(),
    correlationId: 'corr-1',
    causationId: null,
    payload: { groupAccountId: randomUUID(), from: 'PROSPECT', to: 'ACTIVE', reason: null },
    ...overrides,
  };
}

describe('checkReceivedEnvelope', () => {
  it('accepts a well-formed envelope as it is', () => {
    const raw = envelope();
    const checked = checkReceivedEnvelope(raw);
    expect(checked).toEqual({ ok: true, value: raw });
  });

  it.each([
    ['id', 'not-a-uuid', 'id: id must be a UUID'],
    ['type', 42, 'type: type must be a string'],
    ['version', 0, 'version: version must be an integer not less than 1'],
    ['version', 1.5, 'version: version must be an integer not less than 1'],
    ['occurredAt', 'yesterday', 'occurredAt: occurredAt must be a valid ISO 8601 date string'],
    ['aggregateId', null, 'aggregateId: aggregateId must be a string'],
    ['correlationId', undefined, 'correlationId: correlationId must be a string'],
    ['causationId', 'x', 'causationId: causationId must be a UUID'],
    ['payload', [], 'payload: payload must be an object'],
    ['payload', null, 'payload: payload must be an object'],
  ])('refuses an envelope whose %s is %p, naming the field', (field, value, problem) => {
    const checked = checkReceivedEnvelope(envelope({ [field]: value }));
    expect(checked.ok).toBe(false);
    expect(checked.ok ? [] : checked.problems).toContain(problem);
  });

  it('refuses an unknown event type and a payload that breaks its contract', () => {
    expect(checkReceivedEnvelope(envelope({ type: 'Nope' }))).toEqual({
      ok: false,
      problems: ["type: unknown event type 'Nope'"],
    });
    const broken = checkReceivedEnvelope(envelope({ payload: { groupAccountId: 'x' } }));
    expect(broken.ok).toBe(false);
    expect(broken.ok ? [] : broken.problems.join(' ')).toContain('payload.groupAccountId');
  });

  it('refuses what is not an object at all', () => {
    expect(checkReceivedEnvelope('text')).toEqual({
      ok: false,
      problems: ['envelope: must be a JSON object'],
    });
  });

  it('accepts a key-date announcement redacted after its contact was erased, and no other without its date', () => {
    const about = { groupAccountId: randomUUID(), contactId: randomUUID(), kind: 'BIRTHDAY' };
    const redacted = envelope({ type: 'KeyDateUpcoming', payload: { ...about, redacted: true } });
    expect(checkReceivedEnvelope(redacted).ok).toBe(true);
    const dateless = checkReceivedEnvelope(envelope({ type: 'KeyDateUpcoming', payload: about }));
    expect(dateless.ok ? [] : dateless.problems.join(' ')).toContain('payload.occursOn');
  });
});
