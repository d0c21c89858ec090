import type { DataSource } from 'typeorm';
import { OutboxPublisher } from '@gap/messaging';
import { ClustersService } from './clusters/clusters.service.js';
import { ContactService } from './contacts/contact.service.js';
import { KeyDateScanner } from './contacts/key-date.scanner.js';
import { GroupAccountRepository } from './group-account/group-account.repository.js';
import { GroupAccountService } from './group-account/group-account.service.js';
import { HierarchyService } from './hierarchy/hierarchy.service.js';
import { AccountImportService } from './import/account-import.service.js';

/** The accounts service's parts on a data source, without Nest: for the CLI and the tests. */
export interface AccountsServices {
  readonly accounts: GroupAccountService;
  readonly hierarchy: HierarchyService;
  readonly clusters: ClustersService;
  readonly contacts: ContactService;
  readonly imports: AccountImportService;
  readonly keyDates: KeyDateScanner;
}

export function createAccountsServices(dataSource: DataSource): AccountsServices {
  const events = new OutboxPublisher(dataSource);
  const repository = new GroupAccountRepository(dataSource);
  const accounts = new GroupAccountService(repository, events);
  const hierarchy = new HierarchyService(dataSource, repository, accounts, events);
  return {
    accounts,
    hierarchy,
    clusters: new ClustersService(dataSource, repository, events),
    contacts: new ContactService(dataSource, accounts, events),
    imports: new AccountImportService(repository, accounts, hierarchy, events),
    keyDates: new KeyDateScanner(dataSource, events),
  };
}
