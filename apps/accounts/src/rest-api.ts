import type { RestApi } from '@gap/rest';
import { GroupAccountController } from './group-account/group-account.controller.js';
import { PortfolioExportController } from './portfolio/portfolio-export.controller.js';

/** The controllers of this service's REST API, for the service and for the OpenAPI document. */
export const ACCOUNTS_REST_API: RestApi = {
  title: 'Accounts',
  version: '1',
  controllers: [GroupAccountController, PortfolioExportController],
  tags: { accounts: 'Group customers: enterprises, agencies, institutions and SMEs.' },
};
