/** Finds the forms in a page (a small HTML reader, enough for the app's own markup). */

export interface FormField {
  tag: 'input' | 'textarea' | 'select';
  type: string;
  name: string;
  value: string;
  checked: boolean;
  options: string[];
}

export interface PageForm {
  method: 'get' | 'post';
  action: string;
  multipart: boolean;
  fields: FormField[];
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z_:][-\w:.]*)(?:\s*=\s*"([^"]*)")?/g))
    out[m[1].toLowerCase()] = decode(m[2] ?? '');
  return out;
}

export function formsOf(html: string, pageUrl: string): PageForm[] {
  const forms: PageForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = attributes(m[1]);
    const fields: FormField[] = [];
    const body = m[2];
    for (const f of body.matchAll(
      /<input\b([^>]*)>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>|<select\b([^>]*)>([\s\S]*?)<\/select>/g,
    )) {
      if (f[1] !== undefined) {
        const a = attributes(f[1]);
        if (!a.name) continue;
        fields.push({
          tag: 'input',
          type: (a.type || 'text').toLowerCase(),
          name: a.name,
          value: a.value ?? '',
          checked: 'checked' in a,
          options: [],
        });
      } else if (f[2] !== undefined) {
        const a = attributes(f[2]);
        if (a.name)
          fields.push({
            tag: 'textarea',
            type: 'textarea',
            name: a.name,
            value: decode(f[3]),
            checked: false,
            options: [],
          });
      } else {
        const a = attributes(f[4]);
        const options = [...f[5].matchAll(/<option\b([^>]*)>/g)].map((o) => attributes(o[1]));
        const selected = options.find((o) => 'selected' in o);
        if (a.name)
          fields.push({
            tag: 'select',
            type: 'select',
            name: a.name,
            value: selected?.value ?? options.find((o) => o.value)?.value ?? '',
            checked: false,
            options: options.map((o) => o.value ?? ''),
          });
      }
    }
    forms.push({
      method: (attrs.method ?? 'get').toLowerCase() === 'post' ? 'post' : 'get',
      action: attrs.action || new URL(pageUrl, 'http://x').pathname,
      multipart: (attrs.enctype ?? '').includes('multipart'),
      fields,
    });
  }
  return forms;
}
