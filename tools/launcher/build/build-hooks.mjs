// Module resolution hooks for the compiled platform: a workspace alias resolves to its
// compiled index; everything else as Node resolves it.
let aliases = {};

export function initialize(data) {
  aliases = data.aliases;
}

export function resolve(specifier, context, nextResolve) {
  const url = aliases[specifier];
  return url ? { url, shortCircuit: true, format: 'module' } : nextResolve(specifier, context);
}
