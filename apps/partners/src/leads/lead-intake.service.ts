import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Caller } from '@gap/auth';
import { todayInChina } from '@gap/calendar';
import { DomainError, violation, type FieldViolation } from '@gap/errors';
import {
  assessDuplicates,
  creditCodeProblem,
  describeEvidence,
  namePinyin,
  normaliseCompanyName,
  normaliseCreditCode,
  partnerServiceProblem,
  type LeadIdentity,
  type LeadPriority,
} from '@gap/partners/domain';
import { PartnerRepository } from '../organisations/partner.repository.js';
import type { SubmitLeadBody } from './dto/lead.resource.js';
import { LeadsPolicy, partnerOf } from './lead-access.js';
import { LeadCandidatesRepository } from './lead-candidates.repository.js';
import { LeadEffects } from './lead.effects.js';
import { LeadErrors } from './lead.errors.js';
import { domainLead, type LeadKind, type LeadRecord, type LeadSubmission } from './lead.model.js';
import { LeadRepository, type Tx } from './lead.repository.js';
import { LeadRouting } from './lead-routing.service.js';
import { LeadSteps } from './lead-steps.js';

/** How many accounts and how many open leads de-duplication weighs, by each comparison. */
const CANDIDATES_PER_KIND = 10;

/** The submission as stored, or every defect of it, each naming its field. */
function submissionOf(body: SubmitLeadBody): LeadSubmission {
  const problems: FieldViolation[] = [];
  const code = body.creditCode ? normaliseCreditCode(body.creditCode) : null;
  const codeProblem = code === null ? null : creditCodeProblem(code);
  if (codeProblem !== null) {
    problems.push(
      violation('creditCode', codeProblem, {
        'zh-CN': '统一社会信用代码无效（18 位，校验位须正确）。',
        en: 'The Unified Social Credit Code is not valid (18 characters, with its check character).',
      }),
    );
  }
  if (normaliseCompanyName(body.companyName).normalised === '') {
    problems.push(
      violation('companyName', 'COMPANY_NAME_EMPTY', {
        'zh-CN': '企业名称去掉地区和组织形式后为空。',
        en: 'The company name is empty once its region and legal form are taken off.',
      }),
    );
  }
  if (problems.length > 0) throw LeadErrors.invalid(problems);
  return {
    kind: body.kind as LeadKind,
    partnerReference: body.partnerReference ?? null,
    creditCode: code,
    companyName: body.companyName,
    regionCode: body.regionCode,
    industrySection: body.industrySection,
    priority: (body.priority ?? 'P2') as LeadPriority,
    contactName: body.contactName ?? null,
    contactPhone: body.contactPhone ?? null,
    contactEmail: body.contactEmail ?? null,
  };
}

/**
 * A partner's lead or referral: checked against the partner's standing and coverage, compared
 * with the book and the open leads, then qualified, matched, judged for conflict or put in
 * the coordinators' review queue, all in one transaction with its events.
 */
@Injectable()
export class LeadIntakeService {
  constructor(
    private readonly leads: LeadRepository,
    private readonly candidates: LeadCandidatesRepository,
    private readonly partners: PartnerRepository,
    private readonly routing: LeadRouting,
    private readonly effects: LeadEffects,
    private readonly policy: LeadsPolicy,
  ) {}

  /**
   * The lead as received and routed. The partner's open lead for the same company (or with the
   * same reference) is answered again instead of a second one.
   */
  async submit(caller: Caller, body: SubmitLeadBody, now = new Date()): Promise<LeadRecord> {
    const partnerId = partnerOf(caller, 'leads:write');
    const submission = submissionOf(body);
    return this.leads.transaction(async (tx) => {
      const partner = await this.partners.find(partnerId, tx);
      if (partner === null) throw LeadErrors.notAPartner();
      const problem = partnerServiceProblem(
        partner,
        submission.regionCode,
        submission.industrySection,
        todayInChina(now),
      );
      if (problem !== null) throw LeadErrors.cannotServe(problem);
      const earlier = await this.leads.findSubmitted(
        tx,
        partnerId,
        submission.creditCode,
        submission.partnerReference,
      );
      if (earlier !== null) return earlier;
      return this.receive(tx, partnerId, submission, now);
    });
  }

  private async receive(
    tx: Tx,
    partnerId: string,
    submission: LeadSubmission,
    now: Date,
  ): Promise<LeadRecord> {
    const policy = this.policy.current();
    const id = randomUUID();
    const { normalised } = normaliseCompanyName(submission.companyName);
    const identity: LeadIdentity = {
      creditCode: submission.creditCode,
      normalisedName: normalised,
      pinyin: namePinyin(normalised),
    };
    const found = await this.candidates.candidates(
      tx,
      identity,
      id,
      policy.duplicates.possibleAt,
      CANDIDATES_PER_KIND,
    );
    const outcome = assessDuplicates(identity, found, policy.duplicates);
    const ranked = outcome.ranked.map((s) => ({
      kind: s.candidate.kind,
      id: s.candidate.id,
      score: s.score,
      evidence: describeEvidence(s.evidence),
    }));
    const inserted = await this.leads.insert(tx, {
      ...submission,
      id,
      partnerId,
      normalisedName: identity.normalisedName,
      namePinyin: identity.pinyin,
      dedupeOutcome: outcome.kind,
      dedupeScore: outcome.best?.score ?? null,
      candidates: ranked,
      receivedAt: now,
    });
    if (inserted === null) {
      // The same submission committed meanwhile (a concurrent retry): answer with its lead.
      const same = await this.leads.findSubmitted(
        tx,
        partnerId,
        submission.creditCode,
        submission.partnerReference,
      );
      if (same !== null) return same;
      throw DomainError.conflict('LEAD_SUBMITTED_CONCURRENTLY', {
        'zh-CN': '同一线索正在提交，请稍后重试。',
        en: 'The same lead is being submitted; retry shortly.',
      });
    }
    const record = await this.stored(tx, id);
    await this.effects.received(tx, record);
    const run = new LeadSteps(domainLead(record), { id: 'intake', role: 'SYSTEM' }, now);
    if (outcome.kind === 'POSSIBLE_DUPLICATE') {
      await this.effects.commit(tx, record, run, 'intake', { reviewPending: true });
    } else {
      const chosen = outcome.kind === 'MATCH' ? (ranked[0] ?? null) : null;
      const routed = await this.routing.route(tx, record, run, chosen);
      await this.effects.commit(tx, record, run, 'intake', routed);
    }
    return this.stored(tx, id);
  }

  private async stored(tx: Tx, id: string): Promise<LeadRecord> {
    const lead = await this.leads.find(id, tx);
    if (lead === null) throw LeadErrors.notFound(id);
    return lead;
  }
}
