/**
 * Rebuilding tables from a PDF page: the ruling lines give the grid; a missing rule between two
 * grid boxes means a merged cell (rowspan/colspan); text items fall into the cell that contains
 * them. Text outside every table becomes lines. Output: blocks in reading order (top to bottom).
 */
import type { DocBlock, GridCell, GridTable } from './grid.ts';
import { lowerBound } from './normalized.ts';
import type { Segment, TextItem } from './pdfPage.ts';

const tol = 1.5;

/** Cluster nearly equal coordinates, returning the cluster centres sorted ascending. */
function clusters(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}

function covers(segs: Segment[], at: number, from: number, to: number): boolean {
  const mid = (from + to) / 2;
  return segs.some((s) => Math.abs(s.at - at) <= tol && s.a - tol <= mid && mid <= s.b + tol);
}

/** The segments lying on each grid line (a cluster centre), so a rule test reads only those. */
function byLine(segs: Segment[], lines: number[]): Segment[][] {
  const out: Segment[][] = lines.map(() => []);
  for (const s of segs)
    for (
      let i = lowerBound(lines, s.at - tol - 1e-9);
      i < lines.length && lines[i] <= s.at + tol + 1e-9;
      i++
    )
      out[i].push(s);
  return out;
}

/** Groups of segments that touch each other: one group per table. */
function groups(segs: Segment[]): Segment[][] {
  const parent = segs.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const hs = segs.map((s, i) => [s, i] as const).filter(([s]) => s.dir === 'h');
  // Vertical segments by x, so each horizontal one visits only those within its span.
  const vs = segs
    .map((s, i) => [s, i] as const)
    .filter(([s]) => s.dir === 'v')
    .sort((p, q) => p[0].at - q[0].at);
  const vAt = vs.map(([v]) => v.at);
  for (const [h, hi] of hs)
    for (let k = lowerBound(vAt, h.a - tol); k < vs.length && vAt[k] <= h.b + tol; k++) {
      const [v, vi] = vs[k];
      if (h.at >= v.a - tol && h.at <= v.b + tol) parent[find(hi)] = find(vi);
    }
  const byRoot = new Map<number, Segment[]>();
  segs.forEach((s, i) => {
    const r = find(i);
    const group = byRoot.get(r);
    if (group) group.push(s);
    else byRoot.set(r, [s]);
  });
  return [...byRoot.values()].filter(
    (g) => g.filter((s) => s.dir === 'h').length >= 2 && g.filter((s) => s.dir === 'v').length >= 2,
  );
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

interface PlacedTable {
  table: GridTable;
  bounds: Box;
  /** Grid line positions: x ascending, y descending (top first). */
  xs: number[];
  ys: number[];
  /** The cell covering each grid box, by [row][column]. */
  owner: GridCell[][];
}

/** How far vertical rules must run past the last rule before they count as a cut-off row. */
const cutRow = 5;

/**
 * A table cut by a page break may lack the rule that closes its last (or first) row: its vertical
 * rules run on past the last horizontal one. The missing rule is put where those rules end, so
 * that row is read like the others instead of falling out of the table as loose text.
 */
function closeCutRows(h: Segment[], v: Segment[]): Segment[] {
  if (h.length === 0 || v.length < 2) return h;
  const low = Math.min(...h.map((s) => s.at));
  const high = Math.max(...h.map((s) => s.at));
  const left = Math.min(...v.map((s) => s.at));
  const right = Math.max(...v.map((s) => s.at));
  const out = [...h];
  const below = v.filter((s) => s.a < low - cutRow).map((s) => s.a);
  if (below.length >= 2) out.push({ dir: 'h', at: Math.max(...below), a: left, b: right });
  const above = v.filter((s) => s.b > high + cutRow).map((s) => s.b);
  if (above.length >= 2) out.push({ dir: 'h', at: Math.min(...above), a: left, b: right });
  return out;
}

function buildTable(segs: Segment[]): PlacedTable | undefined {
  const v = segs.filter((s) => s.dir === 'v');
  const h = closeCutRows(
    segs.filter((s) => s.dir === 'h'),
    v,
  );
  const xs = clusters(v.map((s) => s.at));
  const ys = clusters(h.map((s) => s.at)).reverse();
  if (xs.length < 2 || ys.length < 2 || xs.length > 257 || ys.length > 2000) return undefined;
  const rowsN = ys.length - 1;
  const colsN = xs.length - 1;
  const vOn = byLine(v, xs);
  const hOn = byLine(h, [...ys].reverse()).reverse();
  const owner: GridCell[][] = Array.from({ length: rowsN }, () => new Array(colsN));
  const rows: GridCell[][] = Array.from({ length: rowsN }, () => []);
  for (let r = 0; r < rowsN; r++)
    for (let c = 0; c < colsN; c++) {
      if (owner[r][c]) continue;
      let colspan = 1;
      while (c + colspan < colsN && !covers(vOn[c + colspan], xs[c + colspan], ys[r + 1], ys[r]))
        colspan++;
      let rowspan = 1;
      const open = (rr: number) => {
        for (let k = c; k < c + colspan; k++)
          if (covers(hOn[rr + 1], ys[rr + 1], xs[k], xs[k + 1]) || owner[rr + 1][k]) return false;
        return true;
      };
      while (r + rowspan < rowsN && open(r + rowspan - 1)) rowspan++;
      const cell: GridCell = { text: '', row: r, col: c, rowspan, colspan };
      // A colspan may run over a rowspan from above; the earlier cell keeps the shared boxes.
      for (let dr = 0; dr < rowspan; dr++)
        for (let dc = 0; dc < colspan; dc++) owner[r + dr][c + dc] ??= cell;
      rows[r].push(cell);
    }
  const bounds = { top: ys[0], bottom: ys[rowsN], left: xs[0], right: xs[colsN] };
  return { table: { rows, width: colsN }, bounds, xs, ys, owner };
}

function inside(b: Box, x: number, y: number): boolean {
  return x >= b.left && x <= b.right && y <= b.top && y >= b.bottom;
}

/** Items grouped into lines, top to bottom (items of a line share a baseline within tolerance). */
function itemLines(items: TextItem[]): TextItem[][] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: TextItem[][] = [];
  for (const it of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].y - it.y) <= Math.max(2, it.height * 0.4)) line.push(it);
    else lines.push([it]);
  }
  return lines;
}

/** Join items into reading order: lines top to bottom, items left to right. */
function joinItems(items: TextItem[]): string[] {
  return itemLines(items).map((line) =>
    line
      .sort((p, q) => p.x - q.x)
      .map((it) => it.str)
      .join('')
      .trim(),
  );
}

/** The cell containing a point, found by binary search of the grid lines. */
function cellAt(tables: PlacedTable[], x: number, y: number): GridCell | undefined {
  for (const t of tables) {
    if (!inside(t.bounds, x, y)) continue;
    // Box c spans xs[c]..xs[c+1]; on a shared line the earlier box (left, top) wins, as before.
    const c = Math.max(0, lowerBound(t.xs, x) - 1);
    let lo = 0;
    let hi = t.ys.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t.ys[mid] > y) lo = mid + 1;
      else hi = mid;
    }
    return t.owner[Math.max(0, lo - 1)]?.[c];
  }
  return undefined;
}

export function pageBlocks(items: TextItem[], segments: Segment[]): DocBlock[] {
  const tables = groups(segments)
    .map(buildTable)
    .filter((t): t is PlacedTable => t !== undefined);
  const loose: TextItem[] = [];
  const cellItems = new Map<GridCell, TextItem[]>();
  for (const it of items) {
    const cx = it.x + it.width / 2;
    const cy = it.y + it.height * 0.3;
    const cell = cellAt(tables, cx, cy);
    const list = cell && cellItems.get(cell);
    if (list) list.push(it);
    else if (cell) cellItems.set(cell, [it]);
    else loose.push(it);
  }
  for (const [cell, its] of cellItems) cell.text = joinItems(its).join('');
  const positioned: { top: number; block: DocBlock }[] = tables.map((t) => ({
    top: t.bounds.top,
    block: { kind: 'table', table: t.table },
  }));
  for (const line of itemLines(loose))
    positioned.push({
      top: line[0].y + line[0].height,
      block: { kind: 'text', text: joinItems(line).join('') },
    });
  return positioned.sort((p, q) => q.top - p.top).map((p) => p.block);
}
