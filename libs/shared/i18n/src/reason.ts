import { type Locale, RequestLocale } from './locale.js';

/** The figures a reason quotes: amounts, counts, names, dates, already formatted or raw. */
export type Figures = Readonly<Record<string, string | number | boolean | null>>;

/**
 * A decision's reason as data: a code and its figures. Domain functions return reasons; the
 * edge renders them in the caller's language with the feature's catalogue.
 */
export interface Reason<Code extends string = string> {
  readonly code: Code;
  readonly figures: Figures;
}

export function reason<Code extends string>(code: Code, figures: Figures = {}): Reason<Code> {
  return { code, figures };
}

/** How each reason of a feature reads, in every language. */
export type ReasonCatalog<Code extends string> = Readonly<
  Record<Code, Readonly<Record<Locale, (figures: Figures) => string>>>
>;

export function renderReason<Code extends string>(
  catalog: ReasonCatalog<Code>,
  item: Reason<Code>,
  locale: Locale = RequestLocale.current(),
): string {
  return catalog[item.code][locale](item.figures);
}
