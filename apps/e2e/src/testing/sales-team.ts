import type { Grade } from '@gap/managers/domain';
import type { Gateway } from './portfolio-book.js';

/** A manager of the suite's sales team: employee number, grade, regions and capacity. */
export interface TeamMember {
  readonly id: string;
  readonly grade: Grade;
  readonly regions: readonly string[];
  readonly capacity: number;
}

/**
 * Registers a supervisor (capacity 0: a team lead, no accounts of their own) and the managers
 * under them, as an admin does through the gateway.
 */
export async function registerSalesTeam(
  gateway: Gateway,
  adminToken: string,
  supervisor: TeamMember,
  managers: readonly TeamMember[],
): Promise<void> {
  for (const manager of [supervisor, ...managers]) {
    await gateway.call(
      'mutation R($input: RegisterAccountManagerInput!) { registerAccountManager(input: $input) { id } }',
      {
        input: {
          name: `经理 ${manager.id}`,
          industries: [],
          ...(manager === supervisor ? {} : { supervisorId: supervisor.id }),
          ...manager,
        },
      },
      adminToken,
    );
  }
}
