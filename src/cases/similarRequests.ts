/**
 * Art. 44: "多个申请人就相同政府信息向同一行政机关提出公开申请，且该政府信息属于可以公开的，行政机关
 * 可以纳入主动公开的范围". "The same information" is judged by a simple, documented similarity of
 * the request texts: normalised (NFKC, lower case, no spaces, punctuation or the stock words of a
 * request), cut into overlapping character pairs (bigrams), compared by Jaccard — |A∩B| / |A∪B|.
 * Requests naming different numbers (a year, a document number) are never the same information.
 * Requests at or above the threshold are linked; linked requests form a group (single link), and a
 * group asked by at least `minApplicants` different applicants is a prompt to consider 主动公开.
 */

/** Two requests this similar (bigram Jaccard) are taken to ask for the same information. */
export const SAME_INFORMATION_THRESHOLD = 0.6;

/** The default number of different applicants that makes a prompt (an agency setting). */
export const DEFAULT_PROMPT_APPLICANTS = 3;

/** Words every request may carry that say nothing about the information asked for. */
const STOCK_WORDS = [
  '申请公开',
  '请求公开',
  '要求公开',
  '请公开',
  '申请',
  '关于',
  '有关',
  '相关',
  '的',
];

export function normaliseRequest(text: string): string {
  let out = text.normalize('NFKC').toLowerCase();
  out = out.replace(/[\p{P}\p{S}\p{Z}\s]/gu, '');
  for (const word of STOCK_WORDS) out = out.replaceAll(word, '');
  return out;
}

/** The set of overlapping character pairs; a one-character text is its own "pair". */
export function bigrams(text: string): Set<string> {
  const chars = [...normaliseRequest(text)];
  if (chars.length === 1) return new Set(chars);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return out;
}

/** Bigram Jaccard similarity in [0, 1]; two empty texts are not similar (0). */
export function requestSimilarity(a: string, b: string): number {
  if (numbersOf(a) !== numbersOf(b)) return 0;
  return jaccard(bigrams(a), bigrams(b));
}

/** The numbers a request names (years, document numbers), as a comparable key. */
function numbersOf(text: string): string {
  const numbers = normaliseRequest(text).match(/\d+/g) ?? [];
  return [...new Set(numbers)].sort().join(',');
}

export interface RequestForComparison {
  id: number;
  /** Who asked: the same key is the same applicant (e.g. name and phone). */
  applicantKey: string;
  text: string;
}

export interface SimilarGroup {
  /** The applications in the group, in id order. */
  ids: number[];
  /** How many different applicants asked. */
  applicants: number;
}

/**
 * The groups of requests for the same information asked by at least `minApplicants` different
 * applicants. Quadratic in the number of requests: callers pass one agency's year.
 */
export function similarGroups(
  requests: readonly RequestForComparison[],
  minApplicants = DEFAULT_PROMPT_APPLICANTS,
  threshold = SAME_INFORMATION_THRESHOLD,
): SimilarGroup[] {
  const sorted = [...requests].sort((a, b) => a.id - b.id);
  const grams = sorted.map((r) => bigrams(r.text));
  const numbers = sorted.map((r) => numbersOf(r.text));
  const parent = sorted.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r];
    return r;
  };
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      if (numbers[i] !== numbers[j]) continue;
      if (jaccard(grams[i], grams[j]) >= threshold) parent[root(j)] = root(i);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < sorted.length; i++) {
    groups.set(root(i), [...(groups.get(root(i)) ?? []), i]);
  }
  return [...groups.values()]
    .map((members) => ({
      ids: members.map((i) => sorted[i].id),
      applicants: new Set(members.map((i) => sorted[i].applicantKey)).size,
    }))
    .filter((g) => g.applicants >= minApplicants);
}

function jaccard(x: Set<string>, y: Set<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const pair of x) if (y.has(pair)) shared++;
  return shared / (x.size + y.size - shared);
}
