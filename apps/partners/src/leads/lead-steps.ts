import {
  transitionLead,
  type Lead,
  type LeadActor,
  type LeadCommand,
  type LeadEventName,
  type LeadState,
} from '@gap/partners/domain';
import { LeadErrors } from './lead.errors.js';

/** One step of the state machine a use case took, for the lead's history and its event. */
export interface LeadStep {
  readonly event: LeadEventName;
  readonly command: LeadCommand;
  readonly from: LeadState;
  readonly lead: Lead;
}

/**
 * The steps one use case takes on one lead, each decided by the domain's state machine; the
 * first refusal stops the use case with its coded error, before anything is written.
 */
export class LeadSteps {
  private readonly taken: LeadStep[] = [];

  constructor(
    private current: Lead,
    readonly actor: LeadActor,
    readonly now: Date,
  ) {}

  get lead(): Lead {
    return this.current;
  }

  get steps(): readonly LeadStep[] {
    return this.taken;
  }

  apply(command: LeadCommand): Lead {
    const result = transitionLead(this.current, command, this.actor, this.now);
    if (!result.ok) throw LeadErrors.refused(result.refusal);
    this.taken.push({ event: result.event, command, from: this.current.state, lead: result.lead });
    this.current = result.lead;
    return result.lead;
  }
}
