import type { HandoverRow } from './handover.repository.js';

/** The part every handover event carries: which handover, which account, from whom to whom. */
export function movedPayload(
  handover: Pick<HandoverRow, 'id' | 'groupAccountId' | 'fromManagerId' | 'toManagerId'>,
) {
  return {
    handoverId: handover.id,
    groupAccountId: handover.groupAccountId,
    fromManagerId: handover.fromManagerId,
    toManagerId: handover.toManagerId,
  };
}
