import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  AccountClustersResolver,
  IndustryAssociationResolver,
  IndustryClusterResolver,
} from '../clusters/clusters.resolver.js';
import { ClustersService } from '../clusters/clusters.service.js';
import { AccountContactsResolver, ContactResolver } from '../contacts/contact.resolver.js';
import { ContactService } from '../contacts/contact.service.js';
import { KeyDateScanner } from '../contacts/key-date.scanner.js';
import { HierarchyResolver } from '../hierarchy/hierarchy.resolver.js';
import { HierarchyService } from '../hierarchy/hierarchy.service.js';
import { AccountImportResolver } from '../import/account-import.resolver.js';
import { AccountImportService } from '../import/account-import.service.js';
import { PortfolioProjection } from '../visibility/portfolio.projection.js';
import { GroupAccountController } from './group-account.controller.js';
import { GroupAccountEntity } from './group-account.entity.js';
import { GroupAccountRepository } from './group-account.repository.js';
import { GroupAccountResolver } from './group-account.resolver.js';
import { GroupAccountService } from './group-account.service.js';

/** The group account with its hierarchy, clusters, contacts, import and visibility. */
@Module({
  imports: [TypeOrmModule.forFeature([GroupAccountEntity])],
  controllers: [GroupAccountController],
  providers: [
    GroupAccountRepository,
    GroupAccountService,
    GroupAccountResolver,
    HierarchyService,
    HierarchyResolver,
    ClustersService,
    IndustryClusterResolver,
    IndustryAssociationResolver,
    AccountClustersResolver,
    ContactService,
    ContactResolver,
    AccountContactsResolver,
    KeyDateScanner,
    AccountImportService,
    AccountImportResolver,
    PortfolioProjection,
  ],
  exports: [GroupAccountService],
})
export class GroupAccountModule {}
