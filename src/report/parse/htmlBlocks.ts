/**
 * A tolerant HTML reader (no DOM): the text of block elements as lines, and every `<table>` as
 * rows of cells with rowspan/colspan. Enough for report pages, Word's HTML and mammoth's output;
 * scripts, styles and the head are skipped, nested tables become tables of their own.
 */
import { GongkaiError } from '../../errors.ts';
import { type DocBlock, gridLimits, placeTable, type SourceCell } from './grid.ts';

const named: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  times: '×',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? Number.parseInt(name.slice(2), 16)
          : Number(name.slice(1));
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    }
    return named[name.toLowerCase()] ?? whole;
  });
}

const blockTags = new Set(
  'p div br h1 h2 h3 h4 h5 h6 li ul ol section article header footer blockquote pre hr dt dd'.split(
    ' ',
  ),
);
const skipTags = new Set(['script', 'style', 'title', 'noscript', 'template', 'svg', 'textarea']);

interface TableBuild {
  rows: SourceCell[][];
  cell: SourceCell | null;
  cellText: string[];
}

const spanPattern = {
  rowspan: /rowspan\s*=\s*["']?\s*(\d+)/i,
  colspan: /colspan\s*=\s*["']?\s*(\d+)/i,
};

function spanOf(attrs: string, name: 'rowspan' | 'colspan'): number {
  const m = spanPattern[name].exec(attrs);
  return m ? Math.max(1, Math.min(Number(m[1]), 10_000)) : 1;
}

function clean(text: string): string {
  return text.replace(/[ \t\r\f\v\u00a0\u3000]+/g, ' ').trim();
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** `[\w:-]`: letters, digits, `_`, `:` and `-`. */
const isNameChar = (c: number) => isLetter(c) || (c >= 48 && c <= 58) || c === 95 || c === 45;

/**
 * The tokens of `/<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)([^>]*)>|<[^>]*>|[^<]+|</g`, read
 * by hand (the regex's match arrays were a tenth of the HTML parse): a comment, a tag (with
 * `close`, `name` and `attrs`), another `<…>`, a text run, or a lone `<`.
 */
export class Tokens {
  /** `/` for a closing tag, else empty. */
  close = '';
  /** The tag name as written; undefined for anything but a tag. */
  name: string | undefined;
  private at = 0;
  private start = 0;
  private attrsFrom = 0;
  private attrsTo = 0;
  private readonly html: string;

  constructor(html: string) {
    this.html = html;
  }

  /** The token's text (sliced on demand: a tag's is seldom needed). */
  get token(): string {
    return this.html.slice(this.start, this.at);
  }

  get attrs(): string {
    return this.html.slice(this.attrsFrom, this.attrsTo);
  }

  /** True for a comment or another `<…>` that is not a tag (a lone `<` is text). */
  get isOtherMarkup(): boolean {
    return this.html.charCodeAt(this.start) === 60 && this.at - this.start > 1;
  }

  /** True for a tag written `<…/>`. */
  get selfClosing(): boolean {
    return this.html.charCodeAt(this.at - 2) === 47;
  }

  next(): boolean {
    const { html, at } = this;
    if (at >= html.length) return false;
    this.name = undefined;
    this.start = at;
    if (html.charCodeAt(at) !== 60) {
      const end = html.indexOf('<', at);
      return this.take(end < 0 ? html.length : end);
    }
    if (html.startsWith('!--', at + 1)) {
      const end = html.indexOf('-->', at + 4);
      if (end >= 0) return this.take(end + 3);
    }
    const slash = html.charCodeAt(at + 1) === 47;
    const from = slash ? at + 2 : at + 1;
    if (isLetter(html.charCodeAt(from))) {
      let to = from + 1;
      while (to < html.length && isNameChar(html.charCodeAt(to))) to++;
      const gt = html.indexOf('>', to);
      if (gt >= 0) {
        this.close = slash ? '/' : '';
        this.name = html.slice(from, to);
        this.attrsFrom = to;
        this.attrsTo = gt;
        return this.take(gt + 1);
      }
    }
    const gt = html.indexOf('>', at + 1);
    return this.take(gt < 0 ? at + 1 : gt + 1);
  }

  private take(end: number): boolean {
    this.at = end;
    return true;
  }
}

/** `toLowerCase`, without a new string for the usual name that is lower case already. */
function lowerCase(name: string): string {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 65 && c <= 90) return name.toLowerCase();
  }
  return name;
}

export function htmlBlocks(html: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  const tables: TableBuild[] = [];
  let line: string[] = [];
  let skip: string | null = null;
  let cells = 0;
  const flushLine = () => {
    const text = clean(line.join(''));
    if (text) blocks.push({ kind: 'text', text });
    line = [];
  };
  const closeCell = (t: TableBuild) => {
    if (!t.cell) return;
    t.cell.text = clean(t.cellText.join(''));
    t.cell = null;
    t.cellText = [];
  };
  const tokens = new Tokens(html);
  while (tokens.next()) {
    const rawName = tokens.name;
    if (rawName === undefined) {
      if (skip || tokens.isOtherMarkup) continue;
      const tok = tokens.token;
      const decoded = tok.includes('&') ? decodeEntities(tok) : tok;
      // Only whitespace runs with a line break change (to one space); most such tokens are
      // nothing but the indentation between two tags.
      const text = !decoded.includes('\n')
        ? decoded
        : decoded.trim() === ''
          ? ' '
          : decoded.replace(/\s+/g, (s) => (s.includes('\n') ? ' ' : s));
      const t = tables[tables.length - 1];
      if (t?.cell) t.cellText.push(text);
      else if (!t) line.push(text);
      continue;
    }
    const close = tokens.close;
    const name = lowerCase(rawName);
    if (skip) {
      if (close && name === skip) skip = null;
      continue;
    }
    if (!close && skipTags.has(name) && !tokens.selfClosing) {
      skip = name;
      continue;
    }
    const t = tables[tables.length - 1];
    if (name === 'table') {
      if (!close) {
        flushLine();
        tables.push({ rows: [], cell: null, cellText: [] });
      } else if (t) {
        closeCell(t);
        tables.pop();
        blocks.push({ kind: 'table', table: placeTable(t.rows) });
      }
      continue;
    }
    if (!t) {
      if (blockTags.has(name)) flushLine();
      continue;
    }
    if (name === 'tr' && !close) {
      closeCell(t);
      t.rows.push([]);
    } else if ((name === 'td' || name === 'th') && !close) {
      closeCell(t);
      if (t.rows.length === 0) t.rows.push([]);
      if (++cells > gridLimits.maxCells)
        throw new GongkaiError(
          'report.too-large',
          `表格单元格超过 ${gridLimits.maxCells} 个，不像年度报告，已停止读取。`,
        );
      const attrs = tokens.attrs;
      t.cell = { text: '', rowspan: spanOf(attrs, 'rowspan'), colspan: spanOf(attrs, 'colspan') };
      t.rows[t.rows.length - 1].push(t.cell);
    } else if ((name === 'td' || name === 'th' || name === 'tr') && close) closeCell(t);
  }
  flushLine();
  // Unclosed tables (truncated files) still count.
  for (const t of tables.reverse()) {
    closeCell(t);
    blocks.push({ kind: 'table', table: placeTable(t.rows) });
  }
  return blocks;
}
