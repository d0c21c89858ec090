import { violation, type FieldViolation } from '@gap/errors';

/** Account manager grades, from the most senior (分层分级管理). */
export const GRADES = ['KEY_ACCOUNT', 'SENIOR', 'STANDARD', 'CHANNEL'] as const;
export type Grade = (typeof GRADES)[number];

/** How many steps `grade` sits above `other` (negative when below). */
export function gradeSteps(grade: Grade, other: Grade): number {
  return GRADES.indexOf(other) - GRADES.indexOf(grade);
}

/**
 * A manager's status. Only ACTIVE managers take new accounts; a LEAVING manager keeps their
 * accounts until each handover completes or their last day passes; a LEFT manager owns none.
 */
export const MANAGER_STATUSES = ['ACTIVE', 'ON_LEAVE', 'LEAVING', 'LEFT'] as const;
export type ManagerStatus = (typeof MANAGER_STATUSES)[number];

export const TIERS = ['A', 'B', 'C'] as const;
export type Tier = (typeof TIERS)[number];

/** Team roles beside the primary manager. */
export const TEAM_ROLES = ['BACKUP', 'SOLUTION_ARCHITECT', 'TECHNICAL_SUPPORT'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** What the matching function and the optimiser need to know about an account. */
export interface AccountToPlace {
  readonly id: string;
  readonly tier: Tier;
  /** Six-digit administrative division code (GB/T 2260) of the account's district. */
  readonly regionCode: string;
  /** GB/T 4754 industry section, e.g. `C` (manufacturing). */
  readonly industryCode: string;
  /** The primary manager it has now, if any. */
  readonly currentManagerId: string | null;
}

/** What the matching function and the optimiser need to know about a manager. */
export interface ManagerCandidate {
  /** Employee number. */
  readonly id: string;
  readonly grade: Grade;
  readonly status: ManagerStatus;
  /**
   * Division codes the manager covers: a province (`350000`), a city (`350100`) or a
   * district (`350102`).
   */
  readonly regions: readonly string[];
  /** Industry sections the manager knows; none means a generalist. */
  readonly industries: readonly string[];
  /** Capacity in points (see the policy's points per tier). */
  readonly capacity: number;
  /** Points the manager carries now: primary accounts and incoming handovers. */
  readonly load: number;
}

/** The describing fields of a manager, as registered or changed. */
export interface ManagerFields {
  readonly id?: string;
  readonly name?: string;
  readonly regions?: readonly string[];
  readonly industries?: readonly string[];
  readonly capacity?: number | null;
  readonly supervisorId?: string | null;
}

const EMPLOYEE_NUMBER = /^[A-Za-z0-9_-]{1,32}$/;
const DIVISION_CODE = /^\d{6}$/;
const INDUSTRY_SECTION = /^[A-T]$/;

/** The rules on a manager's describing fields, each broken one named (fields under `input.`). */
export function checkManagerFields(input: ManagerFields): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const fail = (field: string, reason: string, zh: string, en: string) =>
    violations.push(violation(`input.${field}`, reason, { 'zh-CN': zh, en }));
  if (input.id !== undefined && !EMPLOYEE_NUMBER.test(input.id)) {
    fail(
      'id',
      'EMPLOYEE_NUMBER_INVALID',
      '工号为 1 到 32 位字母、数字、- 或 _。',
      'An employee number is 1 to 32 letters, digits, - or _.',
    );
  }
  if (input.name !== undefined && input.name.trim().length === 0) {
    fail('name', 'REQUIRED', '客户经理须有姓名。', 'A manager has a name.');
  }
  if (input.regions !== undefined) {
    if (input.regions.length === 0) {
      fail(
        'regions',
        'REQUIRED',
        '客户经理至少负责一个地区。',
        'A manager covers at least one region.',
      );
    }
    input.regions.forEach((code, i) => {
      if (!DIVISION_CODE.test(code)) {
        fail(
          `regions[${i}]`,
          'REGION_INVALID',
          `${code} 不是六位行政区划代码。`,
          `${code} is not a six-digit division code.`,
        );
      }
    });
  }
  input.industries?.forEach((code, i) => {
    if (!INDUSTRY_SECTION.test(code)) {
      fail(
        `industries[${i}]`,
        'INDUSTRY_UNKNOWN',
        `${code} 不是行业门类（A–T）。`,
        `${code} is not an industry section (A–T).`,
      );
    }
  });
  if (input.capacity !== undefined && input.capacity !== null) {
    if (input.capacity < 0) {
      fail('capacity', 'NEGATIVE', '容量不能为负数。', 'Capacity cannot be negative.');
    } else if (input.capacity > 100_000) {
      fail(
        'capacity',
        'OUT_OF_RANGE',
        '容量最多为 100,000 点。',
        'Capacity is at most 100,000 points.',
      );
    }
  }
  if (input.supervisorId && input.supervisorId === input.id) {
    fail(
      'supervisorId',
      'SUPERVISOR_IS_SELF',
      '客户经理不能做自己的主管。',
      'A manager cannot supervise themselves.',
    );
  }
  return violations;
}
