import type { ReportContext } from './build.ts';

/** The agency ids of all the contexts, each once: what a batched provider queries. */
export const allAgencyIds = (contexts: readonly ReportContext[]) => [
  ...new Set(contexts.flatMap((c) => c.agencyIds)),
];
