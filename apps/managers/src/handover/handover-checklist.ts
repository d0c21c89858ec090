import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Tier } from '@gap/managers/domain';
import { OpenWorkRepository, type OpenWorkRow } from './open-work.repository.js';

/** One handover a checklist is being drawn up for. */
export interface ChecklistSubject {
  readonly handoverId: string;
  readonly accountId: string;
  readonly tier: Tier;
  readonly fromManagerId: string;
  readonly toManagerId: string;
}

export interface ChecklistItemSeed {
  /** Unique within the handover; stable, so clients can address the item. */
  readonly key: string;
  readonly kind: string;
  readonly label: string;
  /** The source that contributed it. */
  readonly source: string;
}

/**
 * Something that knows what must be passed on with an account. A new kind of open work (a
 * service's requests, proposals, contracts) plugs in as one more source; every source answers
 * for many handovers at once, so planning a leaving manager's whole portfolio stays one query
 * per source.
 */
export interface ChecklistSource {
  readonly name: string;
  itemsFor(
    manager: EntityManager,
    subjects: readonly ChecklistSubject[],
  ): Promise<Map<string, ChecklistItemSeed[]>>;
}

export const CHECKLIST_SOURCES = Symbol('CHECKLIST_SOURCES');

/** What every handover asks of the two managers, whatever else is open on the account. */
export class RelationshipItems implements ChecklistSource {
  readonly name = 'RELATIONSHIP';

  itemsFor(
    _manager: EntityManager,
    subjects: readonly ChecklistSubject[],
  ): Promise<Map<string, ChecklistItemSeed[]>> {
    const items = new Map<string, ChecklistItemSeed[]>();
    for (const subject of subjects) {
      const seeds: ChecklistItemSeed[] = [
        {
          key: 'CONTACTS_INTRODUCED',
          kind: 'CONTACTS_INTRODUCED',
          label: 'Introduce the incoming manager to the customer’s contacts.',
          source: this.name,
        },
        {
          key: 'CUSTOMER_NOTIFIED',
          kind: 'CUSTOMER_NOTIFIED',
          label: 'Tell the customer who their manager will be, and by which channel.',
          source: this.name,
        },
      ];
      if (subject.tier === 'A') {
        seeds.push({
          key: 'JOINT_VISIT',
          kind: 'JOINT_VISIT',
          label: 'Visit the customer together (an A account).',
          source: this.name,
        });
      }
      items.set(subject.handoverId, seeds);
    }
    return Promise.resolve(items);
  }
}

export const OPEN_WORK_SOURCE = 'OPEN_WORK';

/** The checklist item of one piece of open work, the same whenever it is drawn up. */
export function openWorkItemSeed(
  row: Pick<OpenWorkRow, 'source' | 'ref' | 'title'>,
): ChecklistItemSeed {
  return {
    key: `${row.source}:${row.ref}`,
    kind: `OPEN_${row.source}`,
    label: `Pass on: ${row.title}`,
    source: OPEN_WORK_SOURCE,
  };
}

/**
 * Work other services report open on the account (coordination requests, proposals), from
 * their events: each is an item the outgoing manager must pass on or see closed. Work opened
 * while a handover is open joins its checklist, and work closed closes its item (see the
 * coordination links).
 */
export class OpenWorkItems implements ChecklistSource {
  readonly name = OPEN_WORK_SOURCE;

  constructor(private readonly openWork = new OpenWorkRepository()) {}

  async itemsFor(
    manager: EntityManager,
    subjects: readonly ChecklistSubject[],
  ): Promise<Map<string, ChecklistItemSeed[]>> {
    const rows = await this.openWork.openOn(
      manager,
      subjects.map((s) => s.accountId),
    );
    const items = new Map<string, ChecklistItemSeed[]>();
    for (const subject of subjects) {
      items.set(
        subject.handoverId,
        rows.filter((row) => row.accountId === subject.accountId).map(openWorkItemSeed),
      );
    }
    return items;
  }
}

/** Where a handover's checklist items come from; a new source is one more entry. */
export const checklistSources = (): ChecklistSource[] => [
  new RelationshipItems(),
  new OpenWorkItems(),
];

/** Draws up the checklists of many handovers from every source. */
@Injectable()
export class HandoverChecklist {
  constructor(@Inject(CHECKLIST_SOURCES) private readonly sources: readonly ChecklistSource[]) {}

  async draw(
    manager: EntityManager,
    subjects: readonly ChecklistSubject[],
  ): Promise<Map<string, ChecklistItemSeed[]>> {
    const all = new Map<string, ChecklistItemSeed[]>(subjects.map((s) => [s.handoverId, []]));
    for (const source of this.sources) {
      const items = await source.itemsFor(manager, subjects);
      for (const [handoverId, seeds] of items) all.get(handoverId)?.push(...seeds);
    }
    return all;
  }
}
