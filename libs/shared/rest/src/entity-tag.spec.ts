import { DomainError } from '@gap/errors';
import { entityTag, versionOfIfMatch } from './entity-tag.js';
import { fingerprintOf } from './idempotency/idempotency-key.js';
import { RestProblem } from './rest-problem.js';

const ID = '3f0c2a8e-5b1d-4c6f-9a27-1e8d4b7c9f10';
const OTHER = '0b6f1c2d-9e3a-4f57-8a41-6c2e9d7b5f03';

function refusal(header: string | undefined): { status: number; code: string } {
  try {
    versionOfIfMatch(header, ID);
  } catch (error) {
    if (error instanceof RestProblem) return error.details;
    if (error instanceof DomainError) return { status: 400, code: error.code };
  }
  return { status: 0, code: 'NONE' };
}

describe('If-Match against a resource’s entity tag', () => {
  it('reads the version its tag names, among tags of other resources', () => {
    expect(versionOfIfMatch(entityTag(ID, 7), ID)).toBe(7);
    expect(versionOfIfMatch(`${entityTag(OTHER, 2)}, ${entityTag(ID, 3)}`, ID)).toBe(3);
    expect(versionOfIfMatch(' * ', ID)).toBeNull();
  });

  it.each([
    [undefined, 428, 'IF_MATCH_REQUIRED'],
    ['', 428, 'IF_MATCH_REQUIRED'],
    [`W/${entityTag(ID, 3)}`, 412, 'ENTITY_TAG_MISMATCH'],
    [entityTag(OTHER, 3), 412, 'ENTITY_TAG_MISMATCH'],
    [`"${ID}.three"`, 412, 'ENTITY_TAG_MISMATCH'],
    [`${ID}.3`, 400, 'IF_MATCH_INVALID'],
    [`${entityTag(ID, 3)}, ${entityTag(ID, 4)}`, 400, 'IF_MATCH_INVALID'],
  ])('refuses %p with %i %s', (header, status, code) => {
    expect(refusal(header)).toMatchObject({ status, code });
  });
});

describe('what makes two calls with one Idempotency-Key the same', () => {
  const call = {
    method: 'POST',
    path: '/x',
    body: { a: 1, b: [1, { c: 2, d: 3 }] },
    ifMatch: null,
  };

  it('is the body’s content, whatever the order of its keys', () => {
    const reordered = { ...call, body: { b: [1, { d: 3, c: 2 }], a: 1 } };
    expect(fingerprintOf(reordered)).toBe(fingerprintOf(call));
  });

  it.each([
    ['the body', { body: { a: 2, b: [1, { c: 2, d: 3 }] } }],
    ['the path', { path: '/y' }],
    ['the precondition', { ifMatch: '"x.1"' }],
  ])('changes with %s', (_what, change) => {
    expect(fingerprintOf({ ...call, ...change })).not.toBe(fingerprintOf(call));
  });
});
