import { SlaBoardRepository } from './sla-board.repository.js';
import { GroupAccountSlaResolver, SlaBoardResolver } from './sla-board.resolver.js';
import { SlaBoardService } from './sla-board.service.js';

/** The SLA board and an account's SLA summary. */
export const SLA_BOARD = [
  SlaBoardRepository,
  SlaBoardService,
  SlaBoardResolver,
  GroupAccountSlaResolver,
];
