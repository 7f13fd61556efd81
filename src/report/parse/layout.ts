/** How a text lays out table cells: one per tab-indented line, markdown pipes, one per line, or fused. */
export type TextLayout = 'tab' | 'md' | 'lines' | 'fused';

export function detectLayout(text: string): TextLayout {
  const lines = text.split('\n');
  const count = (re: RegExp) => lines.filter((l) => re.test(l)).length;
  if (count(/^\t\S/) >= 20) return 'tab';
  if (count(/^\s*\|.*\|\s*$/) >= 5) return 'md';
  if (count(/^\s*[+-]?\d+(\.\d+)?\s*$/) >= 15) return 'lines';
  return 'fused';
}
