import { Controller, Get, Injectable, Logger, Module, type OnModuleInit } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { HealthRegistry } from './health.registry.js';
import { PinoNestLogger } from './logger.js';
import { ObservabilityModule } from './observability.module.js';

/** A part of a service whose readiness the test turns up, down or silent. */
@Injectable()
class Transport implements OnModuleInit {
  state: 'up' | 'down' | 'hanging' = 'up';

  constructor(private readonly health: HealthRegistry) {}

  onModuleInit(): void {
    this.health.register('transport', () => {
      if (this.state === 'hanging') return new Promise(() => undefined);
      return Promise.resolve({
        'transport:test': this.state === 'up' ? 'up' : 'connection refused',
        'consumer:test.events': 'up',
      });
    });
  }
}

@Controller('work')
class WorkController {
  private readonly logger = new Logger('Work');

  @Get()
  work(): { done: true } {
    this.logger.warn('working');
    return { done: true };
  }
}

@Module({ providers: [Transport], controllers: [WorkController] })
class TestServiceModule {}

describe('the observability module', () => {
  let app: INestApplication;
  let base: string;
  let transport: Transport;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ObservabilityModule.forRoot({
          service: 'test',
          logLevel: 'info',
          destination: {
            write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>),
          },
        }),
        TestServiceModule,
      ],
    }).compile();
    app = moduleRef.createNestApplication({ bufferLogs: true });
    app.useLogger(app.get(PinoNestLogger));
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    transport = app.get(Transport);
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(() => {
    transport.state = 'up';
    lines.length = 0;
  });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, { headers });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('is ready while every check is up, listing each one', async () => {
    const ready = await get('/health/ready');

    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      details: {
        'transport:test': { status: 'up' },
        'consumer:test.events': { status: 'up' },
      },
    });
  });

  it('answers 503 naming the check that is down, and stays live', async () => {
    transport.state = 'down';

    const ready = await get('/health/ready');
    const live = await get('/health/live');

    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({
      status: 'error',
      error: { 'transport:test': { status: 'down', message: 'connection refused' } },
      info: { 'consumer:test.events': { status: 'up' } },
    });
    expect(live.status).toBe(200);
  });

  it('counts a check that does not answer as down, within the probe timeout', async () => {
    transport.state = 'hanging';
    const started = Date.now();

    const ready = await get('/health/ready');

    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({
      error: { transport: { status: 'down', message: 'no answer within 1500 ms' } },
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('logs each request and what is logged during it with the request and correlation ids', async () => {
    await get('/work', { 'x-correlation-id': 'order-42', authorization: 'Bearer secret' });

    const during = lines.find((l) => l['msg'] === 'working');
    const request = lines.find((l) => l['msg'] === 'request completed');
    expect(during).toMatchObject({ name: 'test', context: 'Work', correlationId: 'order-42' });
    expect(request).toMatchObject({
      correlationId: 'order-42',
      req: { method: 'GET', url: '/work' },
      res: { statusCode: 200 },
    });
    expect(request?.['requestId']).toEqual(during?.['requestId']);
    expect(JSON.stringify(lines)).not.toContain('secret');
  });

  it('does not log the health probes', async () => {
    await get('/health/live');
    await get('/health/ready');

    expect(lines.filter((l) => l['msg'] === 'request completed')).toEqual([]);
  });
});
