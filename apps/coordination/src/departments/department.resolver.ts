import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { DepartmentService } from './department.service.js';
import type { DepartmentRow } from './department.repository.js';
import {
  CoordinationTeamMember,
  Department,
  SaveDepartmentInput,
  SetCoordinationTeamMemberInput,
  SetDepartmentMembersInput,
} from './department.types.js';

const toDepartment = (row: DepartmentRow): Department => ({
  ...row,
  memberIds: [...row.memberIds],
});

@Resolver(() => Department)
export class DepartmentResolver {
  constructor(private readonly service: DepartmentService) {}

  @Query(() => [Department], { description: 'The departments, by code.' })
  async departments(@CurrentCaller() caller: Caller): Promise<Department[]> {
    return (await this.service.list(caller)).map(toDepartment);
  }

  @Query(() => [CoordinationTeamMember], {
    description: 'The coordination team: sponsor, lead, then members.',
  })
  coordinationTeam(@CurrentCaller() caller: Caller): Promise<CoordinationTeamMember[]> {
    return this.service.team(caller);
  }

  @Mutation(() => Department, { description: 'Adds or changes a department (admins).' })
  async saveDepartment(
    @CurrentCaller() caller: Caller,
    @Args('input') input: SaveDepartmentInput,
  ): Promise<Department> {
    return toDepartment(await this.service.save(caller, input));
  }

  @Mutation(() => Department, { description: "Replaces a department's staff (admins)." })
  async setDepartmentMembers(
    @CurrentCaller() caller: Caller,
    @Args('input') input: SetDepartmentMembersInput,
  ): Promise<Department> {
    return toDepartment(await this.service.setMembers(caller, input));
  }

  @Mutation(() => [CoordinationTeamMember], {
    description: 'Adds, changes or removes a member of the coordination team (admins).',
  })
  setCoordinationTeamMember(
    @CurrentCaller() caller: Caller,
    @Args('input') input: SetCoordinationTeamMemberInput,
  ): Promise<CoordinationTeamMember[]> {
    return this.service.setTeamMember(caller, input);
  }
}
