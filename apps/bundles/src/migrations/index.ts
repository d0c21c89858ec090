import { MessagingTables1763900000001 } from '@gap/messaging';
import { Bundles1763900000800 } from './1763900000800-bundles.js';
import { Trials1763900000810 } from './1763900000810-trials.js';
import { Adoption1763900000820 } from './1763900000820-adoption.js';

export const BUNDLES_SCHEMA = 'bundles';
export const BUNDLES_MIGRATIONS = [
  MessagingTables1763900000001,
  Bundles1763900000800,
  Trials1763900000810,
  Adoption1763900000820,
];
