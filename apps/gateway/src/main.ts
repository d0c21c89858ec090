import 'reflect-metadata';
import { loadConfig } from '@gap/config';
import { startServiceApp } from '@gap/observability';
import { GatewayConfig } from './gateway.config.js';
import { GatewayModule } from './gateway.module.js';

const config = loadConfig(GatewayConfig);
const app = await startServiceApp(GatewayModule.forRoot(config), {
  host: config.HOST,
  port: config.PORT,
});
app.enableShutdownHooks();
