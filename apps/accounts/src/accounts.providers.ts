import type { Provider } from '@nestjs/common';
import { IndustryAssociationService } from './clusters/industry-association.service.js';
import { IndustryClusterService } from './clusters/industry-cluster.service.js';
import { ClustersRepository } from './clusters/clusters.repository.js';
import {
  AccountClustersResolver,
  IndustryAssociationResolver,
  IndustryClusterResolver,
} from './clusters/clusters.resolver.js';
import { AddContactService } from './contacts/add-contact.service.js';
import { ContactChanges } from './contacts/contact-changes.service.js';
import { ContactRepository } from './contacts/contact.repository.js';
import { AccountContactsResolver, ContactResolver } from './contacts/contact.resolver.js';
import { EraseContactService } from './contacts/erase-contact.service.js';
import { FindContactsService } from './contacts/find-contacts.service.js';
import { KeyDateRepository } from './contacts/key-date.repository.js';
import { KeyDateScanner } from './contacts/key-date.scanner.js';
import { RecordContactConsentService } from './contacts/record-contact-consent.service.js';
import { UpdateContactService } from './contacts/update-contact.service.js';
import { ChangeGroupAccountStatusService } from './group-account/change-group-account-status.service.js';
import { CreateGroupAccountService } from './group-account/create-group-account.service.js';
import { FindGroupAccountsService } from './group-account/find-group-accounts.service.js';
import { GroupAccountChanges } from './group-account/group-account-changes.service.js';
import { GroupAccountRepository } from './group-account/group-account.repository.js';
import { GroupAccountResolver } from './group-account/group-account.resolver.js';
import { IndustriesService } from './group-account/industries.service.js';
import { LeadProspectsConsumer } from './group-account/lead-prospects.consumer.js';
import { OpenLeadProspectService } from './group-account/open-lead-prospect.service.js';
import { UpdateGroupAccountService } from './group-account/update-group-account.service.js';
import { HierarchyRepository } from './hierarchy/hierarchy.repository.js';
import { HierarchyResolver } from './hierarchy/hierarchy.resolver.js';
import { HierarchyService } from './hierarchy/hierarchy.service.js';
import { MoveGroupAccountService } from './hierarchy/move-group-account.service.js';
import { AccountImportResolver } from './import/account-import.resolver.js';
import { AccountImportWrites } from './import/account-import-writes.service.js';
import { AccountImportService } from './import/account-import.service.js';
import { AccountSearchRepository } from './group-account/account-search.repository.js';
import { AccountPortfolioService } from './group-account/account-portfolio.service.js';
import {
  GroupAccountConnectionResolver,
  GroupAccountRollupResolver,
} from './group-account/group-account-portfolio.resolver.js';
import { PortfolioExportService } from './portfolio/portfolio-export.service.js';
import { PortfolioFactsRepository } from './portfolio/portfolio-facts.repository.js';
import { PortfolioProjection } from './portfolio/portfolio.projection.js';
import { PortfolioEntriesRepository } from './portfolio/portfolio-entries.repository.js';
import { PortfolioFoldService } from './portfolio/portfolio-fold.service.js';

/** Every part of the service, by feature: repositories, use cases, resolvers, jobs. */
export const ACCOUNTS_PROVIDERS: Provider[] = [
  // group accounts
  GroupAccountRepository,
  GroupAccountChanges,
  CreateGroupAccountService,
  UpdateGroupAccountService,
  ChangeGroupAccountStatusService,
  FindGroupAccountsService,
  IndustriesService,
  GroupAccountResolver,
  AccountSearchRepository,
  AccountPortfolioService,
  GroupAccountConnectionResolver,
  GroupAccountRollupResolver,
  // partners' leads for new companies
  OpenLeadProspectService,
  LeadProspectsConsumer,
  // hierarchy
  HierarchyRepository,
  HierarchyService,
  MoveGroupAccountService,
  HierarchyResolver,
  // clusters and associations
  ClustersRepository,
  IndustryClusterService,
  IndustryAssociationService,
  IndustryClusterResolver,
  IndustryAssociationResolver,
  AccountClustersResolver,
  // contacts and their dates
  ContactRepository,
  KeyDateRepository,
  ContactChanges,
  FindContactsService,
  AddContactService,
  UpdateContactService,
  RecordContactConsentService,
  EraseContactService,
  ContactResolver,
  AccountContactsResolver,
  KeyDateScanner,
  // import
  AccountImportWrites,
  AccountImportService,
  AccountImportResolver,
  // portfolio read model
  PortfolioFactsRepository,
  PortfolioProjection,
  PortfolioEntriesRepository,
  PortfolioFoldService,
  PortfolioExportService,
];
