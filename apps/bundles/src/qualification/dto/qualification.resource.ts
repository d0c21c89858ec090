import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { UuidRule } from '@gap/graphql';

export class AccountQuery {
  @ApiProperty({ format: 'uuid', description: 'The group account.' })
  @UuidRule()
  accountId!: string;
}

@ApiSchema({ name: 'BundleReason' })
export class ReasonResource {
  @ApiProperty() code!: string;
  @ApiProperty() text!: string;
}

@ApiSchema({ name: 'BundleQualification' })
export class QualificationResource {
  @ApiProperty() templateCode!: string;
  @ApiProperty({ type: 'integer' }) templateVersion!: number;
  @ApiProperty() templateNameZh!: string;
  @ApiProperty() templateNameEn!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() eligible!: boolean;
  @ApiProperty({ type: [ReasonResource] }) reasons!: ReasonResource[];
}

@ApiSchema({
  name: 'BundleAccountQualification',
  description: 'Every bundle on sale for one account (in the spirit of TMF679).',
})
export class AccountQualificationResource {
  @ApiProperty({ format: 'uuid' }) groupAccountId!: string;
  @ApiProperty({ type: [QualificationResource] }) bundles!: QualificationResource[];
}
