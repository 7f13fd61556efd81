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

/** Per UTF-16 unit, filled on first use: 0 not seen yet, 1 removed, else normalised code + 2. */
const table = new Uint32Array(0x10000);

/** The normalised code of one UTF-16 unit, or -1 when the rules remove it. */
export function normalizeCode(code: number): number {
  let entry = table[code];
  if (entry === 0) {
    const out = normalizeByRules(String.fromCharCode(code));
    entry = out === '' ? 1 : out.charCodeAt(0) + 2;
    table[code] = entry;
  }
  return entry - 2;
}

export function normalizeLabel(text: string): string {
  let out = '';
  let unchangedFrom = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const to = normalizeCode(code);
    if (to === code) continue;
    out += text.slice(unchangedFrom, i);
    if (to >= 0) out += String.fromCharCode(to);
    unchangedFrom = i + 1;
  }
  return unchangedFrom === 0 ? text : out + text.slice(unchangedFrom);
}
