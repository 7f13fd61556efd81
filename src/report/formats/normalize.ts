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

export function normalizeLabel(text: string): string {
  return text
    .replace(fullWidth, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[，,]/g, '、')
    .replace(/[“”"'‘’「」]/g, '')
    .replace(/[總計開訊資處請報們國務與況應]/g, (ch) => traditional[ch] ?? ch)
    .replace(/[：:]/g, ':');
}
