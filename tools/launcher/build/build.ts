import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transform, type Options } from '@swc/core';

/**
 * The platform's TypeScript compiled once to JavaScript, so the services start on plain Node:
 * no transpiler loaded in every process (about 125 MB of resident memory each with
 * @swc-node/register) and no compiling at start-up. The output mirrors the source tree under
 * `outDir`, which must lie inside the workspace so that packages resolve from its
 * node_modules; workspace aliases (`@gap/…`) are mapped by build-hooks.mjs. Only files newer
 * than their output are compiled again.
 */
const SOURCES = ['apps', 'libs'];
const SKIPPED = /(\.spec\.ts|\.d\.ts)$|^apps\/e2e\//;

/** The same transform @swc-node/register applies from tsconfig.base.json. */
const SWC: Options = {
  swcrc: false,
  configFile: false,
  sourceMaps: false,
  module: { type: 'es6' },
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
    keepClassNames: true,
  },
};

export interface BuildReport {
  readonly compiled: number;
  readonly upToDate: number;
}

function sourcesUnder(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourcesUnder(root, path);
    return path.endsWith('.ts') && !SKIPPED.test(path) ? [path] : [];
  });
}

const newer = (source: string, output: string) => {
  try {
    return statSync(source).mtimeMs > statSync(output).mtimeMs;
  } catch {
    return true;
  }
};

export async function buildPlatform(outDir: string, root = process.cwd()): Promise<BuildReport> {
  const files = SOURCES.flatMap((dir) => sourcesUnder(root, dir));
  const stale = files.filter((file) => newer(join(root, file), join(outDir, jsPath(file))));
  for (let i = 0; i < stale.length; i += 32) {
    await Promise.all(
      stale.slice(i, i + 32).map(async (file) => {
        const source = await readFile(join(root, file), 'utf8');
        const { code } = await transform(source, { ...SWC, filename: file });
        const output = join(outDir, jsPath(file));
        mkdirSync(dirname(output), { recursive: true });
        writeFileSync(output, code);
      }),
    );
  }
  writeFileSync(join(outDir, 'aliases.json'), JSON.stringify(aliases(outDir, root), null, 2));
  return { compiled: stale.length, upToDate: files.length - stale.length };
}

const jsPath = (file: string) => file.replace(/\.ts$/, '.js');

/** `@gap/…` → the compiled index it names in tsconfig.base.json. */
function aliases(outDir: string, root: string): Record<string, string> {
  const { compilerOptions } = JSON.parse(
    readFileSync(join(root, 'tsconfig.base.json'), 'utf8'),
  ) as { compilerOptions: { paths: Record<string, string[]> } };
  return Object.fromEntries(
    Object.entries(compilerOptions.paths).flatMap(([alias, [target]]) =>
      target ? [[alias, pathToFileURL(resolve(outDir, jsPath(target))).href]] : [],
    ),
  );
}

/** The arguments that run a compiled entry point (`apps/x/src/main.ts`) on plain Node. */
export function compiledEntry(outDir: string, entry: string): string[] {
  return [
    '--import',
    pathToFileURL(resolve('tools/launcher/build/build-register.mjs')).href,
    join(outDir, jsPath(relative(process.cwd(), resolve(entry)))),
  ];
}
