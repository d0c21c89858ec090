import type { RestApi } from '@gap/rest';
import { ProposalController } from './proposals/proposal.controller.js';
import { QualificationController } from './qualification/qualification.controller.js';

/** The controllers of this service's REST API, for the service and for the OpenAPI document. */
export const BUNDLES_REST_API: RestApi = {
  title: 'Bundles',
  version: '1',
  controllers: [QualificationController, ProposalController],
  tags: {
    'bundles/qualification': 'Which bundles on sale an account may buy, and why not.',
    'bundles/proposals':
      'Proposals (quotes) for an account: configured, priced, approved beyond policy, accepted.',
  },
};
