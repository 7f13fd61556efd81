/** Every rule that runs on one report, by id. R8/R9 and section5 use the previous year's report; R16 is in rollup.ts. */
import type { Finding } from '../finding.ts';
import type { AnnualReport } from '../model.ts';
import { r1, r2, r3, r4 } from './arithmetic.ts';
import { r8, r9 } from './crossYear.ts';
import { feeUnit, r5, r6, r7 } from './domain.ts';
import { artifact, brackets, listsAndRepeats, narrativeSum } from './hygiene.ts';
import { r11, r12, r13 } from './narrative.ts';
import { section5 } from './section5.ts';
import { headingNumbers, r14, r15 } from './structure.ts';
import { yearInText } from './year.ts';

export type Rule = (report: AnnualReport, previous?: AnnualReport) => Finding[];

export const rules: Record<string, Rule> = {
  R1: r1,
  R2: r2,
  R3: r3,
  R4: r4,
  R5: r5,
  R6: r6,
  R7: r7,
  R8: r8,
  R9: r9,
  R11: r11,
  R12: r12,
  R13: r13,
  R14: r14,
  R15: r15,
  'heading-number': headingNumbers,
  'fee-unit': feeUnit,
  artifact,
  year: yearInText,
  brackets,
  'narrative-sum': narrativeSum,
  enumeration: listsAndRepeats,
  section5,
};

export { r16 } from './rollup.ts';
