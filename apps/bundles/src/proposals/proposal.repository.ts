import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  Approval,
  ApproverLevel,
  AttributeValues,
  ManualDiscount,
  PriceBreakdown,
  ProposalState,
  Tier,
} from '@gap/bundles/domain';

export type Tx = EntityManager;

/** A line as stored: the product version it was configured with is kept. */
export interface StoredLine {
  readonly productCode: string;
  readonly productVersion: number;
  readonly quantity: number;
  readonly attributes: AttributeValues;
}

export interface StoredProposal {
  readonly id: string;
  readonly reference: string;
  readonly accountId: string;
  readonly templateCode: string;
  readonly templateVersion: number;
  readonly state: ProposalState;
  readonly revision: number;
  readonly authorId: string;
  readonly lines: readonly StoredLine[];
  readonly manualDiscount: ManualDiscount | null;
  readonly chain: readonly ApproverLevel[];
  readonly approvals: readonly Approval[];
  readonly price: PriceBreakdown;
  readonly tier: Tier;
  readonly validUntil: Date | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What a change writes back: the proposal's facts after it. */
export type ProposalChange = Pick<
  StoredProposal,
  | 'state'
  | 'revision'
  | 'lines'
  | 'manualDiscount'
  | 'chain'
  | 'approvals'
  | 'price'
  | 'tier'
  | 'validUntil'
>;

export interface HistoryRow {
  readonly revision: number;
  readonly action: string;
  readonly actor: string;
  readonly fromState: string | null;
  readonly toState: string;
  readonly comment: string | null;
  readonly at: Date;
}

const COLUMNS = `p.id, p.reference, p.group_account_id AS "accountId", p.template_code AS "templateCode",
  p.template_version AS "templateVersion", p.state, p.revision, p.author_id AS "authorId",
  p.configuration AS lines, p.manual_discount AS "manualDiscount", p.chain, p.approvals, p.price,
  p.tier, p.valid_until AS "validUntil", p.version, p.created_at AS "createdAt",
  p.updated_at AS "updatedAt"`;

type Row = Omit<StoredProposal, 'approvals'> & {
  approvals: { level: ApproverLevel; approverId: string; at: string }[];
};

function storedOf(row: Row): StoredProposal {
  return { ...row, approvals: row.approvals.map((a) => ({ ...a, at: new Date(a.at) })) };
}

/** Proposals, their history and the subscriptions they create: one proposal at a time, locked. */
@Injectable()
export class ProposalRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(
    tx: Tx,
    id: string,
    accountId: string,
    head: Pick<StoredProposal, 'templateCode' | 'templateVersion' | 'authorId'>,
    proposal: ProposalChange,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO bundles.proposal (id, reference, group_account_id, template_code, template_version,
         author_id, state, revision, configuration, manual_discount, chain, approvals, price, tier,
         discount_depth_bp, monthly_net_fen, one_time_net_fen, valid_until)
       VALUES ($1, 'BP-' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' ||
               lpad(nextval('bundles.proposal_number_seq')::text, 6, '0'),
               $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        id,
        accountId,
        head.templateCode,
        head.templateVersion,
        head.authorId,
        ...changeValues(proposal),
      ],
    );
  }

  /** The proposal, locked for a change; null when there is none. */
  async lock(tx: Tx, id: string): Promise<StoredProposal | null> {
    const [row] = await tx.query<Row[]>(
      `SELECT ${COLUMNS} FROM bundles.proposal p WHERE p.id = $1 FOR UPDATE`,
      [id],
    );
    return row ? storedOf(row) : null;
  }

  async save(tx: Tx, id: string, change: ProposalChange): Promise<void> {
    await tx.query(
      `UPDATE bundles.proposal SET state = $2, revision = $3, configuration = $4,
         manual_discount = $5, chain = $6, approvals = $7, price = $8, tier = $9,
         discount_depth_bp = $10, monthly_net_fen = $11, one_time_net_fen = $12, valid_until = $13,
         version = version + 1, updated_at = now()
       WHERE id = $1`,
      [id, ...changeValues(change)],
    );
  }

  async history(
    tx: Tx,
    proposalId: string,
    entry: Omit<HistoryRow, 'at'>,
    snapshot: ProposalChange,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO bundles.proposal_history
         (proposal_id, revision, action, actor, from_state, to_state, comment, snapshot)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        proposalId,
        entry.revision,
        entry.action,
        entry.actor,
        entry.fromState,
        entry.toState,
        entry.comment,
        JSON.stringify(snapshot),
      ],
    );
  }

  async byId(id: string): Promise<StoredProposal | null> {
    const [row] = await this.dataSource.query<Row[]>(
      `SELECT ${COLUMNS} FROM bundles.proposal p WHERE p.id = $1`,
      [id],
    );
    return row ? storedOf(row) : null;
  }

  /** The account's proposals, newest first; only the open ones when asked. */
  async ofAccount(accountId: string, openOnly: boolean, limit: number): Promise<StoredProposal[]> {
    const rows = await this.dataSource.query<Row[]>(
      `SELECT ${COLUMNS} FROM bundles.proposal p
        WHERE p.group_account_id = $1
          AND (NOT $2 OR p.state IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'SENT'))
        ORDER BY p.created_at DESC, p.id LIMIT $3`,
      [accountId, openOnly, limit],
    );
    return rows.map(storedOf);
  }

  historyOf(proposalId: string): Promise<HistoryRow[]> {
    return this.dataSource.query<HistoryRow[]>(
      `SELECT revision, action, actor, from_state AS "fromState", to_state AS "toState", comment, at
         FROM bundles.proposal_history WHERE proposal_id = $1 ORDER BY id`,
      [proposalId],
    );
  }

  /** Sent proposals past their validity, locked, skipping those another instance holds. */
  async lockExpired(tx: Tx, now: Date, limit: number): Promise<StoredProposal[]> {
    const rows = await tx.query<Row[]>(
      `SELECT ${COLUMNS} FROM bundles.proposal p
        WHERE p.state = 'SENT' AND p.valid_until <= $1
        ORDER BY p.valid_until LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map(storedOf);
  }
}

function changeValues(change: ProposalChange): unknown[] {
  return [
    change.state,
    change.revision,
    JSON.stringify(change.lines),
    change.manualDiscount === null ? null : JSON.stringify(change.manualDiscount),
    JSON.stringify(change.chain),
    JSON.stringify(change.approvals),
    JSON.stringify(change.price),
    change.tier,
    change.price.discountDepthBp,
    change.price.monthly.netFen,
    change.price.oneTime.netFen,
    change.validUntil,
  ];
}
