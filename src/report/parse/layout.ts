/** How a text lays out table cells: one per tab-indented line, markdown pipes, one per line, or fused. */
export type TextLayout = 'tab' | 'md' | 'lines' | 'fused';

const tabCell = /^\t\S/;
const pipeRow = /^\s*\|.*\|\s*$/;
const numberLine = /^\s*[+-]?\d+(\.\d+)?\s*$/;

export function detectLayout(text: string): TextLayout {
  let tab = 0;
  let md = 0;
  let lines = 0;
  // One pass over the lines; the tab layout wins as soon as it is certain.
  for (const line of text.split('\n')) {
    if (line.charCodeAt(0) === 9 && tabCell.test(line) && ++tab >= 20) return 'tab';
    if (line.includes('|') && pipeRow.test(line)) md++;
    else if (numberLine.test(line)) lines++;
  }
  if (md >= 5) return 'md';
  if (lines >= 15) return 'lines';
  return 'fused';
}
