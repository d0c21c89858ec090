import { isPublicAddress, publicOnlyLookup } from './callback-address.js';

describe('where a listener’s callback may point', () => {
  it.each([
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.20.0.5', false],
    ['192.168.1.10', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['::1', false],
    ['fd00::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['::ffff:223.5.5.5', true],
    ['223.5.5.5', true],
    ['2400:3200::1', true],
    ['not-an-address', false],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it('refuses a name that resolves to a loopback address', async () => {
    const outcome = await new Promise<string>((resolve) =>
      publicOnlyLookup('localhost', {}, (error) =>
        resolve(error ? String(error.code) : 'connected'),
      ),
    );
    expect(outcome).toBe('ECALLBACKBLOCKED');
  });
});
