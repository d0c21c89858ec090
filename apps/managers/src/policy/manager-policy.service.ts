import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { hasRole, type Caller } from '@gap/auth';
import { isUniqueViolation } from '@gap/database';
import { DomainError } from '@gap/errors';
import { checkManagerPolicy, type ManagerPolicy } from '@gap/managers/domain';

export interface StoredManagerPolicy {
  readonly policy: ManagerPolicy;
  readonly isCurrent: boolean;
  readonly createdBy: string;
  readonly createdAt: Date;
}

interface PolicyRow {
  version: string;
  body: ManagerPolicy;
  isCurrent: boolean;
  createdBy: string;
  createdAt: Date;
}

const COLUMNS = `version, body, is_current AS "isCurrent", created_by AS "createdBy", created_at AS "createdAt"`;

const stored = (row: PolicyRow): StoredManagerPolicy => ({
  policy: { ...row.body, version: row.version },
  isCurrent: row.isCurrent,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
});

/**
 * Versioned manager policies (which grades own which tier, points, the most a manager carries,
 * what a poor fit costs): admins add a version, checked as a whole, and make it current.
 * Versions are never edited, so every assignment and rebalance stays explainable.
 */
@Injectable()
export class ManagerPolicyService {
  constructor(private readonly dataSource: DataSource) {}

  async current(manager: EntityManager = this.dataSource.manager): Promise<ManagerPolicy> {
    const [row] = await manager.query<PolicyRow[]>(
      `SELECT ${COLUMNS} FROM managers.manager_policy WHERE is_current`,
    );
    if (!row) throw new Error('No current manager policy: the migrations install one.');
    return stored(row).policy;
  }

  async list(caller: Caller): Promise<StoredManagerPolicy[]> {
    if (hasRole(caller, 'PARTNER')) {
      throw DomainError.forbidden('Policies are not visible to partners.');
    }
    const rows = await this.dataSource.query<PolicyRow[]>(
      `SELECT ${COLUMNS} FROM managers.manager_policy ORDER BY created_at DESC, version`,
    );
    return rows.map(stored);
  }

  async create(
    caller: Caller,
    policy: ManagerPolicy,
    makeCurrent: boolean,
  ): Promise<StoredManagerPolicy> {
    if (!hasRole(caller, 'ADMIN')) {
      throw DomainError.forbidden('Only admins change the manager policy.');
    }
    const violations = checkManagerPolicy(policy);
    if (violations.length > 0) throw DomainError.invalidInput(violations);
    try {
      await this.dataSource.transaction(async (manager) => {
        if (makeCurrent) {
          await manager.query(
            'UPDATE managers.manager_policy SET is_current = false WHERE is_current',
          );
        }
        await manager.query(
          `INSERT INTO managers.manager_policy (version, body, is_current, created_by)
           VALUES ($1, $2, $3, $4)`,
          [policy.version, JSON.stringify(policy), makeCurrent, caller.subject],
        );
      });
    } catch (error) {
      if (isUniqueViolation(error, 'manager_policy_pkey')) {
        throw DomainError.conflict(
          'POLICY_VERSION_TAKEN',
          `Policy version ${policy.version} already exists; versions are never edited.`,
          'input.version',
        );
      }
      throw error;
    }
    const [row] = await this.dataSource.query<PolicyRow[]>(
      `SELECT ${COLUMNS} FROM managers.manager_policy WHERE version = $1`,
      [policy.version],
    );
    return stored(row);
  }
}
