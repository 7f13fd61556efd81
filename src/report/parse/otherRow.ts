/**
 * A 2021 table printing （六）其他处理 as one row, the way the 2019 format did (PDF grids and
 * crawled text alike): its three rows are 0 where the printed row is 0, else undetermined, each
 * between 0 and the printed sum.
 */
import { applicantKeys, type CellKey, t3Key } from '../keys.ts';
import { type Cells, type CellValue, isUncertain } from '../model.ts';

/** Why R15 warns (the report's `formatMixing`). */
export const otherAsOneRowMixing =
  '表格把（六）其他处理印成一行（2019年试行格式的写法），未分列其下三项';

/** The parser's warning. */
export const otherAsOneRowWarning =
  '表格把（六）其他处理印成一行（2019年试行格式的写法）：该行为0的列，其下三项均为0；其余列的三项未能确定';

const leaves = ['o1', 'o2', 'o3'] as const;

/** Replaces the `o` row read from the table by o1…o3; returns the `o` keys with the o1…o3 keys each became. */
export function splitOtherRow(cells: Cells): Map<CellKey, CellKey[]> {
  const renamed = new Map<CellKey, CellKey[]>();
  for (const a of applicantKeys) {
    const key = t3Key('o', a);
    const sum = cells[key];
    delete cells[key];
    for (const leaf of leaves)
      cells[t3Key(leaf, a)] =
        sum === 0 || sum === 'blank' || sum === 'slash' ? sum : undeterminedPart(sum);
    renamed.set(
      key,
      leaves.map((leaf) => t3Key(leaf, a)),
    );
  }
  return renamed;
}

/** Largest sum whose parts are listed as candidates (a larger one lists none). */
const maxListedSum = 50;

function undeterminedPart(sum: CellValue | undefined): CellValue {
  if (typeof sum === 'number')
    return {
      uncertain: true,
      candidates: upTo(Number.isInteger(sum) && sum <= maxListedSum ? sum : -1),
      reason: `表格只印了（六）其他处理一行（本列合计 ${sum}），分不出其下三项`,
    };
  const known = sum !== undefined && isUncertain(sum) ? Math.max(...sum.candidates) : -1;
  return {
    uncertain: true,
    candidates: upTo(Number.isInteger(known) && known <= maxListedSum ? known : -1),
    reason: '表格只印了（六）其他处理一行，且该行本列无法确定，分不出其下三项',
  };
}

function upTo(n: number): number[] {
  return Array.from({ length: n + 1 }, (_, i) => i);
}
