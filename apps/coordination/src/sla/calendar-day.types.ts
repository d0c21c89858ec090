import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { CalendarDayKind } from './calendar-day.repository.js';

export const CalendarDayKindEnum = { HOLIDAY: 'HOLIDAY', WORKDAY: 'WORKDAY' } as const;
registerEnumType(CalendarDayKindEnum, {
  name: 'CalendarDayKind',
  description: 'HOLIDAY closes a day the official calendar opens; WORKDAY opens one it closes.',
});

@ObjectType({ description: 'A day an admin added to China’s official working calendar.' })
export class CalendarDay {
  @Field({ description: 'YYYY-MM-DD, China.' }) day!: string;
  @Field(() => CalendarDayKindEnum) kind!: CalendarDayKind;
  @Field() note!: string;
  @Field() addedBy!: string;
  @Field() addedAt!: Date;
}

@ObjectType({ description: 'Something an admin should fix in the business calendar.' })
export class BusinessCalendarWarning {
  @Field(() => Int) year!: number;
  @Field({ description: 'OFFICIAL_HOLIDAYS_MISSING: the holiday data does not know the year.' })
  code!: string;
  @Field({ description: 'Whether the official holiday data has the year.' })
  hasOfficialHolidayData!: boolean;
  @Field({ description: 'In the caller’s language.' }) message!: string;
}
