import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import { COORDINATION_PERMISSIONS } from '@gap/coordination/domain';
import type { FieldViolation } from '@gap/errors';
import { RequestErrors } from '../requests/request.errors.js';
import { requestView } from '../requests/request.view.js';
import { RequestViewers } from '../requests/request-viewer.js';
import { SlaContextReader } from '../requests/sla-context.js';
import { SlaBoardRepository, type SlaSummaryRow } from './sla-board.repository.js';
import {
  MAX_BREACHING_SOON,
  MAX_BREACHING_WITHIN_HOURS,
  type SlaBoardType,
  type SlaSummaryType,
} from './sla-board.types.js';

const HOUR_MS = 3_600_000;

function checkBound(field: string, value: number, max: number, problems: FieldViolation[]) {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    problems.push(
      RequestErrors.field(
        field,
        'OUT_OF_RANGE',
        `${field} 须为 1 到 ${max} 之间的整数。`,
        `${field} must be a whole number from 1 to ${max}.`,
      ),
    );
  }
}

/**
 * The SLA at a glance: an account's open requests with how many breached or warned and when the
 * next falls due, and the board of every open request the caller sees by lead department and
 * state with those breaching soon. Figures as of the read, from the instants each change keeps.
 */
@Injectable()
export class SlaBoardService {
  constructor(
    private readonly board: SlaBoardRepository,
    private readonly viewers: RequestViewers,
    private readonly sla: SlaContextReader,
  ) {}

  /** The summaries of many accounts at once; an account with nothing open gets zeros. */
  async summaries(
    caller: Caller,
    accountIds: readonly string[],
    now: Date = new Date(),
  ): Promise<Map<string, SlaSummaryType>> {
    authorize(COORDINATION_PERMISSIONS, 'GroupAccount.slaSummary', caller);
    const viewer = await this.viewers.of(caller);
    const rows = new Map<string, SlaSummaryRow>(
      (await this.board.summaries(viewer, accountIds, now)).map((row) => [row.accountId, row]),
    );
    return new Map(
      accountIds.map((id) => {
        const row = rows.get(id);
        return [
          id,
          {
            openRequests: row?.open ?? 0,
            breached: row?.breached ?? 0,
            warning: row?.warning ?? 0,
            nextDueAt: row?.nextDueAt ?? null,
          },
        ];
      }),
    );
  }

  async slaBoard(
    caller: Caller,
    args: { breachingWithinHours: number; first: number },
    now: Date = new Date(),
  ): Promise<SlaBoardType> {
    authorize(COORDINATION_PERMISSIONS, 'slaBoard', caller);
    const problems: FieldViolation[] = [];
    const hours = args.breachingWithinHours;
    checkBound('breachingWithinHours', hours, MAX_BREACHING_WITHIN_HOURS, problems);
    checkBound('first', args.first, MAX_BREACHING_SOON, problems);
    if (problems.length > 0) throw RequestErrors.invalid(problems);
    const viewer = await this.viewers.of(caller);
    const soon = new Date(now.getTime() + hours * HOUR_MS);
    const [cells, rows, calendar] = await Promise.all([
      this.board.cells(viewer, now, soon),
      this.board.breachingSoon(viewer, now, soon, args.first),
      this.sla.calendar(),
    ]);
    return {
      asOf: now,
      breachingWithinHours: hours,
      cells,
      breachingSoon: rows.map((row) => requestView(row, now, calendar)),
    };
  }
}
