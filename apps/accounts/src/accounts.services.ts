import type { DataSource } from 'typeorm';
import { createServiceDataSource } from '@gap/database';
import { OutboxPublisher } from '@gap/messaging';
import { accountsDatabase } from './accounts.database.js';
import { ClustersRepository } from './clusters/clusters.repository.js';
import { IndustryAssociationService } from './clusters/industry-association.service.js';
import { IndustryClusterService } from './clusters/industry-cluster.service.js';
import { AddContactService } from './contacts/add-contact.service.js';
import { ContactChanges } from './contacts/contact-changes.service.js';
import { ContactRepository } from './contacts/contact.repository.js';
import { EraseContactService } from './contacts/erase-contact.service.js';
import { FindContactsService } from './contacts/find-contacts.service.js';
import { KeyDateRepository } from './contacts/key-date.repository.js';
import { KeyDateScanner } from './contacts/key-date.scanner.js';
import { RecordContactConsentService } from './contacts/record-contact-consent.service.js';
import { UpdateContactService } from './contacts/update-contact.service.js';
import { AccountPortfolioService } from './group-account/account-portfolio.service.js';
import { AccountSearchRepository } from './group-account/account-search.repository.js';
import { ChangeGroupAccountStatusService } from './group-account/change-group-account-status.service.js';
import { CreateGroupAccountService } from './group-account/create-group-account.service.js';
import { FindGroupAccountsService } from './group-account/find-group-accounts.service.js';
import { GroupAccountChanges } from './group-account/group-account-changes.service.js';
import { GroupAccountRepository } from './group-account/group-account.repository.js';
import { IndustriesService } from './group-account/industries.service.js';
import { OpenLeadProspectService } from './group-account/open-lead-prospect.service.js';
import { UpdateGroupAccountService } from './group-account/update-group-account.service.js';
import { HierarchyRepository } from './hierarchy/hierarchy.repository.js';
import { HierarchyService } from './hierarchy/hierarchy.service.js';
import { MoveGroupAccountService } from './hierarchy/move-group-account.service.js';
import { AccountImportWrites } from './import/account-import-writes.service.js';
import { AccountImportService } from './import/account-import.service.js';
import { PortfolioFactsRepository } from './portfolio/portfolio-facts.repository.js';

/** The accounts service's use cases on a data source, without Nest: for the CLI and the tests. */
export interface AccountsServices {
  readonly createAccount: CreateGroupAccountService;
  readonly leadProspects: OpenLeadProspectService;
  readonly updateAccount: UpdateGroupAccountService;
  readonly accountStatus: ChangeGroupAccountStatusService;
  readonly findAccounts: FindGroupAccountsService;
  readonly portfolio: AccountPortfolioService;
  readonly portfolioFacts: PortfolioFactsRepository;
  readonly industries: IndustriesService;
  readonly moveAccount: MoveGroupAccountService;
  readonly hierarchy: HierarchyService;
  readonly clusters: IndustryClusterService;
  readonly associations: IndustryAssociationService;
  readonly addContact: AddContactService;
  readonly updateContact: UpdateContactService;
  readonly contactConsent: RecordContactConsentService;
  readonly eraseContact: EraseContactService;
  readonly findContacts: FindContactsService;
  readonly imports: AccountImportService;
  readonly keyDates: KeyDateScanner;
}

export function createAccountsServices(dataSource: DataSource): AccountsServices {
  const events = new OutboxPublisher(dataSource);
  const accounts = new GroupAccountRepository(dataSource);
  const searching = new AccountSearchRepository(dataSource);
  const changes = new GroupAccountChanges(accounts, events);
  const hierarchy = new HierarchyRepository(dataSource);
  const clusters = new ClustersRepository(dataSource);
  const contacts = new ContactRepository(dataSource);
  const keyDates = new KeyDateRepository(dataSource);
  const contactChanges = new ContactChanges(contacts, accounts);
  const findContacts = new FindContactsService(contacts, accounts);
  const moveAccount = new MoveGroupAccountService(accounts, hierarchy, changes, events);
  const createAccount = new CreateGroupAccountService(accounts, events);
  return {
    createAccount,
    leadProspects: new OpenLeadProspectService(accounts, createAccount),
    updateAccount: new UpdateGroupAccountService(accounts, changes),
    accountStatus: new ChangeGroupAccountStatusService(accounts, changes),
    findAccounts: new FindGroupAccountsService(accounts, searching),
    portfolio: new AccountPortfolioService(searching),
    portfolioFacts: new PortfolioFactsRepository(dataSource),
    industries: new IndustriesService(),
    moveAccount,
    hierarchy: new HierarchyService(hierarchy),
    clusters: new IndustryClusterService(clusters, changes, events),
    associations: new IndustryAssociationService(clusters, changes),
    addContact: new AddContactService(contacts, changes, findContacts, events),
    updateContact: new UpdateContactService(contacts, contactChanges, findContacts, events),
    contactConsent: new RecordContactConsentService(contacts, contactChanges),
    eraseContact: new EraseContactService(contacts, keyDates, contactChanges, findContacts, events),
    findContacts,
    imports: new AccountImportService(
      accounts,
      new AccountImportWrites(accounts, changes, moveAccount, events),
    ),
    keyDates: new KeyDateScanner(keyDates, events),
  };
}

/** Runs `work` on the service's use cases over a database of its own, closed afterwards. */
export async function withAccountsServices<T>(
  databaseUrl: string,
  work: (services: AccountsServices) => Promise<T>,
): Promise<T> {
  const dataSource = createServiceDataSource(accountsDatabase(databaseUrl));
  await dataSource.initialize();
  try {
    return await work(createAccountsServices(dataSource));
  } finally {
    await dataSource.destroy();
  }
}
