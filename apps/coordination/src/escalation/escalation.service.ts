import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import { COORDINATION_PERMISSIONS } from '@gap/coordination/domain';
import { RequestViewers } from '../requests/request-viewer.js';
import { clockKindOf } from './escalation-job.js';
import { EscalationRepository } from './escalation.repository.js';
import type { RequestEscalationType } from './escalation.types.js';

/** The steps of a request's ladder that fired, oldest first, to those who see the request. */
@Injectable()
export class EscalationService {
  constructor(
    private readonly escalations: EscalationRepository,
    private readonly viewers: RequestViewers,
  ) {}

  async list(caller: Caller, requestId: string): Promise<RequestEscalationType[]> {
    authorize(COORDINATION_PERMISSIONS, 'requestEscalations', caller);
    const viewer = await this.viewers.of(caller);
    return (await this.escalations.list(requestId, viewer)).map((row) => ({
      ...row,
      clock: clockKindOf(row.step),
      level: row.step.slice(row.step.indexOf(':') + 1),
    }));
  }
}
