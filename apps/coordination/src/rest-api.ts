import type { RestApi } from '@gap/rest';
import { RequestController } from './requests/request.controller.js';

/** The controllers of this service's REST API, for the service and for the OpenAPI document. */
export const COORDINATION_REST_API: RestApi = {
  title: 'Coordination',
  version: '1',
  controllers: [RequestController],
  tags: {
    'coordination/requests':
      'Requests to the coordination team for an account, routed to departments, on SLA clocks.',
  },
};
