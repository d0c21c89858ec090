import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/** The group account as the partners service knows it: by reference, owned by accounts. */
@ObjectType('GroupAccount')
@Directive('@key(fields: "id")')
export class GroupAccountReference {
  @Field(() => ID) id!: string;
}
