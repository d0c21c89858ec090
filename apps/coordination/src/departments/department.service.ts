import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import { COORDINATION_PERMISSIONS } from '@gap/coordination/domain';
import { DepartmentErrors } from './department.errors.js';
import type {
  SaveDepartmentInput,
  SetCoordinationTeamMemberInput,
  SetDepartmentMembersInput,
} from './department.types.js';
import {
  DepartmentRepository,
  type DepartmentRow,
  type TeamMemberRow,
} from './department.repository.js';

/** The departments, their staff and the coordination team: read by staff, kept by admins. */
@Injectable()
export class DepartmentService {
  constructor(private readonly departments: DepartmentRepository) {}

  list(caller: Caller): Promise<DepartmentRow[]> {
    authorize(COORDINATION_PERMISSIONS, 'departments', caller);
    return this.departments.list();
  }

  team(caller: Caller): Promise<TeamMemberRow[]> {
    authorize(COORDINATION_PERMISSIONS, 'coordinationTeam', caller);
    return this.departments.team();
  }

  async save(caller: Caller, input: SaveDepartmentInput): Promise<DepartmentRow> {
    authorize(COORDINATION_PERMISSIONS, 'saveDepartment', caller);
    return this.departments.transaction(async (manager) => {
      await this.departments.save(manager, {
        id: input.id,
        nameZh: input.nameZh,
        nameEn: input.nameEn,
        headId: input.headId ?? null,
        active: input.active,
      });
      return (await this.departments.find(input.id, manager)) as DepartmentRow;
    });
  }

  async setMembers(caller: Caller, input: SetDepartmentMembersInput): Promise<DepartmentRow> {
    authorize(COORDINATION_PERMISSIONS, 'setDepartmentMembers', caller);
    return this.departments.transaction(async (manager) => {
      if (!(await this.departments.find(input.departmentId, manager))) {
        throw DepartmentErrors.notFound(input.departmentId, 'input.departmentId');
      }
      const members: string[] = [...new Set(input.employeeIds)];
      await this.departments.replaceMembers(manager, input.departmentId, members, caller.subject);
      return (await this.departments.find(input.departmentId, manager)) as DepartmentRow;
    });
  }

  async setTeamMember(
    caller: Caller,
    input: SetCoordinationTeamMemberInput,
  ): Promise<TeamMemberRow[]> {
    authorize(COORDINATION_PERMISSIONS, 'setCoordinationTeamMember', caller);
    return this.departments.transaction(async (manager) => {
      await this.departments.setTeamMember(
        manager,
        input.employeeId,
        input.role ?? null,
        caller.subject,
      );
      return this.departments.team(manager);
    });
  }
}
