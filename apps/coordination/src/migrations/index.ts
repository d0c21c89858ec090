import { MessagingTables1763900000001 } from '@gap/messaging';
import { Coordination1763900000700 } from './1763900000700-coordination.js';
import { RequestDue1763900000710 } from './1763900000710-request-due.js';

export const COORDINATION_SCHEMA = 'coordination';
export const COORDINATION_MIGRATIONS = [
  MessagingTables1763900000001,
  Coordination1763900000700,
  RequestDue1763900000710,
];
