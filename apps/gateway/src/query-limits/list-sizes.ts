/**
 * How many items each list of the graph can really return, so the cost estimate counts a list
 * as what it costs. Paged lists (a `first` or `last` argument) are counted at the size asked
 * for, capped at their documented maximum: the "at most N" their argument's description states,
 * else the entry here, else {@link DEFAULT_MAX_PAGE}. Unpaged lists are counted at the entry
 * here, taken from the owning service's code; where the service sets no bound, the entry is a
 * stated assumption. A spec fails when a list of the supergraph has no entry and no documented
 * maximum, so a new list is sized when it is added.
 */
export const DEFAULT_MAX_PAGE = 100;

/** Where the number comes from, so the next reader can check it against the service. */
interface ListSize {
  readonly max: number;
  readonly source: string;
}

const size = (max: number, source: string): ListSize => ({ max, source });

export const LIST_SIZES: Readonly<Record<string, ListSize>> = {
  'AccountManager.industries': size(20, 'managers: @ArrayMaxSize(20) on the input'),
  'AccountManager.regions': size(50, 'managers: @ArrayMaxSize(50) on the input'),
  'AssignmentCandidate.refusals': size(3, 'managers: three refusal codes'),
  'AssignmentExplanation.candidates': size(20, 'managers: top 20'),
  'AssignmentExplanation.reasons': size(
    20,
    'managers domain: a few reasons per placement; assumed',
  ),
  'Contact.consents': size(20, 'accounts: at most 20 consents recorded at a time; assumed'),
  'Contact.keyDates': size(20, 'accounts domain: MAX_KEY_DATES'),
  'CoordinationRequest.callbacks': size(
    20,
    'coordination: one per callback of a complaint; assumed',
  ),
  'CoordinationRequest.participatingDepartmentIds': size(
    20,
    'coordination: a few departments; assumed',
  ),
  'CoordinationRequest.tasks': size(40, 'coordination: one per department and reopening; assumed'),
  'Department.memberIds': size(500, 'coordination: @ArrayMaxSize(500) on the input'),
  'GroupAccount.coordinationRequests': size(
    100,
    'coordination: open requests of an account; assumed',
  ),
  'Mutation.setCoordinationTeamMember': size(50, 'coordination: the team, a few dozen; assumed'),
  'Query.businessCalendarWarnings': size(2, 'coordination: this year and next'),
  'Query.calendarDays': size(366, 'coordination: admin days between two dates; a year assumed'),
  'Query.coordinationRequestAudit': size(500, 'coordination: a request’s changes; assumed'),
  'Query.coordinationTeam': size(50, 'coordination: the team, a few dozen; assumed'),
  'Query.departments': size(50, 'coordination: departments, a handful; assumed'),
  'Query.requestEscalations': size(20, 'coordination: steps of two clocks, each once'),
  'Query.slaPolicies': size(100, 'coordination: every version, no bound; assumed'),
  'SlaBoard.cells': size(48, 'coordination: (departments + untriaged) × 5 open states; assumed'),
  'SlaBoard.breachingSoon': size(100, 'coordination: the first argument, at most 100'),
  'SlaPolicy.escalation': size(10, 'coordination domain: a few ladder steps; assumed'),
  'SlaPolicy.resolutionMinutes': size(20, 'coordination domain: 5 types × 4 priorities'),
  'SlaPolicy.resolutionTierFactor': size(3, 'coordination domain: tiers A, B, C'),
  'SlaPolicy.responseMinutes': size(12, 'coordination domain: 3 tiers × 4 priorities'),
  'GroupRollup.tiers': size(4, 'accounts: tiers A, B, C and not yet tiered'),
  'PortfolioFacets.tiers': size(4, 'accounts: tiers A, B, C and not yet tiered'),
  'PortfolioFacets.segments': size(5, 'accounts: four segments and not yet valued'),
  'PortfolioFacets.statuses': size(4, 'accounts domain: GROUP_ACCOUNT_STATUSES'),
  'PortfolioFacets.regions': size(
    400,
    'accounts: regions one level below the filter; GB/T 2260 has about 340 cities',
  ),
  'BundleCompositionRule.items': size(50, 'bundles: @ArrayMaxSize(50) on the input'),
  'BundleCompositionRule.requires': size(50, 'bundles: @ArrayMaxSize(50) on the input'),
  'BundleCompositionRule.values': size(50, 'bundles: @ArrayMaxSize(50) on the input'),
  'BundleConfigurationCheck.violations': size(
    2_000,
    'bundles domain: a few per line of at most 200 lines; assumed',
  ),
  'BundleConfigurationLine.attributes': size(20, 'bundles: @ArrayMaxSize(20) on the input'),
  'BundleEligibility.industries': size(20, 'bundles domain: GB/T 4754 sections A to T'),
  'BundleEligibility.regionPrefixes': size(50, 'bundles: @ArrayMaxSize(50) on the input'),
  'BundleEligibility.segments': size(4, 'bundles domain: VALUE_SEGMENTS'),
  'BundleEligibility.tiers': size(3, 'bundles domain: tiers A, B, C'),
  'BundlePrice.approvalChain': size(3, 'bundles domain: APPROVER_LEVELS'),
  'BundlePrice.lines': size(200, 'bundles: @ArrayMaxSize(200) on the input'),
  'BundleQualification.reasons': size(8, 'bundles domain: INELIGIBILITY_CODES'),
  'BundleTemplate.modules': size(60, 'bundles: @ArrayMaxSize(60) on the input'),
  'BundleTemplate.rules': size(100, 'bundles: @ArrayMaxSize(100) on the input'),
  'BundlesPolicy.approvalChain': size(3, 'bundles domain: APPROVER_LEVELS'),
  'BundlesPolicy.taxRates': size(2, 'bundles domain: TAX_CATEGORIES'),
  'BundlesPolicy.tierDiscounts': size(3, 'bundles domain: tiers A, B, C'),
  'GroupAccount.proposals': size(100, 'bundles: ACCOUNT_LIST_LIMIT'),
  'GroupAccount.qualifiedBundles': size(500, 'bundles: every template on sale; assumed'),
  'GroupAccount.subscriptions': size(100, 'bundles: ACCOUNT_LIST_LIMIT'),
  'GroupAccount.trials': size(100, 'bundles: ACCOUNT_TRIALS_LIMIT'),
  'Mutation.setBundleApprover': size(200, 'bundles: the approver register; assumed'),
  'Product.attributes': size(20, 'bundles: @ArrayMaxSize(20) on the input'),
  'Product.priceBands': size(50, 'bundles: @ArrayMaxSize(50) on the input'),
  'Product.surcharges': size(50, 'bundles: @ArrayMaxSize(50) on the input'),
  'ProductAttribute.values': size(50, 'bundles: @ArrayMaxSize(50) on the input'),
  'Proposal.approvals': size(3, 'bundles domain: one per level of the chain'),
  'Proposal.chain': size(3, 'bundles domain: APPROVER_LEVELS'),
  'Proposal.history': size(200, 'bundles: a proposal’s steps and revisions; assumed'),
  'Proposal.lines': size(200, 'bundles: @ArrayMaxSize(200) on the input'),
  'Query.bundleApprovers': size(200, 'bundles: the approver register; assumed'),
  'Query.bundleProducts': size(500, 'bundles: every version of the catalogue; assumed'),
  'Query.bundleTemplates': size(500, 'bundles: every version of the templates; assumed'),
  'Subscription.attributes': size(20, 'bundles: @ArrayMaxSize(20) on the input'),
  'Trial.reminderDays': size(10, 'bundles domain: a few reminder days per policy; assumed'),
  'Trial.subscriptionIds': size(200, 'bundles: @ArrayMaxSize(200) lines on conversion'),
  'Query.trialConversionRates': size(
    2_000,
    'bundles: subjects (products and templates) × 3 tiers; assumed',
  ),
  'TemplateQualification.accountIds': size(DEFAULT_MAX_PAGE, 'bundles: `first`, a page size'),
  'TemplateQualification.byRegion': size(400, 'bundles: cities of GB/T 2260, about 340'),
  'TemplateQualification.byTier': size(3, 'bundles domain: tiers A, B, C'),
  'AccountAdoption.subscriptions': size(100, 'bundles: ACCOUNT_LIST_LIMIT'),
  'AccountAdoption.products': size(200, 'bundles: the catalogue’s product codes; assumed'),
  'Query.adoptionReport': size(24, 'bundles domain: 8 product families × 3 tiers'),
  'GroupAccount.ancestors': size(31, 'accounts domain: MAX_HIERARCHY_DEPTH 32'),
  'GroupAccount.associations': size(100, 'accounts: no bound; assumed'),
  'GroupAccount.clusters': size(100, 'accounts: no bound; assumed'),
  'GroupAccount.contacts': size(100, 'accounts: no bound; assumed'),
  'GroupAccount.tags': size(20, 'accounts domain: MAX_TAGS'),
  'GroupAccount.handovers': size(500, 'managers: the resolver reads up to 500'),
  'GroupAccount.team': size(20, 'managers: a few roles, no bound; assumed'),
  'GroupAccount.tierHistory': size(DEFAULT_MAX_PAGE, 'tiering: `last`, a page size'),
  'GroupAccount.children': size(DEFAULT_MAX_PAGE, 'accounts: PageArgs'),
  'GroupAccount.descendants': size(DEFAULT_MAX_PAGE, 'accounts: PageArgs'),
  'Handover.checklist': size(20, 'managers: one item per checklist source; assumed'),
  // One per refused row of the caller's own upload: bounded by what the caller sent (the body
  // limit), not by stored data, so it amplifies nothing; counted as one page.
  'ImportReport.errors': size(DEFAULT_MAX_PAGE, 'the caller’s own file'),
  'IndustryAssociation.members': size(DEFAULT_MAX_PAGE, 'accounts: PageArgs'),
  'IndustryCluster.supporters': size(DEFAULT_MAX_PAGE, 'accounts: PageArgs'),
  'ManagerPolicy.tiers': size(3, 'managers: tiers A, B, C'),
  'ManagerPolicyTier.grades': size(3, 'managers: @ArrayMaxSize(3) on the input'),
  'ManagerPolicyHandover.waivedBy': size(6, 'managers: roles, six of them'),
  'Mutation.recordContactConsent': size(20, 'as Contact.consents'),
  'Mutation.removeTeamMember': size(20, 'as GroupAccount.team'),
  'Mutation.setTeamMember': size(20, 'as GroupAccount.team'),
  'Offboarding.unplaced': size(1000, 'managers: a manager’s accounts, capacity up to 1,000'),
  'Query.accountManagers': size(500, 'managers: the service reads up to 500'),
  'Query.groupAccounts': size(DEFAULT_MAX_PAGE, 'accounts: PageArgs'),
  'Query.handovers': size(500, 'managers: the service reads up to 500'),
  'Query.industries': size(20, 'accounts domain: INDUSTRIES, the 20 sections'),
  'Query.industryAssociations': size(DEFAULT_MAX_PAGE, 'accounts: PageArgs'),
  'Query.industryClusters': size(DEFAULT_MAX_PAGE, 'accounts: PageArgs'),
  'Query.managerPolicies': size(100, 'managers: every version, no bound; assumed'),
  'Query.myPortfolio': size(DEFAULT_MAX_PAGE, 'accounts: PageArgs'),
  'Query.myTeam': size(500, 'managers: the resolver reads up to 500'),
  'Query.tierDistributionOverTime': size(120, 'tiering: applied runs, ten years monthly'),
  'Query.tierOverrides': size(DEFAULT_MAX_PAGE, 'tiering: a page size'),
  'Query.tieringPolicies': size(100, 'tiering: every version, no bound; assumed'),
  'Query.tieringRuns': size(DEFAULT_MAX_PAGE, 'tiering: the service reads up to 100'),
  'Query.unassignableAccounts': size(500, 'managers: the service reads up to 500'),
  'Rebalance.loads': size(2000, 'managers: managers whose load changes, a 2,000-strong force'),
  'Rebalance.movesSample': size(200, 'managers: first 200'),
  'TierExplanation.reasons': size(20, 'tiering domain: a few reasons per tier; assumed'),
  'TierDistribution.segments': size(4, 'tiering domain: four segments'),
  'TierDistribution.tiers': size(3, 'tiering domain: A, B, C'),
  'TieringPolicy.walletPerEmployee': size(20, 'one per industry section'),
  'TieringRunPreview.segments': size(4, 'tiering domain: four segments'),
  'TieringRunPreview.tiers': size(3, 'tiering domain: A, B, C'),
  'ValueInputs.months': size(12, 'tiering: the trailing year'),
  'Partner.contacts': size(20, 'partners: @ArrayMaxSize(20) on the input'),
  'Partner.industrySections': size(20, 'partners: @ArrayMaxSize(20) on the input'),
  'Partner.regionPrefixes': size(50, 'partners: @ArrayMaxSize(50) on the input'),
  'GroupAccount.leads': size(100, 'partners: LeadQueriesService.ofAccount, 100 at most'),
  'Lead.candidates': size(50, 'partners: CANDIDATES_PER_KIND (10) × five kinds of match'),
  'LeadCandidate.evidence': size(10, 'partners domain: a few kinds of evidence per candidate'),
  'LeadConflict.reasons': size(4, 'partners domain: four conflict reasons'),
  'PartnerClient.scopes': size(4, 'partners domain: PARTNER_SCOPES'),
  'Query.partnerClients': size(
    100,
    'partners: a partner’s clients, revoked ones included; assumed',
  ),
};

/** The "at most N" a page-size argument's description states, if it states one. */
export function documentedMaximum(description: string | null | undefined): number | undefined {
  const match = /at most ([\d,]+)/i.exec(description ?? '');
  return match ? Number(match[1].replace(/,/g, '')) : undefined;
}
