/** The account tiers the tiering service assigns (A the most valuable). */
export const TIERS = ['A', 'B', 'C'] as const;
export type Tier = (typeof TIERS)[number];

/** The value segments the tiering service assigns (current × potential value). */
export const VALUE_SEGMENTS = ['VALUE', 'SECONDARY_VALUE', 'POTENTIAL_VALUE', 'LOW_VALUE'] as const;
export type ValueSegment = (typeof VALUE_SEGMENTS)[number];

/**
 * Value-added tax categories of Chinese telecom services: basic telecom services (voice, leased
 * lines, fixed lines) and value-added telecom services (SMS broadcast, cloud, IoT connectivity
 * management) carry different VAT rates (财税〔2016〕36号 and later rate changes: 9% and 6%).
 */
export const TAX_CATEGORIES = ['BASIC_TELECOM', 'VALUE_ADDED_TELECOM'] as const;
export type TaxCategory = (typeof TAX_CATEGORIES)[number];

/** Who approves a discount beyond policy, lowest first. */
export const APPROVER_LEVELS = ['SUPERVISOR', 'REGIONAL_DIRECTOR', 'HEADQUARTERS'] as const;
export type ApproverLevel = (typeof APPROVER_LEVELS)[number];

/** One step of the approval chain: needed when the discount depth exceeds `aboveBp`. */
export interface ApprovalStep {
  readonly level: ApproverLevel;
  readonly aboveBp: number;
}

/**
 * The bundles service's business choices, versioned like the other services' policies.
 * Rates and discounts are in basis points (1 bp = 0.01 %), so that every figure is an integer.
 */
export interface BundlesPolicy {
  readonly version: string;
  /** The discount each tier gets on list prices without approval. */
  readonly tierDiscountBp: Readonly<Record<Tier, number>>;
  /** VAT rate per tax category. */
  readonly taxRateBp: Readonly<Record<TaxCategory, number>>;
  /** Approval steps in chain order; each `aboveBp` at least the previous one's. */
  readonly approvalChain: readonly ApprovalStep[];
  /** Whole days a sent proposal stays open before it expires. */
  readonly proposalValidityDays: number;
  readonly trial: TrialPolicy;
  /** Usage ÷ entitlement at or above which a subscription counts as adopted. */
  readonly adoptedAtBp: number;
}

export interface TrialPolicy {
  /** Whole days a trial runs, per tier (the more valuable the account, the longer it may try). */
  readonly lengthDays: Readonly<Record<Tier, number>>;
  /** Days before the end on which the manager and the customer are reminded, e.g. [7, 1]. */
  readonly reminderDaysBefore: readonly number[];
}

export const DEFAULT_TRIAL_POLICY: TrialPolicy = {
  lengthDays: { A: 60, B: 30, C: 14 },
  reminderDaysBefore: [7, 1],
};

export const DEFAULT_BUNDLES_POLICY: BundlesPolicy = {
  version: 'b1',
  tierDiscountBp: { A: 1500, B: 800, C: 0 },
  taxRateBp: { BASIC_TELECOM: 900, VALUE_ADDED_TELECOM: 600 },
  approvalChain: [
    { level: 'SUPERVISOR', aboveBp: 0 },
    { level: 'REGIONAL_DIRECTOR', aboveBp: 1000 },
    { level: 'HEADQUARTERS', aboveBp: 2000 },
  ],
  proposalValidityDays: 30,
  trial: DEFAULT_TRIAL_POLICY,
  adoptedAtBp: 5000,
};
