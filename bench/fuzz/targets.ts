/**
 * Fuzz targets, taken from the `parsers` dispatch table of `src/report/parse/index.ts`: every
 * distinct parser function is one target, with the extensions it is registered under. A parser
 * added to the table is fuzzed without touching this harness.
 */
import { parsers } from '../../src/report/parse/index.ts';
import type { InputKind } from './mutators.ts';

export interface Target {
  /** The first extension the parser is registered under, without the dot (`txt`, `docx`). */
  name: string;
  extensions: string[];
  /** Which seeds and container mutations fit its input. */
  kind: InputKind;
}

const kindByExtension: Record<string, InputKind> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
  '.xlsx': 'xlsx',
  '.pdf': 'pdf',
  '.json': 'json',
};

export function fuzzTargets(): Target[] {
  const byParser = new Map<unknown, string[]>();
  for (const [ext, parser] of Object.entries(parsers)) {
    const exts = byParser.get(parser) ?? [];
    exts.push(ext);
    byParser.set(parser, exts);
  }
  return [...byParser.values()].map((extensions) => ({
    name: extensions[0].slice(1),
    extensions,
    kind: kindByExtension[extensions[0]] ?? 'text',
  }));
}
