/**
 * A deterministic demo book for the group account platform: group customers of a telecom
 * operator's enterprise business (enterprises, government, public institutions and SMEs) with
 * multi-level groups, contacts and their dates, industry clusters and associations.
 *
 * The same generator seeds the demo and the 1,000,000-account benchmark: accounts stream out
 * one at a time, and only the group being emitted is held in memory.
 *
 * @example
 *   for (const account of generateAccounts({ accounts: 20_000 })) {
 *     save(account, contactsFor(account));
 *   }
 */
export type {
  DemoAccountRow,
  DemoAssociation,
  DemoBookOptions,
  DemoCluster,
  DemoContactRow,
} from './types.js';
export { generateAccounts } from './accounts.js';
export { contactsFor } from './contacts.js';
export { generateAssociations, generateClusters } from './clusters.js';
export { generateManagers, type DemoManagerRow } from './managers.js';
export { monthsUpTo, valueInputsFor, type DemoValueInputRow } from './values.js';
