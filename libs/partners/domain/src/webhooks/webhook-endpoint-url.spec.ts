import { endpointUrlProblem } from './webhook-endpoint-url.js';

const production = { allowLocalHttpReceiver: false };
const testMode = { allowLocalHttpReceiver: true };

describe('webhook endpoint addresses', () => {
  it.each([
    ['https://hooks.example.com/gap', production, null],
    ['http://hooks.example.com/gap', production, 'HTTPS_REQUIRED'],
    ['http://127.0.0.1:8080/hook', production, 'HTTPS_REQUIRED'],
    ['http://127.0.0.1:8080/hook', testMode, null],
    ['http://localhost:8080/hook', testMode, 'HTTPS_REQUIRED'],
    ['http://10.0.0.1/hook', testMode, 'HTTPS_REQUIRED'],
    ['https://user:pw@hooks.example.com/', production, 'CREDENTIALS_IN_URL'],
    ['https://hooks.example.com/#x', production, 'FRAGMENT_IN_URL'],
    ['ftp://hooks.example.com/', production, 'NOT_A_URL'],
    ['not a url', production, 'NOT_A_URL'],
    [`https://hooks.example.com/${'a'.repeat(2_001)}`, production, 'TOO_LONG'],
  ] as const)('%s → %s', (url, rules, problem) => {
    expect(endpointUrlProblem(url, rules)).toBe(problem);
  });
});
