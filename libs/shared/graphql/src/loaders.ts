import DataLoader from 'dataloader';

export interface LoaderContext {
  loaders?: Map<string, DataLoader<string, unknown>>;
}

/**
 * A DataLoader that lives as long as one GraphQL request: entity references and fields that
 * the gateway asks for item by item are fetched in one query per batch.
 */
export function requestLoader<V>(
  context: LoaderContext,
  name: string,
  batch: (keys: readonly string[]) => Promise<ReadonlyMap<string, V>>,
): DataLoader<string, V | null> {
  context.loaders ??= new Map();
  let loader = context.loaders.get(name) as DataLoader<string, V | null> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V | null>(async (keys) => {
      const found = await batch(keys);
      return keys.map((key) => found.get(key) ?? null);
    });
    context.loaders.set(name, loader);
  }
  return loader;
}
