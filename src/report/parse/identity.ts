/** Agency, year and title from a report's opening text. */

export interface Identity {
  title?: string;
  agency: string;
  year: number | null;
}

const afterYear = /((?:19|20)\d{2})\s*年度?\s*(.+?)政府信息公开工作\s*年度报告/;
const beforeYear =
  /^(.*?)((?:19|20)\d{2})\s*年度?\s*(?:政府信息公开|政务公开)(?:工作)?\s*(?:年度)?报告/;

function clean(text: string): string {
  return text
    .replace(/^[#\s]*/, '')
    .replace(/^(标题|正文)[:：]?\s*/, '')
    .replace(/\s+/g, '')
    .trim();
}

/** Identity from the 标题 metadata line or the text before the first section heading. */
export function detectIdentity(text: string, firstHeadingAt: number): Identity {
  const meta = /^标题[:：]\s*(.+)$/m.exec(text.slice(0, 2000));
  const head = meta
    ? meta[1]
    : text.slice(0, Math.min(firstHeadingAt > 0 ? firstHeadingAt : 600, 600));
  const compact = clean(
    head
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(0, 4)
      .join(''),
  );
  const b = beforeYear.exec(compact);
  if (b && b[1].length >= 2) {
    // A text without a title line opens “根据《条例》……发布《X2025年度政府信息公开工作年度报告》”:
    // the title is the last quoted one, not the sentence before it.
    const quoted = b[1].lastIndexOf('《') + 1;
    const agency = b[1].slice(quoted).replace(/[（(].*$/, '');
    return { title: compact.slice(quoted, b.index + b[0].length), agency, year: Number(b[2]) };
  }
  const a = afterYear.exec(compact);
  if (a) return { title: a[0], agency: a[2], year: Number(a[1]) };
  const period = /统计期限(?:为|自|是)?\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/.exec(text);
  return { agency: '', year: period ? Number(period[1]) : null };
}
