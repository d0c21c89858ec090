import { Injectable } from '@nestjs/common';
import { INDUSTRIES } from '@gap/accounts/domain';
import type { Caller } from '@gap/auth';
import { accessFor } from '../visibility/visibility.js';

export interface IndustryLabel {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

/** The industry code list (GB/T 4754 sections) with their Chinese and English labels. */
@Injectable()
export class IndustriesService {
  list(caller: Caller): IndustryLabel[] {
    accessFor('industries', caller);
    return Object.entries(INDUSTRIES).map(([code, label]) => ({
      code,
      nameZh: label.zh,
      nameEn: label.en,
    }));
  }
}
