import 'reflect-metadata';
import { loadConfig } from '@gap/config';
import { startServiceApp } from '@gap/observability';
import { TieringConfig } from './tiering.config.js';
import { TieringModule } from './tiering.module.js';

const config = loadConfig(TieringConfig);
const app = await startServiceApp(TieringModule.forRoot(config), {
  host: config.HOST,
  port: config.PORT,
});
app.enableShutdownHooks();
