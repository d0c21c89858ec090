import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MessagingService } from '@gap/messaging';
import { OpenLeadProspectService } from './open-lead-prospect.service.js';

/** A group of its own, apart from the portfolio read model's, so that each keeps its pace. */
export const LEAD_PROSPECTS_CONSUMER_GROUP = 'accounts-lead-prospects';

/** Partners' leads for new companies, opened as PROSPECT accounts. */
@Injectable()
export class LeadProspectsConsumer implements OnModuleInit {
  constructor(
    private readonly messaging: MessagingService,
    private readonly prospects: OpenLeadProspectService,
  ) {}

  onModuleInit(): void {
    this.messaging.consume({
      groupId: LEAD_PROSPECTS_CONSUMER_GROUP,
      handlers: {
        LeadQualified: async (event, manager) => {
          await this.prospects.onLeadQualified(event, manager);
        },
      },
    });
  }
}
