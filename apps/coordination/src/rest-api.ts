import type { RestApi } from '@gap/rest';
import { QueueController } from './queues/queue.controller.js';
import { RequestController } from './requests/request.controller.js';
import { TmfHubController } from './tmf/tmf-hub.controller.js';
import { TroubleTicketController } from './tmf/trouble-ticket.controller.js';

/** The controllers of this service's REST API, for the service and for the OpenAPI document. */
export const COORDINATION_REST_API: RestApi = {
  title: 'Coordination',
  version: '1',
  controllers: [RequestController, TroubleTicketController, TmfHubController, QueueController],
  tags: {
    'coordination/requests':
      'Requests to the coordination team for an account, routed to departments, on SLA clocks.',
    'coordination/queues':
      'Work queues: a department’s tasks, requests breaching soon, requests nobody has taken.',
    troubleTicket:
      'TMF621 Trouble Ticket v5: complaints and technical support requests as trouble tickets.',
    'troubleTicket events subscription':
      'TMF621 event hub: listeners told of trouble ticket creation and status changes.',
  },
};
