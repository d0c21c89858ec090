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

/** What one transaction has read already: one decision counts with one policy and calendar. */
interface Read {
  current?: Promise<SlaPolicy>;
  calendar?: Promise<BusinessCalendar>;
  readonly versions: Map<string, Promise<SlaPolicy>>;
}

/**
 * What SLA clocks run on: the policy (current, or a clock's own version) and the business
 * calendar (official data corrected by the admin's days), read fresh for each decision so that
 * an admin's change counts from the next one on. Inside a transaction (`manager` given) each is
 * read once: a change that decides, saves and replans the ladder asks for them several times.
 */
@Injectable()
export class SlaCalendarSource {
  private readonly hours: BusinessHours;
  private readonly reads = new WeakMap<EntityManager, Read>();

  constructor(
    private readonly policies: SlaPolicyRepository,
    private readonly days: CalendarDayRepository,
    @Optional() @Inject(BUSINESS_HOURS) hours?: BusinessHours,
  ) {
    this.hours = hours ?? DEFAULT_BUSINESS_HOURS;
  }

  currentPolicy(manager?: EntityManager): Promise<SlaPolicy> {
    if (!manager) return this.policies.current();
    const read = this.readOf(manager);
    read.current ??= this.policies.current(manager).then((policy) => {
      if (!read.versions.has(policy.version)) read.versions.set(policy.version, read.current!);
      return policy;
    });
    return read.current;
  }

  /** The version a clock was started or re-targeted under (on `manager` inside a transaction). */
  policy(version: string, manager?: EntityManager): Promise<SlaPolicy> {
    if (!manager) return this.policies.byVersion(version);
    const { versions } = this.readOf(manager);
    let policy = versions.get(version);
    if (!policy) {
      policy = this.policies.byVersion(version, manager);
      versions.set(version, policy);
    }
    return policy;
  }

  calendar(manager?: EntityManager): Promise<BusinessCalendar> {
    if (!manager) return this.calendarOf();
    const read = this.readOf(manager);
    read.calendar ??= this.calendarOf(manager);
    return read.calendar;
  }

  private readOf(manager: EntityManager): Read {
    let read = this.reads.get(manager);
    if (!read) {
      read = { versions: new Map() };
      this.reads.set(manager, read);
    }
    return read;
  }

  private async calendarOf(manager?: EntityManager): Promise<BusinessCalendar> {
    const days = await this.days.all(manager);
    return businessCalendar({
      hours: this.hours,
      extraHolidays: days.filter((d) => d.kind === 'HOLIDAY').map((d) => d.day),
      extraWorkdays: days.filter((d) => d.kind === 'WORKDAY').map((d) => d.day),
    });
  }
}
