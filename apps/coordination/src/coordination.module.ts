import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { IdempotencyKeysRepository, IdempotencyKeysSweeper } from '@gap/rest';
import { ServicePlatformModule } from '@gap/service';
import type { CoordinationConfig } from './coordination.config.js';
import { coordinationDatabase } from './coordination.database.js';
import { DepartmentRepository } from './departments/department.repository.js';
import { DepartmentResolver } from './departments/department.resolver.js';
import { DepartmentService } from './departments/department.service.js';
import {
  EscalationQueue,
  ESCALATION_QUEUE_OPTIONS,
} from './escalation/escalation-queue.repository.js';
import { EscalationRepository } from './escalation/escalation.repository.js';
import { EscalationResolver } from './escalation/escalation.resolver.js';
import { EscalationScheduler } from './escalation/escalation.scheduler.js';
import { EscalationService } from './escalation/escalation.service.js';
import { EscalationSweeper } from './escalation/escalation.sweeper.js';
import { EscalationWorker } from './escalation/escalation.worker.js';
import { QueueController } from './queues/queue.controller.js';
import { QUEUES } from './queues/queues.providers.js';
import { REQUEST_CONSUMERS, REQUESTS } from './requests/requests.providers.js';
import { RequestController } from './requests/request.controller.js';
import { COORDINATION_API } from './schema.js';
import { SLA_BOARD } from './sla-board/sla-board.providers.js';
import { CalendarDayRepository } from './sla/calendar-day.repository.js';
import { CalendarDayResolver } from './sla/calendar-day.resolver.js';
import { CalendarDayService } from './sla/calendar-day.service.js';
import { EscalationPlanner, OpenRequestsReplanner } from './sla/escalation-planner.js';
import { BUSINESS_HOURS, SlaCalendarSource } from './sla/sla-calendar.source.js';
import { SlaPolicyRepository } from './sla/sla-policy.repository.js';
import { SlaPolicyResolver } from './sla/sla-policy.resolver.js';
import { SlaPolicyService } from './sla/sla-policy.service.js';
import { TmfHubController } from './tmf/tmf-hub.controller.js';
import { TMF, TMF_CONSUMERS } from './tmf/tmf.providers.js';
import { TroubleTicketController } from './tmf/trouble-ticket.controller.js';

/** Departments, their staff and the coordination team. */
export const DEPARTMENTS: Provider[] = [
  DepartmentRepository,
  DepartmentService,
  DepartmentResolver,
];

/** SLA policy versions, the admin's calendar days, and what clocks are counted with. */
export const SLA: Provider[] = [
  SlaPolicyRepository,
  SlaPolicyService,
  SlaPolicyResolver,
  CalendarDayRepository,
  CalendarDayService,
  CalendarDayResolver,
  SlaCalendarSource,
];

/** The durable escalation ladder: planned in each change's transaction, fired by pg-boss. */
export const ESCALATION: Provider[] = [
  EscalationRepository,
  EscalationQueue,
  EscalationScheduler,
  { provide: EscalationPlanner, useExisting: EscalationScheduler },
  EscalationWorker,
  EscalationSweeper,
  { provide: OpenRequestsReplanner, useExisting: EscalationSweeper },
  EscalationService,
  EscalationResolver,
];

/**
 * The coordination service: the coordination team's requests and complaints for an account,
 * routed to departments, on SLA clocks, with an escalation ladder and an audit trail.
 */
@Module({})
export class CoordinationModule {
  static forRoot(config: CoordinationConfig): DynamicModule {
    return {
      module: CoordinationModule,
      imports: [
        ServicePlatformModule.forRoot({
          service: 'coordination',
          config,
          database: coordinationDatabase(config.DATABASE_URL),
          api: COORDINATION_API,
        }),
      ],
      controllers: [RequestController, TroubleTicketController, TmfHubController, QueueController],
      providers: [
        ...DEPARTMENTS,
        ...SLA,
        ...ESCALATION,
        ...REQUESTS,
        ...REQUEST_CONSUMERS,
        ...SLA_BOARD,
        ...QUEUES,
        IdempotencyKeysRepository,
        IdempotencyKeysSweeper,
        ...TMF,
        ...TMF_CONSUMERS,
        { provide: ESCALATION_QUEUE_OPTIONS, useValue: { connectionString: config.DATABASE_URL } },
        {
          provide: BUSINESS_HOURS,
          useValue: { opens: config.SLA_BUSINESS_OPENS, closes: config.SLA_BUSINESS_CLOSES },
        },
      ],
    };
  }
}
