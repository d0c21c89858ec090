import { normaliseCreditCode } from '../names/credit-code.js';
import type { DuplicatePolicy } from '../policy.js';

/** What a lead is compared with: an account of the book or another open lead. */
export const CANDIDATE_KINDS = ['ACCOUNT', 'LEAD'] as const;
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];

/** The lead as de-duplication sees it (its name already normalised, see company-name.ts). */
export interface LeadIdentity {
  readonly creditCode: string | null;
  readonly normalisedName: string;
  readonly pinyin: string;
}

/** A record found near the lead; `trigram` is PostgreSQL's similarity() of the two names. */
export interface DuplicateCandidate {
  readonly id: string;
  readonly kind: CandidateKind;
  readonly creditCode: string | null;
  readonly normalisedName: string;
  readonly pinyin: string;
  readonly trigram: number;
}

export type DuplicateOutcomeKind = 'NEW' | 'MATCH' | 'POSSIBLE_DUPLICATE';

export type EvidenceCode =
  | 'CREDIT_CODE_EQUAL'
  | 'CREDIT_CODE_DIFFERENT'
  | 'NAME_EQUAL_AFTER_NORMALISATION'
  | 'TRIGRAM'
  | 'PINYIN_EQUAL';

/** One reason behind a score; `value` for the trigram similarity. */
export interface Evidence {
  readonly code: EvidenceCode;
  readonly value?: number;
}

export interface ScoredCandidate {
  readonly candidate: DuplicateCandidate;
  /** From 0 (nothing alike) to 1 (the same company). */
  readonly score: number;
  readonly evidence: readonly Evidence[];
}

export interface DuplicateOutcome {
  readonly kind: DuplicateOutcomeKind;
  /** The best candidate, or null when the lead is new. */
  readonly best: ScoredCandidate | null;
  /** Every candidate at or above the review threshold, best first (for the review queue). */
  readonly ranked: readonly ScoredCandidate[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const unit = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/**
 * How alike a lead and one candidate are, with why. An equal credit code is the same company,
 * whatever the names say. Two different credit codes are two registrants (a branch and its
 * parent, or namesakes in two provinces): however alike the names, a coordinator decides, so
 * the score stays below the match threshold.
 */
export function scoreCandidate(
  lead: LeadIdentity,
  candidate: DuplicateCandidate,
  policy: DuplicatePolicy,
): ScoredCandidate {
  const leadCode = lead.creditCode ? normaliseCreditCode(lead.creditCode) : '';
  const candidateCode = candidate.creditCode ? normaliseCreditCode(candidate.creditCode) : '';
  if (leadCode !== '' && leadCode === candidateCode) {
    return { candidate, score: 1, evidence: [{ code: 'CREDIT_CODE_EQUAL' }] };
  }
  const evidence: Evidence[] = [];
  let score: number;
  if (lead.normalisedName !== '' && lead.normalisedName === candidate.normalisedName) {
    evidence.push({ code: 'NAME_EQUAL_AFTER_NORMALISATION' });
    score = 1;
  } else {
    score = round2(unit(candidate.trigram));
    evidence.push({ code: 'TRIGRAM', value: score });
    if (lead.pinyin !== '' && lead.pinyin === candidate.pinyin) {
      evidence.push({ code: 'PINYIN_EQUAL' });
      score = Math.max(score, policy.pinyinEqualScore);
    }
  }
  if (leadCode !== '' && candidateCode !== '') {
    evidence.push({ code: 'CREDIT_CODE_DIFFERENT' });
    // Just below a match: the highest a different registrant can reach is the review queue.
    score = Math.min(score, Math.max(policy.possibleAt, round2(policy.matchAt - 0.01)));
  }
  return { candidate, score, evidence };
}

function hasCodeEqual(s: ScoredCandidate): boolean {
  return s.evidence.some((e) => e.code === 'CREDIT_CODE_EQUAL');
}

/** Best first: score, then an equal credit code, then an account before a lead, then id. */
function compare(a: ScoredCandidate, b: ScoredCandidate): number {
  if (a.score !== b.score) return b.score - a.score;
  if (hasCodeEqual(a) !== hasCodeEqual(b)) return hasCodeEqual(a) ? -1 : 1;
  if (a.candidate.kind !== b.candidate.kind) return a.candidate.kind === 'ACCOUNT' ? -1 : 1;
  return a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0;
}

/**
 * Whether the lead is a new company, the same as a record of the book or an open lead (MATCH:
 * routed to the account's manager, or a duplicate of the lead), or possibly one (a
 * coordinator's review queue). An equal credit code always wins.
 */
export function assessDuplicates(
  lead: LeadIdentity,
  candidates: readonly DuplicateCandidate[],
  policy: DuplicatePolicy,
): DuplicateOutcome {
  const scored = candidates.map((c) => scoreCandidate(lead, c, policy)).sort(compare);
  const ranked = scored.filter((s) => s.score >= policy.possibleAt || hasCodeEqual(s));
  const best = ranked[0] ?? null;
  if (best === null) return { kind: 'NEW', best: null, ranked: [] };
  const kind = hasCodeEqual(best) || best.score >= policy.matchAt ? 'MATCH' : 'POSSIBLE_DUPLICATE';
  return { kind, best, ranked };
}

/** The evidence as people read it in the review queue: `TRIGRAM 0.82`, `PINYIN_EQUAL`. */
export function describeEvidence(evidence: readonly Evidence[]): string[] {
  return evidence.map((e) => (e.value === undefined ? e.code : `${e.code} ${e.value.toFixed(2)}`));
}
