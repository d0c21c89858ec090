import { MessagingTables1763900000001 } from '@gap/messaging';
import { CreateAccountTiers1763900000200 } from './1763900000200-create-account-tiers.js';
import { ValueModel1763900000210 } from './1763900000210-value-model.js';
import { TieringRuns1763900000220 } from './1763900000220-tiering-runs.js';
import { TierOverrides1763900000230 } from './1763900000230-tier-overrides.js';
import { WeightedScore1763900000240 } from './1763900000240-weighted-score.js';
import { Subscriptions1763900000250 } from './1763900000250-subscriptions.js';

export const TIERING_SCHEMA = 'tiering';
export const TIERING_MIGRATIONS = [
  MessagingTables1763900000001,
  CreateAccountTiers1763900000200,
  ValueModel1763900000210,
  TieringRuns1763900000220,
  TierOverrides1763900000230,
  WeightedScore1763900000240,
  Subscriptions1763900000250,
];
