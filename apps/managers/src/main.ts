import 'reflect-metadata';
import { loadConfig } from '@gap/config';
import { startServiceApp } from '@gap/observability';
import { ManagersConfig } from './managers.config.js';
import { ManagersModule } from './managers.module.js';

const config = loadConfig(ManagersConfig);
const app = await startServiceApp(ManagersModule.forRoot(config), {
  host: config.HOST,
  port: config.PORT,
});
app.enableShutdownHooks();
