/**
 * Label normalisation before matching (§1.6 "Label normalisation"): no whitespace, half-width
 * punctuation and digits, `，` → `、`, straight quotes, traditional forms seen in mirrors.
 */
const fullWidth = /[\uFF01-\uFF5E]/g;
const traditional: Record<string, string> = {
  總: '总',
  計: '计',
  開: '开',
  訊: '讯',
  資: '资',
  處: '处',
  請: '请',
  報: '报',
  們: '们',
  國: '国',
  務: '务',
  與: '与',
  況: '况',
  應: '应',
};

/** The rules as written; every one maps a single character, so they apply character by character. */
function normalizeByRules(text: string): string {
  return text
    .replace(fullWidth, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[，,]/g, '、')
    .replace(/[“”"'‘’「」]/g, '')
    .replace(/[總計開訊資處請報們國務與況應]/g, (ch) => traditional[ch] ?? ch)
    .replace(/[：:]/g, ':');
}

const charCache = new Map<string, string>();
const traditionalCodes = new Set(Object.keys(traditional).map((c) => c.charCodeAt(0)));

/** Characters the rules never change: ASCII letters and digits, most CJK ideographs. */
function unchanged(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x4e00 && code <= 0x9fff && !traditionalCodes.has(code))
  );
}

/** `normalizeLabel` of one UTF-16 unit: itself, another character or '' (cached). */
export function normalizeChar(ch: string): string {
  if (unchanged(ch.charCodeAt(0))) return ch;
  let out = charCache.get(ch);
  if (out === undefined) {
    out = normalizeByRules(ch);
    charCache.set(ch, out);
  }
  return out;
}

export function normalizeLabel(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += normalizeChar(text[i]);
  return out;
}
