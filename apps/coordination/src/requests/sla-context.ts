import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BusinessCalendar, SlaPolicy } from '@gap/coordination/domain';
import { SlaCalendarSource } from '../sla/sla-calendar.source.js';

/** What SLA clocks are counted with: the policy in force and the business calendar. */
export interface SlaContext {
  readonly policy: SlaPolicy;
  readonly calendar: BusinessCalendar;
}

/** The current SLA policy and the business calendar, as the SLA feature keeps them. */
@Injectable()
export class SlaContextReader {
  constructor(private readonly source: SlaCalendarSource) {}

  /** The business calendar alone, for reads that show clocks but decide nothing. */
  calendar(manager?: EntityManager): Promise<BusinessCalendar> {
    return this.source.calendar(manager);
  }

  async read(manager?: EntityManager): Promise<SlaContext> {
    return {
      policy: await this.source.currentPolicy(manager),
      calendar: await this.source.calendar(manager),
    };
  }
}
