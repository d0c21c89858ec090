import { DomainError, type ErrorKind } from '@gap/errors';
import { httpStatusOf, problemOfDomainError } from './problem-details.js';

describe('a domain error as Problem Details', () => {
  it('keeps the code, the category and every field of the graph’s error', () => {
    const error = DomainError.invalidInput([
      { field: 'creditCode', reason: 'CREDIT_CODE_CHECK_CHARACTER', message: 'Wrong check.' },
      { field: 'regionCode', reason: 'UNKNOWN_REGION', message: 'No such division.' },
    ]);
    expect(problemOfDomainError(error, '/api/v1/accounts')).toEqual({
      type: 'https://group-platform.local/problems/invalid-input',
      title: 'The request is not valid',
      status: 400,
      detail: '2 个字段无效：creditCode, regionCode',
      instance: '/api/v1/accounts',
      code: 'INVALID_INPUT',
      category: 'BAD_USER_INPUT',
      field: 'creditCode',
      errors: [
        { field: 'creditCode', code: 'CREDIT_CODE_CHECK_CHARACTER', message: 'Wrong check.' },
        { field: 'regionCode', code: 'UNKNOWN_REGION', message: 'No such division.' },
      ],
    });
  });

  it.each<[ErrorKind, number, string]>([
    ['INVALID_INPUT', 400, 'BAD_USER_INPUT'],
    ['UNAUTHENTICATED', 401, 'UNAUTHENTICATED'],
    ['FORBIDDEN', 403, 'FORBIDDEN'],
    ['NOT_FOUND', 404, 'NOT_FOUND'],
    ['CONFLICT', 409, 'CONFLICT'],
    ['PRECONDITION_FAILED', 422, 'FAILED_PRECONDITION'],
    ['STALE_VERSION', 412, 'CONFLICT'],
  ])('answers a %s error with status %i and category %s', (kind, status, category) => {
    expect(httpStatusOf(kind)).toBe(status);
    const problem = problemOfDomainError(new DomainError('SOME_CODE', kind, 'Refused.'));
    expect(problem).toMatchObject({ status, category, code: 'SOME_CODE', detail: 'Refused.' });
    expect(problem).not.toHaveProperty('errors');
  });
});
