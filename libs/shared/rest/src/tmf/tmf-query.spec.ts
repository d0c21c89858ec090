import type { FieldViolation } from '@gap/errors';
import { selectFields, tmfFields, tmfPage, tmfValues, TMF_DEFAULT_LIMIT } from './tmf-query.js';

describe('a TM Forum list query', () => {
  it('keeps id, href and @type whatever fields are selected', () => {
    const resource = { id: '1', href: '/x/1', '@type': 'Organization', name: 'n', status: 's' };
    expect(selectFields(resource, ['status'])).toEqual({
      id: '1',
      href: '/x/1',
      '@type': 'Organization',
      status: 's',
    });
    expect(selectFields(resource, null)).toBe(resource);
  });

  it('pages from 0 by the default limit, and names a wrong offset or limit', () => {
    const problems: FieldViolation[] = [];
    expect(tmfPage({}, problems)).toEqual({ offset: 0, limit: TMF_DEFAULT_LIMIT });
    expect(tmfPage({ offset: '40', limit: '100' }, problems)).toEqual({ offset: 40, limit: 100 });
    expect(problems).toEqual([]);
    tmfPage({ offset: '-1', limit: '101' }, problems);
    tmfPage({ offset: '1e3', limit: '0' }, problems);
    expect(problems.map((p) => [p.field, p.reason])).toEqual([
      ['offset', 'OUT_OF_RANGE'],
      ['limit', 'OUT_OF_RANGE'],
      ['offset', 'OUT_OF_RANGE'],
      ['limit', 'OUT_OF_RANGE'],
    ]);
  });

  it('takes comma-separated values of a closed list and names the first wrong one', () => {
    const problems: FieldViolation[] = [];
    expect(tmfValues('status', 'validated, closed', ['validated', 'closed'], problems)).toEqual([
      'validated',
      'closed',
    ]);
    expect(tmfValues('status', undefined, ['validated'], problems)).toBeNull();
    expect(problems).toEqual([]);
    tmfFields('name,secret', ['name'], problems);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'fields', reason: 'NOT_ONE_OF' });
    expect(problems[0]?.message).toContain('secret');
  });
});
