import 'reflect-metadata';
import { loadConfig } from '@gap/config';
import { startServiceApp } from '@gap/observability';
import { CoordinationConfig } from './coordination.config.js';
import { CoordinationModule } from './coordination.module.js';

const config = loadConfig(CoordinationConfig);
const app = await startServiceApp(CoordinationModule.forRoot(config), {
  host: config.HOST,
  port: config.PORT,
});
app.enableShutdownHooks();
