import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  QUALIFICATION_REASONS,
  type BundleTemplate,
  type Qualification,
} from '@gap/bundles/domain';
import { RequestLocale, renderReason, type Locale } from '@gap/i18n';

@ObjectType('BundleReason', { description: 'A coded reason, in the caller’s language.' })
export class ReasonType {
  @Field() code!: string;
  @Field() text!: string;
}

@ObjectType('BundleQualification', {
  description: 'One template for one account: eligible, or every reason why not (TMF679 spirit).',
})
export class QualificationType {
  @Field() templateCode!: string;
  @Field(() => Int) templateVersion!: number;
  @Field() templateNameZh!: string;
  @Field() templateNameEn!: string;
  @Field() kind!: string;
  @Field() eligible!: boolean;
  @Field(() => [ReasonType]) reasons!: ReasonType[];
}

export function toQualificationType(
  template: BundleTemplate,
  qualification: Qualification,
  locale: Locale = RequestLocale.current(),
): QualificationType {
  return {
    templateCode: template.code,
    templateVersion: template.version,
    templateNameZh: template.nameZh,
    templateNameEn: template.nameEn,
    kind: template.kind,
    eligible: qualification.eligible,
    reasons: qualification.reasons.map((r) => ({
      code: r.code,
      text: renderReason(QUALIFICATION_REASONS, r, locale),
    })),
  };
}

@ObjectType('BundleTierCount')
export class TierCountType {
  @Field() tier!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('BundleRegionCount')
export class RegionCountType {
  @Field({ description: 'The city: the first four digits of the GB/T 2260 code.' })
  regionCode!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('TemplateQualification', {
  description: 'Every eligible account of the book for one template, counted for a campaign.',
})
export class TemplateQualificationType {
  @Field() templateCode!: string;
  @Field(() => Int) templateVersion!: number;
  @Field(() => Int) eligibleAccounts!: number;
  @Field(() => [TierCountType]) byTier!: TierCountType[];
  @Field(() => [RegionCountType]) byRegion!: RegionCountType[];
  @Field(() => [ID], { description: 'The first eligible accounts by id (as many as asked).' })
  accountIds!: string[];
}
