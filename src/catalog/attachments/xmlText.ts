/**
 * Every piece of text in an XML part, whatever its namespace prefix: text nodes, CDATA and the
 * attributes that carry people's words (alt text, authors, field codes, link targets…). The
 * privacy scan reads this rather than a document model, so no part of a file is skipped because
 * a library does not render it (hidden text, deleted revisions, comments, properties).
 */

/** Elements whose text runs are one line (a number may be split over several runs in them). */
const lineElements = new Set(['p', 'si', 'is', 'c', 'text', 'definedName']);

/** Elements that show as a gap inside a line (so numbers either side stay apart). */
const gapElements = new Set(['tab', 'ptab', 'br', 'cr']);

/** Elements holding base64 or binary data, not words. */
const binaryElements = new Set(['binData', 'fldData', 'data']);

/** Attributes, on any element, that hold text a person typed or a tool shows. */
const textAttributes = new Set([
  'descr',
  'title',
  'alt',
  'instr',
  'author',
  'initials',
  'userId',
  'displayName',
  'name',
  'prompt',
  'promptTitle',
  'error',
  'errorTitle',
  'tooltip',
  'display',
  'Target',
]);

/** Elements whose `val` attribute is text (document variables, form field defaults). */
const valueElements = new Set(['docVar', 'default', 'result', 'statusText', 'helpText']);

const token =
  /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!(?:DOCTYPE|ENTITY)[^>]*>|<(\/?)([^\s/>!?]+)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/g;
const attribute = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);

/** The lines of text in `xml`. */
export function xmlText(xml: string): string[] {
  const lines: string[] = [];
  let line = '';
  let lineDepth = 0;
  let binaryDepth = 0;
  const push = (text: string) => {
    const t = text.trim();
    if (t) lines.push(t);
  };
  for (const m of xml.matchAll(token)) {
    const [, cdata, closing, qname, rest, text] = m;
    if (text !== undefined || cdata !== undefined) {
      if (binaryDepth > 0) continue;
      const value = cdata ?? decodeXml(text);
      if (lineDepth > 0) line += value;
      else push(value);
      continue;
    }
    if (qname === undefined) continue;
    const name = localName(qname);
    const selfClosing = rest.endsWith('/');
    if (closing) {
      if (binaryElements.has(name)) binaryDepth = Math.max(0, binaryDepth - 1);
      if (lineElements.has(name) && lineDepth > 0) {
        lineDepth--;
        push(line);
        line = '';
      }
      continue;
    }
    if (gapElements.has(name) && lineDepth > 0) line += ' ';
    for (const a of rest.matchAll(attribute)) {
      const attr = localName(a[1]);
      if (textAttributes.has(attr) || (attr === 'val' && valueElements.has(name)))
        push(decodeXml(a[2] ?? a[3] ?? ''));
    }
    if (selfClosing) continue;
    if (binaryElements.has(name)) binaryDepth++;
    if (lineElements.has(name)) lineDepth++;
  }
  push(line);
  return lines;
}

const entities: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

export function decodeXml(s: string): string {
  return s.replace(
    /&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(lt|gt|quot|apos|amp));/g,
    (all, hex, dec, named) => {
      if (named) return entities[named];
      const code = hex ? Number.parseInt(hex, 16) : Number(dec);
      return code <= 0x10ffff ? String.fromCodePoint(code) : all;
    },
  );
}

/** An XML part's bytes as text: UTF-8, or UTF-16 when it says so with a byte-order mark or its zeros. */
export function decodeXmlBytes(data: Uint8Array): string {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (b[0] === 0xff && b[1] === 0xfe) return b.subarray(2).toString('utf16le');
  if (b[0] === 0xfe && b[1] === 0xff)
    return Buffer.from(b.subarray(2)).swap16().toString('utf16le');
  if (b[0] === 0x3c && b[1] === 0x00) return b.toString('utf16le');
  if (b[0] === 0x00 && b[1] === 0x3c)
    return Buffer.from(b.subarray(0, b.length & ~1))
      .swap16()
      .toString('utf16le');
  return b.toString('utf8').replace(/^\uFEFF/, '');
}

/** Whether an attribute written `hidden="1"`, `"true"` or `"on"` (or an element with no `val`) is on. */
export function isOn(value: string | undefined): boolean {
  return value === undefined || /^(1|true|on)$/i.test(value.trim());
}

/** The attributes of one start tag, by local name. */
export function attributesOf(tagRest: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of tagRest.matchAll(attribute))
    out.set(localName(a[1]), decodeXml(a[2] ?? a[3] ?? ''));
  return out;
}

/** Start tags with local name `name` (any prefix): their attribute text. */
export function startTags(xml: string, name: string): string[] {
  const re = new RegExp(`<(?:[^\\s/>:]+:)?${name}(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'g');
  return [...xml.matchAll(re)].map((m) => m[1]);
}
