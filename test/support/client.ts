import type { Hono } from 'hono';
import type { AppEnv } from '../../src/web/env.ts';

/**
 * Drives the app in-process like a browser: keeps cookies, reads the CSRF token from pages,
 * does not follow redirects.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  csrf = '';

  constructor(private app: Hono<AppEnv>) {}

  async get(path: string, headers: Record<string, string> = {}) {
    const res = await this.request(path, { method: 'GET', headers });
    const text = await res.clone().text();
    const match = text.match(/name="_csrf" value="([^"]+)"/);
    if (match) this.csrf = match[1];
    return res;
  }

  /** Posts a form; the current CSRF token is added unless `_csrf` is given (use null to omit it). */
  async post(path: string, fields: Record<string, string | null>) {
    const body = new URLSearchParams();
    const withToken = { _csrf: this.csrf, ...fields };
    for (const [key, value] of Object.entries(withToken)) if (value !== null) body.set(key, value);
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
  }

  /** Posts a form and, when the answer is a redirect (POST → 303 → GET), follows it once. */
  async submit(path: string, fields: Record<string, string | null>) {
    const res = await this.post(path, fields);
    const location = res.headers.get('location');
    return res.status === 303 && location ? this.get(location) : res;
  }

  /** Posts a multipart form with one file (`file`), as a browser's file upload does. */
  async upload(path: string, fields: Record<string, string>, file: { name: string; data: Buffer }) {
    const form = new FormData();
    form.set('_csrf', this.csrf);
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    form.set('file', new File([new Uint8Array(file.data)], file.name));
    return this.request(path, { method: 'POST', body: form });
  }

  /** Posts a multipart form with several named files, as a form with file inputs does. */
  async multipart(
    path: string,
    fields: Record<string, string>,
    files: Record<string, { name: string; data: Buffer }>,
  ) {
    const form = new FormData();
    form.set('_csrf', this.csrf);
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    for (const [key, file] of Object.entries(files)) {
      form.set(key, new File([new Uint8Array(file.data)], file.name));
    }
    return this.request(path, { method: 'POST', body: form });
  }

  /** Opens the login form and signs in. */
  async login(username: string, password: string) {
    await this.get('/admin/login');
    const res = await this.post('/admin/login', { username, password });
    // Signing in issues a new CSRF token: read it from the page the login leads to, as a browser would.
    let next = res.status === 303 ? res.headers.get('location') : null;
    for (let hops = 0; next && hops < 3; hops++) {
      const page = await this.get(next);
      next = page.status >= 300 && page.status < 400 ? page.headers.get('location') : null;
    }
    return res;
  }

  async request(path: string, init: RequestInit & { headers?: Record<string, string> }) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.app.request(path, {
      ...init,
      headers: { ...init.headers, ...(cookie ? { cookie } : {}) },
    });
    for (const header of res.headers.getSetCookie()) {
      const [pair, ...attrs] = header.split(';');
      const [name, value] = pair.split('=');
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return res;
  }
}
