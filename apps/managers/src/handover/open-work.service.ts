import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { openWorkItemSeed } from './handover-checklist.js';
import { OpenWorkRepository, type OpenWork } from './open-work.repository.js';

/**
 * Work another service opens and closes on an account, as the handovers see it: open work is
 * an item of the account's handover checklist (a handover planned later draws it from the open
 * work; one open now gets it at once); closed, its item is done and no longer holds the
 * handover back. `service` is the service whose events these are.
 */
@Injectable()
export class OpenWorkService {
  constructor(private readonly openWork: OpenWorkRepository) {}

  async opened(tx: EntityManager, work: OpenWork, service: string): Promise<void> {
    await this.openWork.open(tx, work);
    await this.openWork.addToOpenHandovers(tx, work.accountId, openWorkItemSeed(work), service);
  }

  async closed(
    tx: EntityManager,
    work: Pick<OpenWork, 'source' | 'ref' | 'at'>,
    note: string,
    service: string,
  ): Promise<void> {
    await this.openWork.close(tx, work, note, service);
  }
}
