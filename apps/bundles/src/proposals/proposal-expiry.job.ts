import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicJob } from '@gap/service';
import { ProposalCommandsService } from './proposal-commands.service.js';

export const PROPOSAL_EXPIRY_EVERY_MS = Symbol('PROPOSAL_EXPIRY_EVERY_MS');

/** Sent proposals the customer left past their validity expire on the service's own clock. */
@Injectable()
export class ProposalExpiryJob extends PeriodicJob {
  private readonly logger = new Logger(ProposalExpiryJob.name);

  constructor(
    private readonly commands: ProposalCommandsService,
    @Inject(PROPOSAL_EXPIRY_EVERY_MS) everyMs: number,
  ) {
    super(everyMs);
  }

  protected async runOnce(): Promise<number> {
    const expired = await this.commands.expireDue();
    if (expired > 0) this.logger.log(`${expired} proposal(s) expired`);
    return expired;
  }
}
