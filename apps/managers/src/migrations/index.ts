import { MessagingTables1763900000001 } from '@gap/messaging';
import { Managers1763900000300 } from './1763900000300-managers.js';
import { LoadToken1763900000500 } from './1763900000500-load-token.js';
import { HandoverRules1763900000400 } from './1763900000400-handover-rules.js';
import { RebalanceBalance1763900000600 } from './1763900000600-rebalance-balance.js';
import { CoordinationOutcomes1763900000650 } from './1763900000650-coordination-outcomes.js';

export const MANAGERS_SCHEMA = 'managers';
export const MANAGERS_MIGRATIONS = [
  MessagingTables1763900000001,
  Managers1763900000300,
  LoadToken1763900000500,
  HandoverRules1763900000400,
  RebalanceBalance1763900000600,
  CoordinationOutcomes1763900000650,
];
