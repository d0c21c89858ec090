import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { foldPortfolio, type PortfolioEvent, type PortfolioFacts } from '@gap/accounts/domain';
import { PortfolioEntriesRepository } from './portfolio-entries.repository.js';
import { LIVE_PORTFOLIO_SCHEMA, PortfolioFactsRepository } from './portfolio-facts.repository.js';
import { foldVisibility, VISIBILITY_EVENT_TYPES } from './portfolio-visibility.fold.js';

/**
 * Folds events, in order, into the read model's rows of their accounts, set-based: the rows
 * read (and locked) in one query, folded in memory by the domain's `foldPortfolio` and
 * `foldVisibility`, written back in one statement each. The live projection applies each
 * delivered batch with it, and a rebuild each batch of its replay, so both reach the same rows.
 */
@Injectable()
export class PortfolioFoldService {
  constructor(
    private readonly facts: PortfolioFactsRepository,
    private readonly entries: PortfolioEntriesRepository,
  ) {}

  async apply(
    manager: EntityManager,
    events: readonly PortfolioEvent[],
    schema = LIVE_PORTFOLIO_SCHEMA,
  ): Promise<void> {
    if (events.length === 0) return;
    const ids = [...new Set(events.map((e) => e.payload.groupAccountId))];
    const visible = [
      ...new Set(
        events
          .filter((e) => VISIBILITY_EVENT_TYPES.has(e.type))
          .map((e) => e.payload.groupAccountId),
      ),
    ];
    const rows: Map<string, PortfolioFacts> = await this.facts.lockMany(manager, ids, schema);
    const entries = await this.entries.entriesOf(manager, visible, schema);
    for (const event of events) {
      const id = event.payload.groupAccountId;
      rows.set(id, foldPortfolio(rows.get(id), event));
      const before = entries.get(id);
      if (before) entries.set(id, foldVisibility(before, event));
    }
    await this.facts.save(manager, [...rows.values()], schema);
    await this.entries.replaceEntries(manager, entries, schema);
  }
}
