import 'reflect-metadata';
import { Module, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { DEFAULT_BUSINESS_HOURS } from '@gap/coordination/domain';
import { JwtVerifier } from '@gap/auth';
import type { Role } from '@gap/authz';
import { OutboxPublisher } from '@gap/messaging';
import { IdempotencyKeysRepository } from '@gap/rest';
import {
  createTestIssuer,
  freePort,
  TEST_AUDIENCE,
  TEST_ISSUER,
  Wiring,
  type TestIssuer,
} from '@gap/testing';
import { DEPARTMENTS, SLA } from '../coordination.module.js';
import { QueueController } from '../queues/queue.controller.js';
import { QueueService } from '../queues/queue.service.js';
import { QUEUES } from '../queues/queues.providers.js';
import { RequestCommandsService } from '../requests/request-commands.service.js';
import { RequestController } from '../requests/request.controller.js';
import { RequestQueriesService } from '../requests/request-queries.service.js';
import { REQUESTS } from '../requests/requests.providers.js';
import { SubmitRequestService } from '../requests/submit-request.service.js';
import { EscalationPlanner } from '../sla/escalation-planner.js';
import { BUSINESS_HOURS } from '../sla/sla-calendar.source.js';
import { RecordingPlanner } from './requests-harness.js';

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: Record<string, unknown>;
}

/** The service's REST controllers on a free port, over the spec's own database, as callers call it. */
export interface RestHarness {
  readonly base: string;
  readonly issuer: TestIssuer;
  readonly keys: IdempotencyKeysRepository;
  call(
    method: 'GET' | 'POST',
    path: string,
    as: { roles: Role[]; subject: string },
    options?: { body?: object; headers?: Record<string, string> },
  ): Promise<Answer>;
  close(): Promise<void>;
}

export async function startRestHarness(dataSource: DataSource): Promise<RestHarness> {
  const issuer = await createTestIssuer();
  const wiring = new Wiring(
    [...DEPARTMENTS, ...SLA, ...REQUESTS, ...QUEUES],
    new Map<unknown, unknown>([
      [DataSource, dataSource],
      [OutboxPublisher, new OutboxPublisher(dataSource)],
      [EscalationPlanner, new RecordingPlanner()],
      [BUSINESS_HOURS, DEFAULT_BUSINESS_HOURS],
    ]),
  );
  const keys = new IdempotencyKeysRepository(dataSource);
  const verifier = new JwtVerifier({
    issuer: TEST_ISSUER,
    audience: TEST_AUDIENCE,
    jwksFile: issuer.jwksFile,
  });
  const given: Type<unknown>[] = [
    RequestQueriesService,
    RequestCommandsService,
    SubmitRequestService,
    QueueService,
  ];

  @Module({
    controllers: [RequestController, QueueController],
    providers: [
      ...given.map((type) => ({ provide: type, useValue: wiring.get(type) })),
      { provide: IdempotencyKeysRepository, useValue: keys },
      { provide: JwtVerifier, useValue: verifier },
    ],
  })
  class CoordinationRestTestModule {}

  const app: INestApplication = await NestFactory.create(CoordinationRestTestModule, {
    logger: ['error'],
  });
  const port = await freePort();
  await app.listen(port, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    issuer,
    keys,
    async call(method, path, as, options = {}) {
      const token = await issuer.token(as.roles, as.subject);
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(options.body ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
        ...(options.body ? { body: JSON.stringify(options.body) } : {}),
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        text,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      };
    },
    close: () => app.close(),
  };
}
