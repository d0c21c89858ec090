import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GroupAccountEntity } from './group-account.entity.js';
import { GroupAccountRepository } from './group-account.repository.js';
import { GroupAccountResolver } from './group-account.resolver.js';
import { GroupAccountService } from './group-account.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([GroupAccountEntity])],
  providers: [GroupAccountRepository, GroupAccountService, GroupAccountResolver],
  exports: [GroupAccountService],
})
export class GroupAccountModule {}
