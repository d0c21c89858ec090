import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
} from 'class-validator';
import { EmployeeNumberRule, TextRules } from '@gap/graphql';

@ObjectType({
  description:
    'A department the coordination team routes work to (network, IT/support, finance/pricing, product, legal…).',
})
export class Department {
  @Field(() => ID, { description: 'A code, e.g. NETWORK.' }) id!: string;
  @Field() nameZh!: string;
  @Field() nameEn!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The head (employee number): told when a request breaches its SLA.',
  })
  headId!: string | null;
  @Field() active!: boolean;
  @Field(() => [String], { description: 'Staff, by employee number.' }) memberIds!: string[];
  @Field() version!: number;
}

export const TEAM_ROLES = ['MEMBER', 'LEAD', 'SPONSOR'] as const;
export const TeamRoleEnum = Object.fromEntries(TEAM_ROLES.map((r) => [r, r])) as Record<
  (typeof TEAM_ROLES)[number],
  (typeof TEAM_ROLES)[number]
>;
registerEnumType(TeamRoleEnum, {
  name: 'CoordinationTeamRole',
  description:
    'MEMBER, LEAD (told at the second escalation step), SPONSOR (senior management, the last step).',
});

@ObjectType({ description: 'A member of the coordination team (资源协调小组).' })
export class CoordinationTeamMember {
  @Field() employeeId!: string;
  @Field(() => TeamRoleEnum) role!: string;
}

@InputType({ description: 'A department, added or changed (admins).' })
export class SaveDepartmentInput {
  @Field(() => ID, { description: 'Upper-case code, e.g. NETWORK (2–32 of A–Z, 0–9, _).' })
  @Matches(/^[A-Z][A-Z0-9_]{1,31}$/, { message: 'id is an upper-case code such as NETWORK' })
  id!: string;

  @Field({ description: 'Chinese name, up to 50 characters.' })
  @IsString()
  @TextRules({ maxLength: 50 })
  nameZh!: string;

  @Field({ description: 'English name, up to 80 characters.' })
  @IsString()
  @TextRules({ maxLength: 80 })
  nameEn!: string;

  @Field(() => String, { nullable: true, description: 'The head, by employee number.' })
  @IsOptional()
  @EmployeeNumberRule()
  headId?: string | null;

  @Field({ defaultValue: true, description: 'A retired department takes no new tasks.' })
  @IsBoolean()
  active: boolean = true;
}

@InputType({ description: 'The whole staff of a department (admins); replaces the previous list.' })
export class SetDepartmentMembersInput {
  @Field(() => ID)
  @Matches(/^[A-Z][A-Z0-9_]{1,31}$/, { message: 'departmentId is an upper-case code' })
  departmentId!: string;

  @Field(() => [String], { description: 'Employee numbers, at most 500.' })
  @IsArray()
  @ArrayMaxSize(500)
  @EmployeeNumberRule({ each: true })
  employeeIds!: string[];
}

@InputType({
  description: 'A member of the coordination team, added, changed or removed (admins).',
})
export class SetCoordinationTeamMemberInput {
  @Field()
  @EmployeeNumberRule()
  employeeId!: string;

  @Field(() => TeamRoleEnum, { nullable: true, description: 'Null removes the member.' })
  @IsOptional()
  @IsIn(TEAM_ROLES)
  role?: (typeof TEAM_ROLES)[number] | null;
}
