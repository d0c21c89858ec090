import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { VisibleTo } from './assignment-reads.repository.js';
import type { Tx } from './assignment.repository.js';

export interface TeamMemberRow {
  readonly groupAccountId: string;
  readonly managerId: string;
  readonly role: string;
}

/** The teams beside the primary managers (backup, solution architect, technical support). */
@Injectable()
export class TeamRepository {
  constructor(private readonly dataSource: DataSource) {}

  teamsOf(
    accountIds: readonly string[],
    subject: string,
    visible: VisibleTo,
  ): Promise<TeamMemberRow[]> {
    return this.dataSource.query<TeamMemberRow[]>(
      `SELECT tm.group_account_id AS "groupAccountId", tm.manager_id AS "managerId", tm.role
         FROM managers.team_member tm
        WHERE tm.group_account_id = ANY($1::uuid[])
          AND ${visible('tm.group_account_id', '$2')}
        ORDER BY tm.role, tm.manager_id`,
      [accountIds, subject],
    );
  }

  /** Adds a team member or changes their role. */
  async upsertTeamMember(
    tx: Tx,
    member: { accountId: string; managerId: string; role: string; by: string },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO managers.team_member (group_account_id, manager_id, role, added_by)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (group_account_id, manager_id) DO UPDATE SET role = EXCLUDED.role`,
      [member.accountId, member.managerId, member.role, member.by],
    );
  }

  /** Takes a manager off the account's team; says whether they were on it. */
  async leaveTeam(tx: Tx, accountId: string, managerId: string): Promise<boolean> {
    const [, removed] = await tx.query<[unknown[], number]>(
      'DELETE FROM managers.team_member WHERE group_account_id = $1 AND manager_id = $2',
      [accountId, managerId],
    );
    return removed > 0;
  }
}
