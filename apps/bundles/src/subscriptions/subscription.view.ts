import type { AttributeValues } from '@gap/bundles/domain';
import type { SubscriptionRow } from './subscription.repository.js';
import type { AttributeValueType, SubscriptionType } from './subscription.types.js';

/** Attribute values as the graph shows them: name and value as text. */
export const attributesOf = (values: AttributeValues): AttributeValueType[] =>
  Object.entries(values).map(([name, value]) => ({ name, value: String(value) }));

export function toSubscriptionType(row: SubscriptionRow): SubscriptionType {
  return { ...row, groupAccountId: row.accountId, attributes: attributesOf(row.attributes) };
}
