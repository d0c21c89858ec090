import type { Provider } from '@nestjs/common';
import { QueueRepository } from './queue.repository.js';
import { QueueService } from './queue.service.js';

/** The work queues (REST only); they read through the request feature's visibility rule. */
export const QUEUES: Provider[] = [QueueRepository, QueueService];
