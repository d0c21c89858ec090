import { Inject, Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  businessCalendar,
  DEFAULT_BUSINESS_HOURS,
  type BusinessCalendar,
  type SlaPolicy,
} from '@gap/coordination/domain';
import { CalendarDayRepository } from './calendar-day.repository.js';
import { SlaPolicyRepository } from './sla-policy.repository.js';

/** `HH:MM` China time; 09:00–18:00 unless the module is given other hours. */
export const BUSINESS_HOURS = Symbol('BUSINESS_HOURS');
export interface BusinessHours {
  readonly opens: string;
  readonly closes: string;
}

/**
 * What SLA clocks run on: the policy (current, or a clock's own version) and the business
 * calendar (official data corrected by the admin's days), read fresh each time so that an
 * admin's change counts from the next decision on.
 */
@Injectable()
export class SlaCalendarSource {
  private readonly hours: BusinessHours;

  constructor(
    private readonly policies: SlaPolicyRepository,
    private readonly days: CalendarDayRepository,
    @Optional() @Inject(BUSINESS_HOURS) hours?: BusinessHours,
  ) {
    this.hours = hours ?? DEFAULT_BUSINESS_HOURS;
  }

  currentPolicy(manager?: EntityManager): Promise<SlaPolicy> {
    return this.policies.current(manager);
  }

  /** The version a clock was started or re-targeted under (on `manager` inside a transaction). */
  policy(version: string, manager?: EntityManager): Promise<SlaPolicy> {
    return this.policies.byVersion(version, manager);
  }

  async calendar(manager?: EntityManager): Promise<BusinessCalendar> {
    const days = await this.days.all(manager);
    return businessCalendar({
      hours: this.hours,
      extraHolidays: days.filter((d) => d.kind === 'HOLIDAY').map((d) => d.day),
      extraWorkdays: days.filter((d) => d.kind === 'WORKDAY').map((d) => d.day),
    });
  }
}
