import { Injectable } from '@nestjs/common';
import { hasRole, type Caller } from '@gap/auth';
import type { Actor } from '@gap/coordination/domain';
import { DepartmentRepository } from '../departments/department.repository.js';

/**
 * Who is asking, as the request feature sees them: the coordination team (the COORDINATOR
 * role), department staff with their departments, managers and supervisors with their
 * portfolio, admins who see everything but do not work the requests.
 */
export interface Viewer {
  readonly subject: string;
  readonly coordinator: boolean;
  /** Sees every request (coordinators, admins). */
  readonly all: boolean;
  /** Sees the requests of the accounts in their portfolio (managers, supervisors). */
  readonly portfolio: boolean;
  /** Department staff: sees where their department leads or has a task. */
  readonly departmentIds: readonly string[];
}

export function actorOf(viewer: Viewer): Actor {
  return {
    id: viewer.subject,
    coordinator: viewer.coordinator,
    departmentIds: viewer.departmentIds,
  };
}

@Injectable()
export class RequestViewers {
  constructor(private readonly departments: DepartmentRepository) {}

  async of(caller: Caller): Promise<Viewer> {
    const staff = hasRole(caller, 'DEPARTMENT_STAFF');
    return {
      subject: caller.subject,
      coordinator: hasRole(caller, 'COORDINATOR'),
      all: hasRole(caller, 'COORDINATOR', 'ADMIN'),
      portfolio: hasRole(caller, 'ACCOUNT_MANAGER', 'SUPERVISOR'),
      departmentIds: staff ? await this.departments.departmentsOf(caller.subject) : [],
    };
  }
}
