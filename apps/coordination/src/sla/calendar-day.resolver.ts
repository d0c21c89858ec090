import { Args, ArgsType, Field, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { IsIn } from 'class-validator';
import { CalendarDateRule, DateArg, TextRules } from '@gap/graphql';
import type { CalendarDayKind } from './calendar-day.repository.js';
import { CalendarDayService } from './calendar-day.service.js';
import { BusinessCalendarWarning, CalendarDay, CalendarDayKindEnum } from './calendar-day.types.js';

@ArgsType()
class AddCalendarDayArgs {
  @Field({ description: 'YYYY-MM-DD, China.' }) @CalendarDateRule() day!: string;
  @Field(() => CalendarDayKindEnum) @IsIn(['HOLIDAY', 'WORKDAY']) kind!: CalendarDayKind;
  @Field({ description: 'Why, 1 to 200 characters (e.g. 台风停工).' })
  @TextRules({ maxLength: 200 })
  note!: string;
}

@Resolver(() => CalendarDay)
export class CalendarDayResolver {
  constructor(private readonly days: CalendarDayService) {}

  @Query(() => [CalendarDay], { description: 'The days admins added, from and to (inclusive).' })
  calendarDays(
    @CurrentCaller() caller: Caller,
    @DateArg('from') from: string,
    @DateArg('to') to: string,
  ): Promise<CalendarDay[]> {
    return this.days.list(caller, from, to);
  }

  @Query(() => [BusinessCalendarWarning], {
    description: 'Years (this and next) the official holiday data does not know yet.',
  })
  businessCalendarWarnings(@CurrentCaller() caller: Caller): BusinessCalendarWarning[] {
    return this.days.warnings(caller);
  }

  @Mutation(() => CalendarDay, { description: 'Closes or opens a day (admins); replaces it.' })
  addCalendarDay(
    @CurrentCaller() caller: Caller,
    @Args() { day, kind, note }: AddCalendarDayArgs,
  ): Promise<CalendarDay> {
    return this.days.add(caller, day, kind, note);
  }

  @Mutation(() => Boolean, { description: 'Removes a day an admin added (admins).' })
  removeCalendarDay(
    @CurrentCaller() caller: Caller,
    @DateArg('day') day: string,
  ): Promise<boolean> {
    return this.days.remove(caller, day);
  }
}
