import 'reflect-metadata';
import { loadConfig } from '@gap/config';
import { startServiceApp } from '@gap/observability';
import { BundlesConfig } from './bundles.config.js';
import { BundlesModule } from './bundles.module.js';

const config = loadConfig(BundlesConfig);
const app = await startServiceApp(BundlesModule.forRoot(config), {
  host: config.HOST,
  port: config.PORT,
});
app.enableShutdownHooks();
