import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TEAM_ROLES } from '@gap/managers/domain';

export const TeamRoleEnum = Object.fromEntries(TEAM_ROLES.map((role) => [role, role])) as Record<
  (typeof TEAM_ROLES)[number],
  (typeof TEAM_ROLES)[number]
>;
registerEnumType(TeamRoleEnum, { name: 'TeamRole' });

@ObjectType('TeamMember')
export class TeamMemberType {
  @Field(() => ID) managerId!: string;
  @Field(() => TeamRoleEnum) role!: string;
}
