import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EscalationPlanner, OpenRequestsReplanner } from '../sla/escalation-planner.js';
import { EscalationRepository } from './escalation.repository.js';

/**
 * Plans the ladder of every open request again: at start-up (a belt to the braces of enqueuing
 * in the change's transaction: a job lost to a broken pg-boss install or a deleted queue is
 * made up) and after an admin changes the calendar, which moves due times without any request
 * changing. Planning what is planned already adds nothing (jobs are keyed by their plan).
 */
@Injectable()
export class EscalationSweeper implements OnApplicationBootstrap, OpenRequestsReplanner {
  private readonly logger = new Logger(EscalationSweeper.name);

  constructor(
    private readonly requests: EscalationRepository,
    private readonly planner: EscalationPlanner,
  ) {}

  onApplicationBootstrap(): void {
    void this.replanOpenRequests().catch((error: unknown) =>
      this.logger.error(`the start-up sweep failed: ${String(error)}`),
    );
  }

  async replanOpenRequests(): Promise<number> {
    const ids = await this.requests.openRequestIds();
    for (const id of ids) {
      await this.requests.transaction((manager) => this.planner.replan(manager, id));
    }
    return ids.length;
  }
}
