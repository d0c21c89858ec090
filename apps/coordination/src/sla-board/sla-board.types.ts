import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { BoundsRule } from '@gap/graphql';
import { RequestStateEnum, RequestType } from '../requests/request.types.js';
import type { RequestView } from '../requests/request.view.js';

/** The most hours ahead the board looks for requests breaching soon: a month. */
export const MAX_BREACHING_WITHIN_HOURS = 720;
/** The most requests breaching soon the board lists. */
export const MAX_BREACHING_SOON = 100;

@ObjectType('SlaSummary', {
  description: "An account's open coordination requests and their clocks.",
})
export class SlaSummaryType {
  @Field(() => Int, { description: 'Open requests (submitted to confirmed) the caller sees.' })
  openRequests!: number;
  @Field(() => Int, { description: 'Of them, those whose running clock used its whole target.' })
  breached!: number;
  @Field(() => Int, { description: 'Of them, those past the warning share but not breached.' })
  warning!: number;
  @Field(() => Date, {
    nullable: true,
    description: 'When the next running clock falls due (null: none runs, or all are breached).',
  })
  nextDueAt!: Date | null;
}

@ObjectType('SlaBoardCell', { description: 'Open requests of one lead department in one state.' })
export class SlaBoardCellType {
  @Field(() => String, { nullable: true, description: 'Lead department; null before triage.' })
  departmentId!: string | null;
  @Field(() => RequestStateEnum) state!: string;
  @Field(() => Int) open!: number;
  @Field(() => Int) breached!: number;
  @Field(() => Int) warning!: number;
  @Field(() => Int, { description: 'Running clocks falling due within the window asked for.' })
  breachingSoon!: number;
}

@ObjectType('SlaBoard', {
  description: 'The SLA board: open requests by lead department and state, and what breaches soon.',
})
export class SlaBoardType {
  @Field({ description: 'The instant the figures are as of.' }) asOf!: Date;
  @Field(() => Int) breachingWithinHours!: number;
  @Field(() => [SlaBoardCellType]) cells!: SlaBoardCellType[];
  @Field(() => [RequestType], {
    description: 'Requests whose running clock falls due within the window, soonest first.',
  })
  breachingSoon!: RequestView[];
}

@ArgsType()
export class SlaBoardArgs {
  @Field(() => Int, {
    defaultValue: 4,
    description: `Hours ahead that count as soon: 1 to ${MAX_BREACHING_WITHIN_HOURS}.`,
  })
  @BoundsRule({ min: 1, max: MAX_BREACHING_WITHIN_HOURS, integer: true })
  breachingWithinHours = 4;

  @Field(() => Int, {
    defaultValue: 20,
    description: `How many requests breaching soon to list: 1 to ${MAX_BREACHING_SOON} (at most ${MAX_BREACHING_SOON}).`,
  })
  @BoundsRule({ min: 1, max: MAX_BREACHING_SOON, integer: true })
  first = 20;
}
