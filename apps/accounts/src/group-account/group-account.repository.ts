import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { GroupAccountEntity } from './group-account.entity.js';

export interface AccountPagePosition {
  readonly createdAt: string;
  readonly id: string;
}

@Injectable()
export class GroupAccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async nextAccountCode(manager: EntityManager): Promise<string> {
    const [row] = await manager.query<{ n: string }[]>(
      "SELECT nextval('accounts.account_code_seq') AS n",
    );
    return `GA${String(row?.n).padStart(8, '0')}`;
  }

  async insert(manager: EntityManager, account: GroupAccountEntity): Promise<GroupAccountEntity> {
    return manager.getRepository(GroupAccountEntity).save(account);
  }

  findById(id: string): Promise<GroupAccountEntity | null> {
    return this.dataSource.getRepository(GroupAccountEntity).findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<GroupAccountEntity[]> {
    return this.dataSource.getRepository(GroupAccountEntity).findBy({ id: In([...ids]) });
  }

  /** A page in creation order; `limit` is one more than the page to tell if more follow. */
  findPage(limit: number, after?: AccountPagePosition): Promise<GroupAccountEntity[]> {
    const query = this.dataSource
      .getRepository(GroupAccountEntity)
      .createQueryBuilder('account')
      .orderBy('account.created_at', 'ASC')
      .addOrderBy('account.id', 'ASC')
      .limit(limit);
    if (after) {
      query.where('(account.created_at, account.id) > (:createdAt::timestamptz, :id::uuid)', after);
    }
    return query.getMany();
  }
}
