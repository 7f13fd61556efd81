/**
 * Safe rich text for publication bodies. Staff type plain text with a few conventions; it is
 * never interpreted as HTML, so nothing typed can inject markup:
 * a blank line separates paragraphs, `# ` / `## ` start headings, `- ` starts a list item, and a
 * path of this site (`/a/<agency>/…`) becomes a link.
 */
export type BodyBlock =
  | { type: 'heading'; level: 2 | 3; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] };

export function parseBody(body: string): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  for (const chunk of body.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    if (lines.length === 0) continue;
    if (lines.every((l) => /^[-·•]\s+/.test(l))) {
      blocks.push({ type: 'list', items: lines.map((l) => l.replace(/^[-·•]\s+/, '')) });
      continue;
    }
    for (const [i, line] of lines.entries()) {
      const heading = /^(#{1,2})\s+(.*)$/.exec(line);
      if (heading) {
        blocks.push({ type: 'heading', level: heading[1].length === 1 ? 2 : 3, text: heading[2] });
        continue;
      }
      const last = blocks[blocks.length - 1];
      if (i > 0 && last?.type === 'paragraph') last.text += line;
      else blocks.push({ type: 'paragraph', text: line });
    }
  }
  return blocks;
}

/** The body as plain text (what search and the privacy scan read). */
export function bodyText(body: string): string {
  return parseBody(body)
    .map((b) => (b.type === 'list' ? b.items.join('\n') : b.text))
    .join('\n');
}

export interface TextRun {
  text: string;
  /** Set when the run is a path of this site, shown as a link. */
  href?: string;
}

const sitePath = /\/a\/[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_.-]+)*/g;

/** Splits text into plain runs and runs that are paths of this site. */
export function linkRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let at = 0;
  for (const match of text.matchAll(sitePath)) {
    if (match.index > at) runs.push({ text: text.slice(at, match.index) });
    runs.push({ text: match[0], href: match[0] });
    at = match.index + match[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
}
