import { CoordinationEventsConsumer } from './coordination-events.consumer.js';
import { CoordinationLinksService } from './coordination-links.service.js';
import { CoordinationWorkRepository } from './coordination-work.repository.js';

/** The links to the coordination service: open work for handovers, outcomes for scorecards. */
export const COORDINATION_LINKS = [
  CoordinationWorkRepository,
  CoordinationLinksService,
  CoordinationEventsConsumer,
];
