import { MessagingTables1763900000001 } from '@gap/messaging';
import { Managers1763900000300 } from './1763900000300-managers.js';

export const MANAGERS_SCHEMA = 'managers';
export const MANAGERS_MIGRATIONS = [MessagingTables1763900000001, Managers1763900000300];
