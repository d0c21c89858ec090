import { MessagingTables1763900000001 } from '@gap/messaging';
import { CreateGroupAccounts1763900000100 } from './1763900000100-create-group-accounts.js';
import { AccountBook1763900000110 } from './1763900000110-account-book.js';
import { PortfolioReadModel1763900000120 } from './1763900000120-portfolio-read-model.js';
import { PortfolioPlace1763900000130 } from './1763900000130-portfolio-place.js';
import { AccountRegistrant1763900000140 } from './1763900000140-account-registrant.js';
import { PortfolioVacuum1763900000150 } from './1763900000150-portfolio-vacuum.js';

export const ACCOUNTS_SCHEMA = 'accounts';
export const ACCOUNTS_MIGRATIONS = [
  MessagingTables1763900000001,
  CreateGroupAccounts1763900000100,
  AccountBook1763900000110,
  PortfolioReadModel1763900000120,
  PortfolioPlace1763900000130,
  AccountRegistrant1763900000140,
  PortfolioVacuum1763900000150,
];
