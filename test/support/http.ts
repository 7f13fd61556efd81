/**
 * A browser-like client over real HTTP (for a `gongkai serve` child process or a listening app):
 * keeps cookies, reads the CSRF token from pages, does not follow redirects. The global fetch
 * (undici) keeps connections alive between requests.
 */
/** What a request answered; `retryAfter` is the Retry-After header of a 503 (seconds), if any. */
export interface Answer {
  status: number;
  text: string;
  location: string | null;
  retryAfter?: number;
}

function answer(res: Response, text: string): Answer {
  const retryAfter = Number(res.headers.get('retry-after'));
  return {
    status: res.status,
    text,
    location: res.headers.get('location'),
    ...(retryAfter > 0 ? { retryAfter } : {}),
  };
}

export class HttpClient {
  private cookies = new Map<string, string>();
  csrf = '';

  /** `headers` go with every request (e.g. a distinct x-forwarded-for per simulated client). */
  constructor(
    readonly base: string,
    private headers: Record<string, string> = {},
  ) {}

  async get(path: string): Promise<Answer> {
    const res = await this.request(path, { method: 'GET' });
    const text = await res.text();
    const match = text.match(/name="_csrf" value="([^"]+)"/);
    if (match) this.csrf = match[1];
    return answer(res, text);
  }

  /** Posts a form with the current CSRF token. */
  async post(
    path: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const body = new URLSearchParams({ _csrf: this.csrf, ...fields }).toString();
    const res = await this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });
    return answer(res, await res.text());
  }

  /** Posts a multipart form with one file (`file`) and the current CSRF token. */
  async upload(path: string, name: string, data: Uint8Array) {
    const form = new FormData();
    form.set('_csrf', this.csrf);
    form.set('file', new Blob([data]), name);
    const res = await this.request(path, { method: 'POST', body: form });
    return answer(res, await res.text());
  }

  /** Posts a form and, when the answer is a redirect (POST → 303 → GET), follows it once. */
  async submit(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    const res = await this.post(path, fields, headers);
    return res.status === 303 && res.location ? this.get(res.location) : res;
  }

  /** Opens the login form and signs in; true when the server redirected into the back office. */
  async login(username: string, password: string): Promise<boolean> {
    await this.get('/admin/login');
    const res = await this.post('/admin/login', { username, password });
    return res.status === 303 && res.location !== '/admin/login';
  }

  /** The session's Cookie header, for a request made with fetch directly (a binary download). */
  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private async request(path: string, init: RequestInit & { headers?: Record<string, string> }) {
    const cookie = this.cookieHeader();
    const res = await fetch(`${this.base}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { ...this.headers, ...init.headers, ...(cookie ? { cookie } : {}) },
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
