import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HealthRegistry } from './health.registry.js';

@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  /** The process is alive and serving HTTP. */
  @Get('live')
  @HttpCode(200)
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  /** The service can do its work: database and event transport answer. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<object> {
    const { ready, checks } = await this.registry.readiness();
    res.status(ready ? 200 : 503);
    return { status: ready ? 'up' : 'down', checks };
  }
}
