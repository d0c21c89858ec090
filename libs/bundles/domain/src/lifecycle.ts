import type { ProductLifecycle } from './catalogue.js';

/**
 * The moves of a catalogue entry (a product or a template version): a draft goes on sale, what
 * is on sale is retired. Nothing comes back: a retired offer is revived as a new version.
 */
const NEXT: Readonly<Record<ProductLifecycle, readonly ProductLifecycle[]>> = {
  DRAFT: ['ACTIVE'],
  ACTIVE: ['RETIRED'],
  RETIRED: [],
};

export function canMoveLifecycle(from: ProductLifecycle, to: ProductLifecycle): boolean {
  return NEXT[from].includes(to);
}
