/** An account's status, as the accounts service sets it. */
export const ACCOUNT_STATUSES = ['PROSPECT', 'ACTIVE', 'SUSPENDED', 'CHURNED'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/**
 * The statuses whose accounts take part in the A/B/C cut: customers, including those whose
 * service is suspended for a while. A prospect is not a customer yet and a churned account no
 * longer is: ranking them would spend A and B places (and managers' time) on accounts that
 * bring nothing, and shift every customer's share. They are C, decided as NOT_RANKED, and
 * their value does not weigh in their group's.
 */
export const RANKED_STATUSES: readonly AccountStatus[] = ['ACTIVE', 'SUSPENDED'];

export function takesPartInCut(status: string): boolean {
  return (RANKED_STATUSES as readonly string[]).includes(status);
}
