/**
 * PDFs of draft reports, keyed by the report's content (its JSON's SHA-256): the same draft
 * asked for again, or by several people at once, is converted by LibreOffice once. A draft
 * changes, so these stay in memory (the last few); published snapshots are stored in the
 * database (services/annual/workflow.ts versionFile).
 */
import { createHash } from 'node:crypto';
import type { AnnualReport } from '../report/model.ts';
import { renderJson } from '../report/render/index.ts';
import type { ReportRenderer } from '../services/annual/workflow.ts';

const kept = 8;
const cache = new Map<string, Promise<Buffer>>();

export function draftPdf(report: AnnualReport, render: ReportRenderer): Promise<Buffer> {
  const key = createHash('sha256').update(renderJson(report)).digest('hex');
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const pending = render(report, 'pdf');
  cache.set(key, pending);
  pending.catch(() => cache.delete(key));
  while (cache.size > kept) cache.delete(cache.keys().next().value as string);
  return pending;
}
