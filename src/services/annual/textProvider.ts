/**
 * Sections 一 to 六: the saved (or default) templates of S1, S5 and S6 filled with the record
 * facts; S2–S4 carry only their headings (their tables are the cells). Runs after the table
 * providers, because the 依申请公开 sentence quotes T3 and T4.
 */

import { factFields, type ReportFacts, selfReference } from '../../annual/facts.ts';
import { defaultTexts } from '../../annual/templates.ts';
import { findAnnualReportRow, listAnnualReportRows } from '../../db/annual.ts';
import {
  feeEvents,
  feeFacts,
  feeFactsOf,
  petitionSentences,
  petitionSentencesOf,
  petitionStatisticsOf,
  publicationCounts,
  publicationCountsByAgency,
} from '../../db/annualFacts.ts';
import { formatOf } from '../../report/formats/index.ts';
import type { AnnualReport } from '../../report/model.ts';
import { allAgencyIds } from './agencyIds.ts';
import type { ReportContext, ReportProvider } from './build.ts';

export async function reportFacts(ctx: ReportContext): Promise<ReportFacts> {
  return {
    year: ctx.year,
    self: selfReference(ctx.agency.name),
    publications: await publicationCounts(ctx.db, ctx.agencyIds, ctx.year),
    fees: await feeFacts(ctx.db, ctx.agencyIds, ctx.year),
    petitionText: await petitionSentences(ctx.db, ctx.agencyIds, ctx.year),
  };
}

/** The templates in force: the saved ones, else the defaults for the agency's kind. */
export async function reportTemplates(ctx: ReportContext) {
  const row = await findAnnualReportRow(ctx.db, ctx.agency.id, ctx.year);
  const defaults = defaultTexts(ctx.agency.kind);
  return {
    S1: row?.texts.S1 ?? defaults.S1,
    S5: row?.texts.S5 ?? defaults.S5,
    S6: row?.texts.S6 ?? defaults.S6,
  };
}

export function fillSections(
  report: AnnualReport,
  templates: { S1: string; S5: string; S6: string },
  fields: Record<string, string>,
): void {
  const fill = (t: string) =>
    t
      .replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (whole, name: string) => fields[name] ?? whole)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .join('\n');
  for (const spec of formatOf(report.formatVersion).sections) {
    const heading = `${spec.numeral}、${spec.heading.text}`;
    const key = spec.key;
    const text = key === 'S1' || key === 'S5' || key === 'S6' ? fill(templates[key]) : '';
    report.sections[key] = { heading, text };
  }
}

/**
 * `reportFacts` of many contexts of one year with one query per kind of fact for all their
 * agencies. A roll-up's publication counts come from their own query (categories are merged by
 * name there); fees and petitions are per application and per agency, so they are selected.
 */
export async function reportFactsMany(contexts: readonly ReportContext[]): Promise<ReportFacts[]> {
  const { db, year } = contexts[0];
  const ids = allAgencyIds(contexts);
  const publications = await publicationCountsByAgency(db, ids, year);
  const fees = await feeEvents(db, ids, year);
  const petitions = await petitionStatisticsOf(db, ids, year);
  const out: ReportFacts[] = [];
  for (const ctx of contexts) {
    const own = new Set(ctx.agencyIds);
    out.push({
      year,
      self: selfReference(ctx.agency.name),
      publications:
        ctx.agencyIds.length === 1
          ? publications.get(ctx.agencyIds[0])!
          : await publicationCounts(db, ctx.agencyIds, year),
      fees: feeFactsOf(
        fees.filter((f) => own.has(f.agencyId)),
        year,
      ),
      petitionText: petitionSentencesOf(petitions, ctx.agencyIds, year),
    });
  }
  return out;
}

/** `reportTemplates` of many contexts of one year, in one query. */
export async function reportTemplatesMany(contexts: readonly ReportContext[]) {
  const { db, year } = contexts[0];
  const rows = await listAnnualReportRows(
    db,
    contexts.map((c) => c.agency.id),
    year,
  );
  return contexts.map((ctx) => {
    const row = rows.find((r) => r.agencyId === ctx.agency.id);
    const defaults = defaultTexts(ctx.agency.kind);
    return {
      S1: row?.texts.S1 ?? defaults.S1,
      S5: row?.texts.S5 ?? defaults.S5,
      S6: row?.texts.S6 ?? defaults.S6,
    };
  });
}

export const textProvider: ReportProvider = {
  name: 'text',
  async provide(ctx, report) {
    const facts = await reportFacts(ctx);
    fillSections(report, await reportTemplates(ctx), factFields(facts, report.cells));
  },
  async provideMany(contexts, reports) {
    const facts = await reportFactsMany(contexts);
    const templates = await reportTemplatesMany(contexts);
    for (const [i, report] of reports.entries())
      fillSections(report, templates[i], factFields(facts[i], report.cells));
  },
};
