import { MessagingTables1763900000001 } from '@gap/messaging';
import { IdempotencyKeys1763900000790 } from '@gap/rest';
import { Coordination1763900000700 } from './1763900000700-coordination.js';
import { RequestDue1763900000710 } from './1763900000710-request-due.js';
import { SlaMarks1763900000750 } from './1763900000750-sla-marks.js';
import { TmfHub1763900000760 } from './1763900000760-tmf-hub.js';

export const COORDINATION_SCHEMA = 'coordination';
export const COORDINATION_MIGRATIONS = [
  MessagingTables1763900000001,
  Coordination1763900000700,
  RequestDue1763900000710,
  SlaMarks1763900000750,
  TmfHub1763900000760,
  IdempotencyKeys1763900000790,
];
