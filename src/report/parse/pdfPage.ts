/**
 * What a PDF page draws, in page coordinates (origin bottom-left): text items with their
 * boxes, and axis-aligned line segments (table rules, whether stroked or drawn as thin filled
 * rectangles). Read from pdfjs's operator list with the transformation matrix tracked.
 */
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { parseLimits } from './limits.ts';

export interface TextItem {
  str: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  height: number;
}

export interface Segment {
  /** 'h': y fixed, from a to b on x; 'v': x fixed, from a to b on y. */
  dir: 'h' | 'v';
  at: number;
  a: number;
  b: number;
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

const thin = 2.5;

function segmentOf(x1: number, y1: number, x2: number, y2: number): Segment | undefined {
  if (Math.abs(y1 - y2) < 0.5 && Math.abs(x1 - x2) >= 1)
    return { dir: 'h', at: (y1 + y2) / 2, a: Math.min(x1, x2), b: Math.max(x1, x2) };
  if (Math.abs(x1 - x2) < 0.5 && Math.abs(y1 - y2) >= 1)
    return { dir: 'v', at: (x1 + x2) / 2, a: Math.min(y1, y2), b: Math.max(y1, y2) };
  return undefined;
}

/** Polygon points of a path; curves only move the pen (tables are drawn with straight lines). */
function pathPolygons(path: ArrayLike<number>, m: Matrix): [number, number][][] {
  const polys: [number, number][][] = [];
  let current: [number, number][] = [];
  for (let i = 0; i < path.length; ) {
    const op = path[i++];
    if (op === 0) {
      if (current.length) polys.push(current);
      current = [apply(m, path[i], path[i + 1])];
      i += 2;
    } else if (op === 1) {
      current.push(apply(m, path[i], path[i + 1]));
      i += 2;
    } else if (op === 2) {
      current.push(apply(m, path[i + 4], path[i + 5]));
      i += 6;
    } else if (op === 3) {
      current.push(apply(m, path[i + 2], path[i + 3]));
      i += 4;
    } else if (op === 4) {
      if (current.length) current.push(current[0]);
    } else break;
  }
  if (current.length) polys.push(current);
  return polys;
}

const strokeOps = new Set<number>([OPS.stroke, OPS.closeStroke]);
const fillOps = new Set<number>([
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);

function pathSegments(draw: number, polys: [number, number][][], out: Segment[]) {
  for (const poly of polys) {
    if (strokeOps.has(draw)) {
      for (let k = 1; k < poly.length; k++) {
        const s = segmentOf(poly[k - 1][0], poly[k - 1][1], poly[k][0], poly[k][1]);
        if (s) out.push(s);
      }
    } else if (fillOps.has(draw)) {
      const xs = poly.map((p) => p[0]);
      const ys = poly.map((p) => p[1]);
      const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      if (y2 - y1 < thin && x2 - x1 >= 1) out.push({ dir: 'h', at: (y1 + y2) / 2, a: x1, b: x2 });
      else if (x2 - x1 < thin && y2 - y1 >= 1)
        out.push({ dir: 'v', at: (x1 + x2) / 2, a: y1, b: y2 });
    }
  }
}

export async function pageSegments(page: PDFPageProxy): Promise<Segment[]> {
  const list = await page.getOperatorList();
  const out: Segment[] = [];
  let m: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i];
    if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) {
      stack.push(m);
      if (fn === OPS.paintFormXObjectBegin && Array.isArray(args?.[0]))
        m = multiply(m, args[0] as Matrix);
    } else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) m = stack.pop() ?? m;
    else if (fn === OPS.transform) m = multiply(m, args as Matrix);
    else if (fn === OPS.constructPath && args?.[1]?.[0])
      pathSegments(args[0], pathPolygons(args[1][0], m), out);
    if (out.length > parseLimits.maxPdfPageRules) break;
  }
  return out;
}

export async function pageText(page: PDFPageProxy): Promise<TextItem[]> {
  const content = await page.getTextContent();
  const items: TextItem[] = [];
  for (const it of content.items) {
    if (!('str' in it) || !it.str.trim()) continue;
    const [a, b, , d, e, f] = it.transform as number[];
    const size = Math.hypot(a, b) || Math.abs(d) || it.height;
    items.push({ str: it.str, x: e, y: f, width: it.width, height: it.height || size });
  }
  return items;
}
