/** The vocabulary every part of the coordination domain shares. */

/** What a request asks of the departments. */
export const REQUEST_TYPES = [
  'LEASED_LINE_BUILD', // 专线建设
  'SPECIAL_PRICING', // 特殊资费
  'BID_SUPPORT', // 投标支撑
  'COMPLAINT', // 投诉
  'OTHER',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** P1 is the most urgent. */
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** The account's A/B/C tier, as the coordination service's projection knows it. */
export const ACCOUNT_TIERS = ['A', 'B', 'C'] as const;
export type AccountTier = (typeof ACCOUNT_TIERS)[number];

/** A complaint's callback (回访): who called the customer, when, and what they said. */
export interface Callback {
  readonly callerId: string;
  readonly calledAt: Date;
  /** 1 (very dissatisfied) … 5 (very satisfied). */
  readonly satisfaction: number;
  readonly confirmsResolution: boolean;
  readonly note?: string;
}
