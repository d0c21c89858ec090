import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface DepartmentRow {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly headId: string | null;
  readonly active: boolean;
  readonly memberIds: readonly string[];
  readonly version: number;
}

export interface TeamMemberRow {
  readonly employeeId: string;
  readonly role: 'MEMBER' | 'LEAD' | 'SPONSOR';
}

const DEPARTMENT_COLUMNS = `d.id, d.name_zh AS "nameZh", d.name_en AS "nameEn", d.head_id AS "headId",
  d.active, d.version,
  coalesce((SELECT array_agg(m.employee_id ORDER BY m.employee_id)
              FROM coordination.department_member m WHERE m.department_id = d.id), '{}') AS "memberIds"`;

/** Departments, their staff and the coordination team. */
@Injectable()
export class DepartmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  list(manager: EntityManager = this.dataSource.manager): Promise<DepartmentRow[]> {
    return manager.query<DepartmentRow[]>(
      `SELECT ${DEPARTMENT_COLUMNS} FROM coordination.department d ORDER BY d.id`,
    );
  }

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DepartmentRow | null> {
    const [row] = await manager.query<DepartmentRow[]>(
      `SELECT ${DEPARTMENT_COLUMNS} FROM coordination.department d WHERE d.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The departments an employee works in. */
  async departmentsOf(employeeId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT department_id AS id FROM coordination.department_member WHERE employee_id = $1
       UNION SELECT id FROM coordination.department WHERE head_id = $1`,
      [employeeId],
    );
    return rows.map((row) => row.id).sort();
  }

  team(manager: EntityManager = this.dataSource.manager): Promise<TeamMemberRow[]> {
    return manager.query<TeamMemberRow[]>(
      `SELECT employee_id AS "employeeId", role FROM coordination.team_member
        ORDER BY CASE role WHEN 'SPONSOR' THEN 0 WHEN 'LEAD' THEN 1 ELSE 2 END, employee_id`,
    );
  }

  /** Adds the department or changes it; the version counts changes. */
  async save(
    manager: EntityManager,
    department: Omit<DepartmentRow, 'memberIds' | 'version'>,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO coordination.department (id, name_zh, name_en, head_id, active)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en,
         head_id = excluded.head_id, active = excluded.active,
         version = coordination.department.version + 1, updated_at = now()`,
      [department.id, department.nameZh, department.nameEn, department.headId, department.active],
    );
  }

  async replaceMembers(
    manager: EntityManager,
    departmentId: string,
    employeeIds: readonly string[],
    by: string,
  ): Promise<void> {
    await manager.query(
      `DELETE FROM coordination.department_member
        WHERE department_id = $1 AND NOT (employee_id = ANY($2::text[]))`,
      [departmentId, employeeIds],
    );
    await manager.query(
      `INSERT INTO coordination.department_member (department_id, employee_id, added_by)
       SELECT $1, e, $3 FROM unnest($2::text[]) AS e ON CONFLICT DO NOTHING`,
      [departmentId, employeeIds, by],
    );
    await manager.query(
      'UPDATE coordination.department SET version = version + 1, updated_at = now() WHERE id = $1',
      [departmentId],
    );
  }

  /** Sets a team member's role; null removes them. A new lead takes over from the previous. */
  async setTeamMember(
    manager: EntityManager,
    employeeId: string,
    role: TeamMemberRow['role'] | null,
    by: string,
  ): Promise<void> {
    await manager.query('DELETE FROM coordination.team_member WHERE employee_id = $1', [
      employeeId,
    ]);
    if (role === null) return;
    if (role === 'LEAD') {
      await manager.query(
        "UPDATE coordination.team_member SET role = 'MEMBER' WHERE role = 'LEAD'",
      );
    }
    await manager.query(
      'INSERT INTO coordination.team_member (employee_id, role, added_by) VALUES ($1, $2, $3)',
      [employeeId, role, by],
    );
  }
}
