/**
 * The plain architecture checks of issue 15, as a test anyone can run:
 *   node --experimental-vm-modules node_modules/jest/bin/jest.js --selectProjects tools \
 *     --testPathPatterns architecture
 * Each check lists its offenders as `file:line` so that a failure says where to look.
 * (Import cycles between files are caught by lint, `import-x/no-cycle`; the cycles between
 * feature folders, which no file-level rule sees, are caught here.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const MAX_LINES = 350;

/** Tests and what exists only for them: specs, fixtures, harnesses in `testing/` folders. */
const isTestCode = (file: string) =>
  /\.spec\.ts$|\.fixture\.ts$/.test(file) || file.split('/').includes('testing');

/**
 * Where SQL and the connection may appear besides `*.repository.ts` and migrations. Short on
 * purpose; each entry says why it is not a service in disguise.
 */
const SQL_ALLOWED: readonly { pattern: RegExp; why: string }[] = [
  { pattern: /\.repository\.ts$/, why: 'repositories are the only I/O (STYLE.md)' },
  {
    pattern: /\/migrations\/|\.migrations?\.ts$/,
    why: 'a schema change is SQL by nature',
  },
  {
    pattern: /^libs\/shared\/database\//,
    why: 'the connection factory and the migration runner',
  },
  {
    pattern: /^libs\/shared\/messaging\//,
    why: 'outbox, inbox and event log: written inside the caller’s transaction by design',
  },
  {
    pattern: /^libs\/shared\/portfolio\//,
    why: 'the one visibility projection (PortfolioStore), shared by the services',
  },
  {
    pattern: /^libs\/shared\/observability\/src\/health\.registry\.ts$/,
    why: 'the readiness probe’s `SELECT 1`',
  },
];

/**
 * Composition roots hand the connection to the repositories they build; naming `DataSource`
 * there is wiring, not I/O. Running SQL or opening a transaction there is still an offence.
 */
const isCompositionRoot = (file: string) => /(\.module|\.services|\/main)\.ts$/.test(file);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => posix.normalize(relative(ROOT, join(e.parentPath, e.name)).replace(/\\/g, '/')))
    .filter((file) => !file.includes('node_modules'))
    .sort();
}

const lines = (file: string) => readFileSync(join(ROOT, file), 'utf8').split('\n');
const isComment = (line: string) => /^\s*(\/\/|\/?\*)/.test(line);
const production = ['apps', 'libs'].flatMap(sourceFiles).filter((f) => !isTestCode(f));

function offendingLines(files: readonly string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    lines(file).flatMap((line, i) =>
      !isComment(line) && pattern.test(line) ? [`${file}:${i + 1}  ${line.trim()}`] : [],
    ),
  );
}

/** Relative imports of a file (types included: they tie folders too), with their line. */
function relativeImports(file: string): { target: string; line: number }[] {
  return lines(file).flatMap((text, i) => {
    const spec = /(?:from\s+|import\s*\(\s*|^import\s+)'(\.{1,2}\/[^']+)'/.exec(text)?.[1];
    return spec ? [{ target: posix.join(dirname(file), spec), line: i + 1 }] : [];
  });
}

/** Strongly connected components of a directed graph with more than one node (Tarjan). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('the shape of the code (issue 15)', () => {
  it('touches SQL and the connection only in repositories, migrations and shared infrastructure', () => {
    const candidates = production.filter((f) => !SQL_ALLOWED.some((a) => a.pattern.test(f)));
    const offenders = [
      // A repository's own `transaction(...)` (its unit of work) is the sanctioned way for a
      // service to group writes; opening one on the connection or an entity manager is not.
      ...offendingLines(
        candidates,
        /\.query\(|createQueryRunner\(|\b(dataSource|connection|manager|entityManager)\.transaction\(/i,
      ),
      ...offendingLines(
        candidates.filter((f) => !isCompositionRoot(f)),
        /\bDataSource\b/,
      ),
    ].sort();
    expect(offenders).toEqual([]);
  });

  it(`keeps every non-test source file at most ${MAX_LINES} lines long`, () => {
    const offenders = production
      .map((file) => ({
        file,
        count: lines(file).filter((l, i, all) => l || i < all.length - 1).length,
      }))
      .filter(({ count }) => count > MAX_LINES)
      .map(({ file, count }) => `${file}:${count}`);
    expect(offenders).toEqual([]);
  });

  it('has the tools reach apps and libraries by workspace alias, never by a relative path', () => {
    const offenders = sourceFiles('tools').flatMap((file) =>
      lines(file).flatMap((line, i) =>
        /['"](\.\.\/)+(apps|libs)\//.test(line) ? [`${file}:${i + 1}  ${line.trim()}`] : [],
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('has no import cycle between the feature folders of an app or a library', () => {
    // Feature folder = the first folder under a project's `src/`; files at `src/` itself (the
    // module, main, schema) assemble the features and so stand outside the graph.
    const featureOf = (file: string) => /^((?:apps|libs)\/.+?\/src)\/([^/]+)\//.exec(file);
    const graph = new Map<string, Set<string>>();
    const evidence = new Map<string, string>();
    for (const file of production) {
      const from = featureOf(file);
      if (!from) continue;
      for (const { target, line } of relativeImports(file)) {
        const to = featureOf(target);
        if (!to || to[1] !== from[1] || to[2] === from[2] || to[2] === 'testing') continue;
        const [a, b] = [`${from[1]}/${from[2]}`, `${to[1]}/${to[2]}`];
        graph.set(a, (graph.get(a) ?? new Set()).add(b));
        if (!evidence.has(`${a}>${b}`)) evidence.set(`${a}>${b}`, `${file}:${line}`);
      }
    }
    // One line per import that ties the folders of a cycle: `a -> b  file:line`.
    const offenders = cycles(graph).flatMap((component) =>
      [...evidence]
        .filter(([edge]) => edge.split('>').every((end) => component.includes(end)))
        .map(([edge, at]) => `${edge.replace('>', ' -> ')}  ${at}`),
    );
    expect(offenders).toEqual([]);
  });
});
