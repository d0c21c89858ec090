import { RebalanceApplyService } from './rebalance-apply.service.js';
import { RebalancePreviewService } from './rebalance-preview.service.js';
import { RebalanceTeamService } from './rebalance-team.service.js';
import { RebalanceRepository } from './rebalance.repository.js';
import { RebalanceResolver } from './rebalance.resolver.js';

/** The rebalance feature's providers, for the managers module (it needs assignment's too). */
export const REBALANCE_PROVIDERS = [
  RebalanceRepository,
  RebalanceTeamService,
  RebalancePreviewService,
  RebalanceApplyService,
  RebalanceResolver,
];
