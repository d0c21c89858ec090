import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('RequestEscalation', { description: 'A step of the escalation ladder that fired.' })
export class RequestEscalationType {
  @Field(() => ID) requestId!: string;
  @Field({ description: 'RESPONSE or RESOLUTION.' }) clock!: string;
  @Field({ description: 'The step, e.g. RESOLUTION:DEPARTMENT_HEAD.' }) step!: string;
  @Field({ description: 'WARNING, DEPARTMENT_HEAD, COORDINATION_LEAD or SENIOR_MANAGEMENT.' })
  level!: string;
  @Field(() => Int, { description: 'The clock’s epoch the step fired under.' }) epoch!: number;
  @Field({ description: 'When the step was due.' }) dueAt!: Date;
  @Field() firedAt!: Date;
  @Field(() => String, {
    nullable: true,
    description: 'Who was told; null if nobody held the role.',
  })
  notified!: string | null;
}
