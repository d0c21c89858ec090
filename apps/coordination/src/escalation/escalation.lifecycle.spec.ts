import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { serviceDataSourceOptions } from '@gap/database';
import { OutboxPublisher } from '@gap/messaging';
import { ESCALATION, SLA } from '../coordination.module.js';
import { DepartmentRepository } from '../departments/department.repository.js';
import { RequestViewers } from '../requests/request-viewer.js';
import { COORDINATION_MIGRATIONS, COORDINATION_SCHEMA } from '../migrations/index.js';
import { BUSINESS_HOURS } from '../sla/sla-calendar.source.js';
import {
  firedSteps,
  insertRequest,
  openEscalationTestDatabase,
  prepareEscalationDatabase,
  secondsPolicy,
  waitFor,
} from './escalation.fixture.js';
import { ESCALATION_QUEUE_OPTIONS } from './escalation-queue.repository.js';

describe('the escalation ladder in the Nest application', () => {
  let url: string;

  beforeAll(async () => {
    const dataSource = await openEscalationTestDatabase('lifecycle');
    url = (dataSource.options as { url: string }).url;
    await prepareEscalationDatabase(dataSource);
    const policy = secondsPolicy('s2', 2);
    await dataSource.query(
      `INSERT INTO coordination.sla_policy (version, body, created_by) VALUES ($1, $2, 'test')`,
      [policy.version, JSON.stringify(policy)],
    );
    // A request planned by nobody (as if the process died between its commit and any plan).
    await insertRequest(dataSource, policy, new Date());
    await dataSource.destroy();
  });

  it('starts pg-boss with the application, sweeps open requests, and closes cleanly', async () => {
    @Module({
      imports: [
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            url,
            schema: COORDINATION_SCHEMA,
            entities: [],
            migrations: COORDINATION_MIGRATIONS,
            applicationName: 'test:lifecycle',
          }),
        ),
      ],
      providers: [
        ...SLA,
        ...ESCALATION,
        DepartmentRepository,
        RequestViewers,
        {
          provide: OutboxPublisher,
          useFactory: (ds: DataSource) => new OutboxPublisher(ds),
          inject: [DataSource],
        },
        { provide: BUSINESS_HOURS, useValue: { opens: '00:00', closes: '24:00' } },
        {
          provide: ESCALATION_QUEUE_OPTIONS,
          useValue: { connectionString: url, pollingIntervalSeconds: 1 },
        },
      ],
    })
    class LadderModule {}

    const app = await NestFactory.createApplicationContext(LadderModule, { logger: false });
    app.enableShutdownHooks();
    const dataSource = app.get(DataSource);
    const [request] = await dataSource.query<{ id: string }[]>(
      'SELECT id FROM coordination.request',
    );
    const fired = await waitFor(
      () => firedSteps(dataSource, request.id),
      (rows) => rows.length >= 2,
      15_000,
    );
    expect(fired.map((r) => r.step)).toEqual(['RESPONSE:WARNING', 'RESPONSE:DEPARTMENT_HEAD']);
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(dataSource.isInitialized).toBe(false);
  }, 40_000);
});
