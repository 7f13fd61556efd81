// The /api/docs viewer: renders the OpenAPI document as a list of operations, each with its
// parameters, response fields and a “试一试” form. Only textContent is used, never innerHTML.
(() => {
  const root = document.getElementById('api-doc');
  if (!root) return;

  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    for (const child of children)
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    return node;
  };

  let spec;
  const resolve = (schema) => {
    if (!schema?.$ref) return schema ?? {};
    return spec.components.schemas[schema.$ref.split('/').pop()] ?? {};
  };
  const typeOf = (schema) => {
    const s = resolve(schema);
    if (schema?.$ref) return schema.$ref.split('/').pop();
    if (s.enum) return s.enum.join(' | ');
    if (s.anyOf) return s.anyOf.map(typeOf).join(' | ');
    if (s.type === 'array') return `${typeOf(s.items)}[]`;
    if (Array.isArray(s.type)) return s.type.join(' | ');
    return s.type ?? 'object';
  };

  function fields(schema) {
    const s = resolve(schema);
    if (!s.properties) return el('p', { class: 'muted' }, typeOf(schema));
    const rows = Object.entries(s.properties).map(([name, prop]) =>
      el(
        'tr',
        {},
        el('td', {}, el('code', {}, name)),
        el('td', {}, typeOf(prop)),
        el('td', {}, resolve(prop).description ?? prop.description ?? ''),
      ),
    );
    return el(
      'table',
      { class: 'api-fields' },
      el(
        'thead',
        {},
        el('tr', {}, el('th', {}, '字段'), el('th', {}, '类型'), el('th', {}, '说明')),
      ),
      el('tbody', {}, ...rows),
    );
  }

  function tryForm(path, op) {
    const params = op.parameters ?? [];
    const inputs = params.map((p) => {
      const input = el('input', {
        name: p.name,
        placeholder: String(p.schema?.example ?? p.example ?? p.schema?.default ?? ''),
      });
      if (p.in === 'path') input.required = true;
      return el('label', {}, `${p.name}${p.in === 'path' ? '（必填）' : ''} `, input);
    });
    const output = el('pre', { class: 'api-output', 'aria-live': 'polite' });
    const form = el(
      'form',
      { class: 'api-try' },
      ...inputs,
      el('button', { type: 'submit' }, '发送请求'),
      output,
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      let url = `/api${path}`;
      const query = new URLSearchParams();
      for (const p of params) {
        const value = String(data.get(p.name) ?? '').trim();
        if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(value));
        else if (value !== '') query.set(p.name, value);
      }
      if ([...query].length > 0) url += `?${query}`;
      output.textContent = `GET ${url} …`;
      try {
        const res = await fetch(url, { headers: { accept: 'application/json' } });
        const type = res.headers.get('content-type') ?? '';
        const body = type.includes('json')
          ? JSON.stringify(await res.json(), null, 2)
          : `（${type}，${(await res.arrayBuffer()).byteLength} 字节）`;
        output.textContent = `GET ${url}\n${res.status} ${res.statusText}\n\n${body}`;
      } catch (error) {
        output.textContent = `请求失败：${error}`;
      }
    });
    return form;
  }

  function operation(path, op) {
    const ok = op.responses?.['200']?.content ?? {};
    const json = ok['application/json']?.schema;
    const params = (op.parameters ?? []).map((p) =>
      el(
        'li',
        {},
        el('code', {}, p.name),
        `（${p.in === 'path' ? '路径' : '查询'}，${typeOf(p.schema)}）${p.schema?.description ?? p.description ?? ''}`,
      ),
    );
    const errors = Object.entries(op.responses ?? {})
      .filter(([status]) => status !== '200')
      .map(([status, r]) => `${status} ${r.description}`)
      .join('；');
    return el(
      'section',
      { class: 'api-op', id: op.operationId ?? path },
      el('h3', {}, el('span', { class: 'api-method' }, 'GET'), ' ', el('code', {}, `/api${path}`)),
      el('p', {}, op.summary ?? ''),
      params.length ? el('ul', {}, ...params) : el('p', { class: 'muted' }, '无参数'),
      el('p', {}, `返回：${Object.keys(ok).join('、')}；其他：${errors}`),
      json ? fields(json) : el('span'),
      el('details', {}, el('summary', {}, '试一试'), tryForm(path, op)),
    );
  }

  fetch(root.dataset.spec)
    .then((res) => res.json())
    .then((doc) => {
      spec = doc;
      root.replaceChildren();
      root.append(
        el('p', {}, `${doc.info.title}，版本 ${doc.info.version}。${doc.info.description ?? ''}`),
      );
      const byTag = new Map();
      for (const [path, item] of Object.entries(doc.paths))
        for (const op of Object.values(item)) {
          const tag = op.tags?.[0] ?? '其他';
          if (!byTag.has(tag)) byTag.set(tag, []);
          byTag.get(tag).push(operation(path, op));
        }
      for (const [tag, ops] of byTag) root.append(el('h2', {}, tag), ...ops);
    })
    .catch((error) => {
      root.replaceChildren(el('p', { class: 'alert' }, `无法读取接口说明：${error}`));
    });
})();
