import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hasRole, type Caller } from '@gap/auth';
import { isUniqueViolation } from '@gap/database';
import { DomainError } from '@gap/errors';
import { checkPolicy, type TieringPolicy } from '@gap/tiering/domain';
import type { CreateTieringPolicyInput, TieringPolicyType } from './tiering-policy.types.js';

interface PolicyRow {
  version: string;
  body: TieringPolicy;
  isCurrent: boolean;
  createdBy: string;
  createdAt: Date;
}

function toType(row: PolicyRow): TieringPolicyType {
  const { body } = row;
  return {
    ...body,
    version: row.version,
    isCurrent: row.isCurrent,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    walletPerEmployee: Object.entries(body.walletPerEmployee).map(
      ([industryCode, perEmployee]) => ({
        industryCode,
        perEmployee,
      }),
    ),
    groupFloor: { A: body.groupFloor.A, B: body.groupFloor.B },
  };
}

const COLUMNS = `version, body, is_current AS "isCurrent", created_by AS "createdBy", created_at AS "createdAt"`;

/**
 * Versioned tiering policies: admins add a version (checked as a whole, every broken rule
 * named) and make it current; versions are never edited, so every past run stays explainable.
 */
@Injectable()
export class TieringPolicyService {
  constructor(private readonly dataSource: DataSource) {}

  async current(): Promise<TieringPolicy> {
    const [row] = await this.dataSource.query<PolicyRow[]>(
      `SELECT ${COLUMNS} FROM tiering.tiering_policy WHERE is_current`,
    );
    if (!row) throw new Error('No current tiering policy: the migrations install one.');
    return { ...row.body, version: row.version };
  }

  async byVersion(version: string): Promise<TieringPolicy> {
    const [row] = await this.dataSource.query<PolicyRow[]>(
      `SELECT ${COLUMNS} FROM tiering.tiering_policy WHERE version = $1`,
      [version],
    );
    if (!row) {
      throw DomainError.notFound(
        'POLICY_NOT_FOUND',
        `No tiering policy ${version}.`,
        'policyVersion',
      );
    }
    return { ...row.body, version: row.version };
  }

  async list(caller: Caller): Promise<TieringPolicyType[]> {
    if (hasRole(caller, 'PARTNER'))
      throw DomainError.forbidden('Policies are not visible to partners.');
    const rows = await this.dataSource.query<PolicyRow[]>(
      `SELECT ${COLUMNS} FROM tiering.tiering_policy ORDER BY created_at DESC, version`,
    );
    return rows.map(toType);
  }

  async create(caller: Caller, input: CreateTieringPolicyInput): Promise<TieringPolicyType> {
    if (!hasRole(caller, 'ADMIN'))
      throw DomainError.forbidden('Only admins change the tiering policy.');
    const { makeCurrent, walletPerEmployee, ...rest } = input;
    const policy: TieringPolicy = {
      ...rest,
      walletPerEmployee: Object.fromEntries(
        walletPerEmployee.map((w) => [w.industryCode, w.perEmployee]),
      ),
      groupFloor: { A: input.groupFloor.A ?? null, B: input.groupFloor.B ?? null },
    };
    const violations = checkPolicy(policy);
    const industries = walletPerEmployee.map((w) => w.industryCode);
    const repeated = industries.find((code, i) => industries.indexOf(code) !== i);
    if (repeated !== undefined) {
      violations.push({
        field: 'input.walletPerEmployee',
        reason: 'DUPLICATE_INDUSTRY',
        message: `Industry ${repeated} has more than one wallet.`,
      });
    }
    if (violations.length > 0) {
      throw DomainError.invalidInput(
        violations,
        violations.length === 1 ? violations[0]?.reason : undefined,
      );
    }
    try {
      await this.dataSource.transaction(async (manager) => {
        if (makeCurrent) {
          await manager.query(
            'UPDATE tiering.tiering_policy SET is_current = false WHERE is_current',
          );
        }
        await manager.query(
          `INSERT INTO tiering.tiering_policy (version, body, is_current, created_by) VALUES ($1, $2, $3, $4)`,
          [policy.version, JSON.stringify(policy), makeCurrent, caller.subject],
        );
      });
    } catch (error) {
      if (isUniqueViolation(error, 'tiering_policy_pkey')) {
        throw DomainError.conflict(
          'POLICY_VERSION_TAKEN',
          `Policy version ${policy.version} already exists; versions are never edited.`,
          'input.version',
        );
      }
      throw error;
    }
    const [row] = await this.dataSource.query<PolicyRow[]>(
      `SELECT ${COLUMNS} FROM tiering.tiering_policy WHERE version = $1`,
      [policy.version],
    );
    return toType(row);
  }
}
