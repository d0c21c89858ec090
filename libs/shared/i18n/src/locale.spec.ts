import { isReasonLongEnough, negotiateLocale, RequestLocale, textWeight } from './index.js';

describe('negotiateLocale', () => {
  it('answers in Chinese when the caller names no language', () => {
    expect(negotiateLocale(undefined)).toBe('zh-CN');
    expect(negotiateLocale('')).toBe('zh-CN');
  });

  it('takes the first language the platform speaks, by weight', () => {
    expect(negotiateLocale('en-US,en;q=0.9')).toBe('en');
    expect(negotiateLocale('fr;q=1, zh-TW;q=0.5, en;q=0.8')).toBe('en');
    expect(negotiateLocale('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(negotiateLocale('de, fr')).toBe('zh-CN');
  });

  it('ignores a language refused with q=0 and junk parameters', () => {
    expect(negotiateLocale('en;q=0, zh')).toBe('zh-CN');
    expect(negotiateLocale('en;q=abc')).toBe('en');
  });

  it('keeps the language for the rest of the request', async () => {
    const seen = await RequestLocale.run('en', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return RequestLocale.current();
    });
    expect(seen).toBe('en');
    expect(RequestLocale.current()).toBe('zh-CN');
  });
});

describe('reason length', () => {
  it('accepts a short Chinese reason such as 战略客户', () => {
    expect(textWeight('战略客户')).toBe(12);
    expect(isReasonLongEnough('战略客户')).toBe(true);
    expect(isReasonLongEnough('战略')).toBe(true);
  });

  it('refuses a reason that says nothing', () => {
    expect(isReasonLongEnough('ok')).toBe(false);
    expect(isReasonLongEnough('   战   ')).toBe(false);
    expect(isReasonLongEnough(null)).toBe(false);
    expect(isReasonLongEnough('strategic')).toBe(true);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(textWeight('😀😀😀')).toBe(3);
  });
});
