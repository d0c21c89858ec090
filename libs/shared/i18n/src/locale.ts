import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The languages the platform answers in. The users work in Chinese, so zh-CN is the default;
 * English is there for the operator's international staff and for logs.
 */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** A text in every language the platform speaks. */
export type Localized = Readonly<Record<Locale, string>>;

/**
 * The caller's language from an `Accept-Language` header (RFC 9110 §12.5.4): the first of its
 * ranges, by weight, that the platform speaks; zh-CN when none does or the header is absent.
 */
export function negotiateLocale(header: string | readonly string[] | undefined): Locale {
  const value = Array.isArray(header) ? header.join(',') : (header as string | undefined);
  if (!value) return DEFAULT_LOCALE;
  const ranges = value
    .slice(0, 512)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((range) => range.tag !== '' && range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return DEFAULT_LOCALE;
}

const storage = new AsyncLocalStorage<Locale>();

/** The language of the request being served, kept for the rest of the request. */
export const RequestLocale = {
  current(): Locale {
    return storage.getStore() ?? DEFAULT_LOCALE;
  },
  run<T>(locale: Locale, work: () => T): T {
    return storage.run(locale, work);
  },
};

export function localize(text: Localized, locale: Locale = RequestLocale.current()): string {
  return text[locale];
}
