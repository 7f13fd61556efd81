/**
 * The layers as DESIGN.md draws them: a module imports only from the layers before its own in
 * `layers` (type imports included), the pure folders use no database or web package, and routes
 * and commands never touch tables (they call a repository or a service).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** In order: each layer may import from the layers before it, never after. */
export const layers = [
  'errors', // src/errors.ts, src/errors/, src/limiter.ts: used by every layer
  'law',
  'report',
  'cases',
  'catalog',
  'petitions',
  'annual', // the pure half: facts, templates, amendments, deadlines
  'db',
  'services', // workflows over repositories: the annual report's
  'jobs',
  'demo',
  'web',
  'cli',
] as const;
type Layer = (typeof layers)[number];

const pure: readonly Layer[] = ['law', 'report', 'cases', 'catalog', 'petitions', 'annual'];
const databasePackages = /^(drizzle-orm|drizzle-kit|pg|@electric-sql\/pglite|hono|@hono\/)/;
const foundation: Record<string, Layer> = { 'errors.ts': 'errors', 'limiter.ts': 'errors' };

export function layerOf(file: string): Layer {
  const [head] = relative(src, file).split(/[\\/]/);
  const layer = foundation[head] ?? head;
  if (!(layers as readonly string[]).includes(layer)) throw new Error(`${file}: no layer`);
  return layer as Layer;
}

/** Every specifier a module names: static and type imports, re-exports and dynamic imports. */
export function specifiers(code: string): string[] {
  const found = code.matchAll(
    /(?:^|[\s;])(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(?\s*['"]([^'"]+)['"]/gm,
  );
  return [...found].map((m) => m[1] ?? m[2]);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|mjs)$/.test(e.name) ? [path] : [];
  });
}

interface Import {
  from: string;
  specifier: string;
  target?: string;
}

const imports: Import[] = sourceFiles(src).flatMap((file) =>
  specifiers(readFileSync(file, 'utf8')).map((specifier) => ({
    from: file,
    specifier,
    target: specifier.startsWith('.') ? resolve(dirname(file), specifier) : undefined,
  })),
);
const show = (i: Import) => `${relative(src, i.from)} → ${i.specifier}`;

test('the scan sees every kind of import (a broken scan would pass everything)', () => {
  assert.deepEqual(
    specifiers(
      [
        "import type { Role } from '../law/roles.ts';",
        "import {\n  a,\n  type B,\n} from './x.ts';",
        "export * from './y.ts';",
        "export { c } from './z.ts';",
        "import 'side-effect';",
        "const m = await import('../db/lazy.ts');",
      ].join('\n'),
    ),
    ['../law/roles.ts', './x.ts', './y.ts', './z.ts', 'side-effect', '../db/lazy.ts'],
  );
  assert.ok(imports.length > 1000, `only ${imports.length} imports found`);
  assert.equal(layerOf(join(src, 'catalog/attachments/scan.ts')), 'catalog');
  assert.equal(layerOf(join(src, 'limiter.ts')), 'errors');
});

test('no upward import: each layer imports only from the layers before it', () => {
  const upward = imports.filter((i) => {
    if (!i.target) return false;
    return layers.indexOf(layerOf(i.target)) > layers.indexOf(layerOf(i.from));
  });
  assert.deepEqual(upward.map(show), []);
});

test('the pure folders use no database, web or job package', () => {
  const impure = imports.filter(
    (i) => pure.includes(layerOf(i.from)) && databasePackages.test(i.specifier),
  );
  assert.deepEqual(impure.map(show), []);
});

test('the law core imports only errors, the report model only the law’s keys', () => {
  const rel = (i: Import) => (i.target ? relative(src, i.target) : '');
  const law = imports.filter((i) => layerOf(i.from) === 'law' && i.target);
  assert.deepEqual(
    law.filter((i) => !['law', 'errors'].includes(layerOf(i.target as string))).map(show),
    [],
  );
  const report = imports.filter((i) => layerOf(i.from) === 'report' && i.target);
  assert.deepEqual(
    report
      .filter((i) => layerOf(i.target as string) === 'law' && rel(i) !== 'law/keys.ts')
      .map(show),
    [],
  );
});

test('routes and commands never query tables: no schema, no SQL builder in web/ or cli/', () => {
  const querying = imports.filter((i) => {
    if (!['web', 'cli'].includes(layerOf(i.from))) return false;
    const schema = i.target && /^db[\\/]schema(\.ts|[\\/])/.test(relative(src, i.target));
    return schema || i.specifier === 'drizzle-orm';
  });
  assert.deepEqual(querying.map(show), []);
});
