import 'reflect-metadata';
import { loadConfig } from '@gap/config';
import { startServiceApp } from '@gap/observability';
import { PartnersConfig } from './partners.config.js';
import { PartnersModule } from './partners.module.js';

const config = loadConfig(PartnersConfig);
const app = await startServiceApp(PartnersModule.forRoot(config), {
  host: config.HOST,
  port: config.PORT,
});
app.enableShutdownHooks();
