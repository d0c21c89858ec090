import { Matches } from 'class-validator';
import { ServiceConfig } from '@gap/config';

const CLOCK_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export class CoordinationConfig extends ServiceConfig {
  override PORT = 4004;
  /**
   * The business day SLA clocks count in, `HH:MM` China time (24:00 closes at midnight): the
   * operator's opening hours; a round-the-clock desk (or a test on wall time) sets 00:00–24:00.
   */
  @Matches(CLOCK_TIME, { message: 'SLA_BUSINESS_OPENS is HH:MM' }) SLA_BUSINESS_OPENS = '09:00';
  @Matches(CLOCK_TIME, { message: 'SLA_BUSINESS_CLOSES is HH:MM' }) SLA_BUSINESS_CLOSES = '18:00';
}
