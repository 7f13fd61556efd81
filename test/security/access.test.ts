/**
 * The access matrix: every route of the app (walked from `app.routes`) × every role, anonymous
 * and signed in, in its own agency, in another agency and through the county's oversight, against
 * the policy declared in POLICY below. A route missing from POLICY fails the suite; so does a route
 * whose guard lets in a role the table does not list, or refuses one it does.
 *
 * "Allowed" means the route guard let the request through: a page (2xx/3xx) for GET; for POST any
 * answer but 401/403/login redirect/5xx (a 400 validation error with an empty form is the action
 * refusing bad input, after the guard). Finer checks inside an action (the review-chain step, the
 * state of a case) are the domain's and tested with it.
 *
 * Every `:id`-like parameter is also requested through another agency's URL by a user holding
 * every role there: it must answer 404. And no page answers a role outside office/handler with an
 * applicant's or petitioner's full ID number or phone.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import JSZip from 'jszip';
import { maskIdNumber } from '../../src/cases/identifiers.ts';
import { CASE_STAFF_ROLES, maskName } from '../../src/cases/privacy.ts';
import { type Role, roles } from '../../src/db/schema.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildWorld,
  COUNTY,
  concretePath,
  DEPARTMENT,
  OTHER,
  OTHER_ALL,
  PARAM,
  password,
  SECRET_ID,
  SECRET_NAME,
  SECRET_PETITION_ID,
  SECRET_PETITION_PHONE,
  SECRET_PHONE,
  userFor,
  type World,
} from './world.ts';

process.env.GONGKAI_TRUST_PROXY = '1';

type Access =
  /** Anyone, signed in or not; `ownerOnly`: only the browser that submitted the form (others 404). */
  | { public: true; query?: string; ownerOnly?: boolean }
  /** Any signed-in user. */
  | { signedIn: true; query?: string }
  /** Users holding one of `roles` in the agency of the URL (or overseeing it); `county` routes live at a government. */
  | { roles: readonly Role[]; county?: boolean; query?: string };

const ALL = roles;
const CASE_VIEW: Role[] = ['office', 'handler', 'supervisor', 'auditor', 'admin', 'reviewer'];
const CASE_STAFF: Role[] = ['office', 'handler'];
const PETITION_STAFF: Role[] = ['handler', 'office'];
const CATALOG_READ: Role[] = ['drafter', 'reviewer', 'office', 'admin', 'supervisor', 'auditor'];
/** Review-chain steps: drafter first, then any of these; office/admin publish. */
const CATALOG_WRITE: Role[] = ['drafter', 'reviewer', 'office', 'admin'];
const CATALOG_EDIT: Role[] = ['drafter', 'office', 'admin'];
const CATALOG_PUBLISH: Role[] = ['office', 'admin'];
const REGISTERS_READ: Role[] = ['office', 'admin', 'supervisor', 'auditor'];
const pub = { public: true } as const;

/**
 * The access policy. Key: `METHOD path` exactly as Hono lists it. A new route goes here with the
 * roles its guard must admit; see docs/deployment.md "Security evidence".
 */
const POLICY: Record<string, Access> = {
  'GET /healthz': pub,
  'GET /static/:file': pub,
  'GET /favicon.ico': pub,
  'GET /': pub,
  'GET /sitemap.xml': pub,
  'GET /a/:agency': pub,
  'GET /a/:agency/petition': pub,
  'POST /a/:agency/petition': pub,
  'GET /a/:agency/petition/receipt/:token{[A-Za-z0-9_-]{24}}': { public: true, ownerOnly: true },
  'GET /a/:agency/petition/track': pub,
  'POST /a/:agency/petition/track': pub,
  'GET /a/:agency/request': pub,
  'GET /a/:agency/apply': pub,
  'POST /a/:agency/apply': pub,
  'GET /a/:agency/apply/receipt/:token{[A-Za-z0-9_-]{24}}': { public: true, ownerOnly: true },
  'GET /a/:agency/apply/receipt/:token{[A-Za-z0-9_-]{24}}/print': { public: true, ownerOnly: true },
  'GET /a/:agency/track': pub,
  'POST /a/:agency/track': pub,
  'GET /a/:agency/track/case': pub,
  'GET /a/:agency/track/letters/:id{[0-9]{1,9}}': { public: true, ownerOnly: true },
  'GET /a/:agency/track/files/:id{[0-9]{1,9}}': { public: true, ownerOnly: true },
  'POST /a/:agency/track/supplement': pub,
  'GET /a/:agency/track/receipt': pub,
  'GET /a/:agency/track/end': pub,
  'GET /a/:agency/guide': pub,
  'GET /a/:agency/rules': pub,
  'GET /a/:agency/statutory': pub,
  'GET /a/:agency/reports': pub,
  'GET /a/:agency/catalog/:slug': pub,
  'GET /a/:agency/items/:id{[0-9]+}': pub,
  'GET /a/:agency/items/:id{[0-9]+}/files/:fid{[0-9]+}': pub,
  'GET /a/:agency/search': { public: true, query: '?q=信访' },
  'GET /a/:agency/feed.xml': pub,
  'GET /a/:agency/annual': pub,
  'GET /a/:agency/annual/:year{[0-9]{4}}': pub,
  'GET /a/:agency/annual/:year{[0-9]{4}}/:file{file\\.[a-z]+}': pub,
  'GET /api/v1/agencies': pub,
  'GET /api/v1/agencies/:code': pub,
  'GET /api/v1/agencies/:code/publications': pub,
  'GET /api/v1/agencies/:code/registers/:year': pub,
  'GET /api/v1/agencies/:code/reports': pub,
  'GET /api/v1/agencies/:code/reports/:year': pub,
  'GET /api/v1/agencies/:code/statistics/:year': pub,
  'GET /api/v1/openapi.json': pub,
  'GET /api/docs': pub,
  'GET /api/docs/:asset{viewer\\.(js|css)}': pub,
  'GET /admin/login': pub,
  'POST /admin/login': pub,
  'POST /admin/logout': pub,
  'GET /admin': { signedIn: true },

  'GET /admin/:agency': { roles: ALL },

  'GET /admin/:agency/cases': { roles: CASE_VIEW },
  'GET /admin/:agency/cases/new': { roles: CASE_STAFF },
  'POST /admin/:agency/cases/new': { roles: CASE_STAFF },
  'GET /admin/:agency/cases/report': { roles: CASE_VIEW },
  'GET /admin/:agency/cases/report/cell': { roles: CASE_VIEW, query: '?year=2025&key=t3.new.np' },
  'GET /admin/:agency/cases/:id/print': { roles: CASE_VIEW },
  'GET /admin/:agency/search': {
    roles: [...new Set([...CASE_VIEW, ...CATALOG_READ])],
    query: '?q=访问矩阵',
  },
  'GET /admin/:agency/cases/:id': { roles: CASE_VIEW },
  'POST /admin/:agency/cases/:id/act': { roles: CASE_STAFF },
  'GET /admin/:agency/cases/:id/letters/:letter': { roles: CASE_VIEW },
  'POST /admin/:agency/cases/:id/files': { roles: CASE_STAFF },
  'GET /admin/:agency/cases/:id/files/:caseFile{[0-9]{1,9}}': { roles: CASE_STAFF },
  'GET /admin/:agency/cases/:id/receipt': { roles: CASE_STAFF },
  'POST /admin/:agency/cases/proactive/draft': { roles: ['office'] },
  'POST /admin/:agency/cases/proactive/dismiss': { roles: ['office'] },

  'GET /admin/:agency/petitions': { roles: ALL },
  'GET /admin/:agency/petitions/new': { roles: PETITION_STAFF },
  'POST /admin/:agency/petitions/new': { roles: PETITION_STAFF },
  'POST /admin/:agency/petitions/from-application/:applicationId{[0-9]{1,9}}': {
    roles: PETITION_STAFF,
  },
  'GET /admin/:agency/petitions/statistics': { roles: ALL },
  'POST /admin/:agency/petitions/aggregates': { roles: ['office'] },
  'GET /admin/:agency/petitions/:id{[0-9]{1,9}}': { roles: ALL },
  'POST /admin/:agency/petitions/:id{[0-9]{1,9}}/accept': { roles: PETITION_STAFF },
  'POST /admin/:agency/petitions/:id{[0-9]{1,9}}/extend': { roles: ['office', 'reviewer'] },
  'POST /admin/:agency/petitions/:id{[0-9]{1,9}}/answer': { roles: PETITION_STAFF },
  'POST /admin/:agency/petitions/:id{[0-9]{1,9}}/review': { roles: PETITION_STAFF },

  'GET /admin/:agency/catalog': { roles: CATALOG_READ },
  'GET /admin/:agency/catalog/new': { roles: ['drafter'] },
  'POST /admin/:agency/catalog/new': { roles: ['drafter'] },
  'GET /admin/:agency/catalog/:id{[0-9]+}': { roles: CATALOG_READ },
  'GET /admin/:agency/catalog/:id{[0-9]+}/edit': { roles: CATALOG_EDIT },
  'POST /admin/:agency/catalog/:id{[0-9]+}/edit': { roles: CATALOG_EDIT },
  'POST /admin/:agency/catalog/:id{[0-9]+}/attachments': { roles: ['drafter'] },
  'POST /admin/:agency/catalog/:id{[0-9]+}/attachments/:aid{[0-9]+}/remove': {
    roles: ['drafter'],
  },
  'POST /admin/:agency/catalog/:id{[0-9]+}/attachments/:aid{[0-9]+}/title': {
    roles: ['drafter'],
  },
  'POST /admin/:agency/catalog/:id{[0-9]+}/attachments/:aid{[0-9]+}/clean': {
    roles: ['drafter'],
  },
  'GET /admin/:agency/catalog/:id{[0-9]+}/attachments/:aid{[0-9]+}': { roles: CATALOG_READ },
  'POST /admin/:agency/catalog/:id{[0-9]+}/submit': { roles: ['drafter'] },
  'POST /admin/:agency/catalog/:id{[0-9]+}/approve': { roles: CATALOG_WRITE },
  'POST /admin/:agency/catalog/:id{[0-9]+}/reject': { roles: CATALOG_WRITE },
  'POST /admin/:agency/catalog/:id{[0-9]+}/withdraw': { roles: CATALOG_PUBLISH },
  'POST /admin/:agency/catalog/:id{[0-9]+}/confidentiality': { roles: ['reviewer', 'office'] },
  'POST /admin/:agency/catalog/:id{[0-9]+}/override': { roles: ['office'] },
  'POST /admin/:agency/catalog/:id{[0-9]+}/validity': { roles: CATALOG_PUBLISH },
  'GET /admin/:agency/catalog/:id{[0-9]+}/versions': { roles: CATALOG_READ },
  'GET /admin/:agency/catalog/:id{[0-9]+}/versions/:n{[0-9]{1,6}}': { roles: CATALOG_READ },

  'GET /admin/:agency/registers': { roles: REGISTERS_READ },
  'POST /admin/:agency/registers': { roles: ['office'] },
  'POST /admin/:agency/registers/import': { roles: ['office'] },

  'GET /admin/:agency/reports': { roles: ALL },
  'GET /admin/:agency/reports/:year{[0-9]{4}}': { roles: ALL },
  'POST /admin/:agency/reports/:year{[0-9]{4}}/texts': { roles: ['office', 'drafter'] },
  'POST /admin/:agency/reports/:year{[0-9]{4}}/approve': { roles: ['office'] },
  'POST /admin/:agency/reports/:year{[0-9]{4}}/reopen': { roles: ['office'] },
  'POST /admin/:agency/reports/:year{[0-9]{4}}/publish': { roles: ['office'] },
  'POST /admin/:agency/reports/:year{[0-9]{4}}/amend': { roles: ['office'] },
  'POST /admin/:agency/reports/:year{[0-9]{4}}/previous': { roles: ['office'] },
  'POST /admin/:agency/reports/:year{[0-9]{4}}/previous/confirm': { roles: ['office'] },
  'GET /admin/:agency/reports/:year{[0-9]{4}}/export/:format': { roles: ALL },
  'GET /admin/:agency/reports/:year{[0-9]{4}}/cell/:key': { roles: ALL },

  'GET /admin/:agency/county/:year{[0-9]{4}}': {
    roles: ['supervisor', 'office', 'admin', 'auditor'],
    county: true,
  },
  'POST /admin/:agency/county/deadline': { roles: ['office', 'admin', 'supervisor'], county: true },

  'GET /admin/:agency/settings': { roles: ['admin'] },
  'GET /admin/:agency/settings/profile': { roles: ['admin'] },
  'POST /admin/:agency/settings/profile': { roles: ['admin'] },
  'GET /admin/:agency/settings/letters': { roles: ['admin'] },
  'POST /admin/:agency/settings/letters': { roles: ['admin'] },
  'GET /admin/:agency/settings/review-chain': { roles: ['admin'] },
  'POST /admin/:agency/settings/review-chain': { roles: ['admin'] },
  'GET /admin/:agency/settings/categories': { roles: ['admin'] },
  'POST /admin/:agency/settings/categories': { roles: ['admin'] },
  'POST /admin/:agency/settings/categories/update': { roles: ['admin'] },
  'POST /admin/:agency/settings/categories/move': { roles: ['admin'] },
  'POST /admin/:agency/settings/categories/delete': { roles: ['admin'] },
  'GET /admin/:agency/settings/deadline': { roles: ['admin'] },
  'POST /admin/:agency/settings/deadline': { roles: ['admin'] },
  'GET /admin/:agency/settings/notifications': { roles: ['admin'] },
  'POST /admin/:agency/settings/notifications/retry': { roles: ['admin'] },
};

/** Parameters that name a record of the agency in the URL. */
const RECORD_PARAMS = new Set(['id', 'applicationId', 'letter', 'aid', 'fid']);
let ipCounter = 0;
/** A request from a fresh client address each time, so the public rate limits stay out of the way. */
async function send(client: TestClient, method: string, path: string) {
  const headers: Record<string, string> = {
    'x-forwarded-for': `10.9.${ipCounter >> 8}.${ipCounter++ & 255}`,
  };
  if (method === 'GET') return client.get(path, headers);
  const body = new URLSearchParams({ _csrf: client.csrf }).toString();
  return client.request(path, {
    method,
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
}

const toLogin = (res: Response) =>
  res.status === 302 && (res.headers.get('location') ?? '').startsWith('/admin/login');

type Verdict = 'allowed' | 'refused' | 'login' | 'not-found' | 'error';

function verdict(method: string, res: Response): Verdict {
  if (res.status >= 500) return 'error';
  if (toLogin(res)) return 'login';
  if (res.status === 401 || res.status === 403) return 'refused';
  if (res.status === 404) return 'not-found';
  if (method === 'GET') return res.status < 400 ? 'allowed' : 'error';
  return 'allowed';
}

const PERSONAL = [SECRET_ID, SECRET_PHONE, SECRET_PETITION_ID, SECRET_PETITION_PHONE];

/** The text of a response: HTML/JSON/XML as is, the XML parts of a .docx/.xlsx. */
async function bodyText(res: Response): Promise<string> {
  const type = res.headers.get('content-type') ?? '';
  const bytes = Buffer.from(await res.arrayBuffer());
  if (/openxmlformats/.test(type)) {
    const zip = await JSZip.loadAsync(bytes);
    const parts = Object.values(zip.files).filter((f) => f.name.endsWith('.xml'));
    return (await Promise.all(parts.map((f) => f.async('string')))).join('\n');
  }
  if (/text|json|xml/.test(type)) return bytes.toString('utf8');
  return '';
}

describeEachDatabase(
  'access matrix',
  (database) => {
    let world: World;
    let routes: { method: string; path: string }[];
    const clients = new Map<string, TestClient>();
    let anonymous: TestClient;

    before(async () => {
      world = await buildWorld(database());
      const seen = new Set<string>();
      routes = world.app.routes
        .filter((r) => r.method !== 'ALL')
        .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`))
        .map((r) => ({ method: r.method, path: r.path }));
      anonymous = new TestClient(world.app);
      await anonymous.get('/admin/login');
      const usernames = [
        ...roles.map((r) => userFor('xfj', r)),
        ...roles.map((r) => userFor('xt', r)),
        OTHER_ALL,
      ];
      for (const username of usernames) {
        const client = new TestClient(world.app);
        const res = await client.login(username, password);
        assert.equal(res.status, 303, `${username} signs in`);
        clients.set(username, client);
      }
    });

    test('every route of the app has an entry in the access policy', () => {
      const known = new Set(routes.map((r) => `${r.method} ${r.path}`));
      const missing = [...known].filter((k) => !(k in POLICY));
      assert.deepEqual(
        missing,
        [],
        `routes without an access policy: add each to POLICY in test/security/access.test.ts with the roles its guard admits:\n${missing.join('\n')}`,
      );
      const stale = Object.keys(POLICY).filter((k) => !known.has(k));
      assert.deepEqual(stale, [], `POLICY lists routes the app no longer has: ${stale.join(', ')}`);
    });

    test('every route × role × own/other agency answers as the policy says', async () => {
      const failures: string[] = [];
      const leaks: string[] = [];
      let requests = 0;
      const check = async (
        label: string,
        client: TestClient,
        method: string,
        path: string,
        expected: Verdict[],
        personalAllowed: boolean,
      ) => {
        requests++;
        const res = await send(client, method, path);
        const got = verdict(method, res);
        if (!expected.includes(got))
          failures.push(
            `${label} ${method} ${path}: ${res.status} (${got}), expected ${expected.join('/')}`,
          );
        if (!personalAllowed && method === 'GET' && res.status === 200) {
          const text = await bodyText(res);
          for (const secret of PERSONAL)
            if (text.includes(secret)) leaks.push(`${label} ${method} ${path} shows ${secret}`);
        } else await res.arrayBuffer().catch(() => undefined);
      };

      // Reads first: the POSTs below may change the records (a drafter's empty remove succeeds).
      const ordered = [...routes].sort(
        (a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'),
      );
      for (const { method, path } of ordered) {
        const access = POLICY[`${method} ${path}`];
        if (!access || path === '/admin/logout') continue;
        const query = access.query ?? '';
        if ('public' in access) {
          const url = concretePath(path, DEPARTMENT, world.ids) + query;
          const expected: Verdict[] = access.ownerOnly ? ['not-found'] : ['allowed'];
          await check('anonymous', anonymous, method, url, expected, false);
          await check('xfj-drafter', clients.get('xfj-drafter')!, method, url, expected, false);
          continue;
        }
        if ('signedIn' in access) {
          const url = concretePath(path, DEPARTMENT, world.ids) + query;
          await check('anonymous', anonymous, method, url, ['login'], false);
          for (const role of roles)
            await check(
              userFor('xfj', role),
              clients.get(userFor('xfj', role))!,
              method,
              url,
              ['allowed'],
              false,
            );
          continue;
        }
        const prefix = access.county ? 'xt' : 'xfj';
        const own = concretePath(path, access.county ? COUNTY : DEPARTMENT, world.ids) + query;
        const other = concretePath(path, OTHER, world.ids) + query;
        await check('anonymous', anonymous, method, own, ['login'], false);
        for (const role of roles) {
          const username = userFor(prefix, role);
          const client = clients.get(username)!;
          const personal = role === 'office' || role === 'handler';
          const allowed = access.roles.includes(role);
          await check(username, client, method, own, [allowed ? 'allowed' : 'refused'], personal);
          // Another agency: refused whatever the role (a record id of ours there is also not found).
          await check(`${username}@${OTHER}`, client, method, other, ['refused'], false);
        }
        if (access.county) {
          // Department users are not members of the county.
          for (const role of ['supervisor', 'office'] as const)
            await check(
              `${userFor('xfj', role)}@${COUNTY}`,
              clients.get(userFor('xfj', role))!,
              method,
              own,
              ['refused'],
              false,
            );
        } else {
          // The county's supervisor/auditor oversee the department; other county roles do not.
          for (const role of ['supervisor', 'auditor', 'office', 'handler'] as const) {
            const overseeing = role === 'supervisor' || role === 'auditor';
            const allowed = overseeing && access.roles.includes(role);
            await check(
              `${userFor('xt', role)}→${DEPARTMENT}`,
              clients.get(userFor('xt', role))!,
              method,
              own,
              [allowed ? 'allowed' : 'refused'],
              false,
            );
          }
        }
      }
      console.log(`access matrix: ${routes.length} routes, ${requests} requests`);
      assert.deepEqual(failures, [], `access matrix mismatches:\n${failures.join('\n')}`);
      assert.deepEqual(
        leaks,
        [],
        `personal data shown to roles that do not handle it:\n${leaks.join('\n')}`,
      );
    });

    test("a record of one agency is not found through another agency's URL", async () => {
      const failures: string[] = [];
      const client = clients.get(OTHER_ALL)!;
      const recordRoutes = routes.filter((r) =>
        [...r.path.matchAll(PARAM)].some((m) => RECORD_PARAMS.has(m[1])),
      );
      assert.ok(recordRoutes.length >= 20, 'the record routes were found');
      for (const { method, path } of recordRoutes) {
        const url = concretePath(path, OTHER, world.ids);
        const res = await send(client, method, url);
        if (res.status !== 404) failures.push(`${method} ${url}: ${res.status}`);
        await res.arrayBuffer();
      }
      // Records of the right agency, but an attachment or letter of another record.
      const { ids } = world;
      const office = clients.get('xfj-office')!;
      for (const url of [
        `/admin/${DEPARTMENT}/cases/${ids.personalCaseId}/letters/${ids.letterId}`,
        `/admin/${DEPARTMENT}/catalog/${ids.draftId}/attachments/${ids.publishedAttachmentId}`,
        `/a/${DEPARTMENT}/items/${ids.publishedId}/files/${ids.draftAttachmentId}`,
        `/a/${DEPARTMENT}/items/${ids.draftId}`,
      ]) {
        const res = await send(office, 'GET', url);
        if (res.status !== 404) failures.push(`GET ${url}: ${res.status}`);
        await res.arrayBuffer();
      }
      assert.deepEqual(
        failures,
        [],
        `records reachable through the wrong URL:\n${failures.join('\n')}`,
      );
    });

    test('ID numbers and phones: in full for office and handler, masked for every other role', async () => {
      const { ids } = world;
      const casePage = `/admin/${DEPARTMENT}/cases/${ids.personalCaseId}`;
      const petitionPage = `/admin/${DEPARTMENT}/petitions/${ids.petitionId}`;
      for (const role of roles) {
        const client = clients.get(userFor('xfj', role))!;
        const personal = role === 'office' || role === 'handler';
        const pages: [string, string, string][] = [
          [petitionPage, SECRET_PETITION_ID, SECRET_PETITION_PHONE],
        ];
        if (role !== 'drafter') pages.push([casePage, SECRET_ID, SECRET_PHONE]);
        for (const [url, id, phone] of pages) {
          const res = await client.get(url);
          assert.equal(res.status, 200, `${role} ${url}`);
          const html = await res.text();
          assert.equal(
            html.includes(id),
            personal,
            `${role} sees the full ID number on ${url}: ${!personal}`,
          );
          assert.equal(
            html.includes(phone),
            personal,
            `${role} sees the full phone on ${url}: ${!personal}`,
          );
          if (!personal) {
            assert.ok(
              html.includes(`${phone.slice(0, 3)}****${phone.slice(-4)}`),
              `${role} sees the masked phone`,
            );
            if (url === casePage)
              assert.ok(html.includes(maskIdNumber(id)), `${role} sees the masked ID`);
          }
        }
      }
    });

    test('applicant names: in full for the case staff of the agency, masked for every other role', async () => {
      const year = new Date().getFullYear();
      const cell = `cases/report/cell?year=${year}&key=t3.new.np`;
      const own = (path: string) => `/admin/${DEPARTMENT}/${path}`;
      const search = own('search?q=访问矩阵测试用申请');
      const pages = [
        own(`cases/${world.ids.personalCaseId}`),
        own('cases'),
        own(cell),
        search,
        own(`cases/${world.ids.personalCaseId}/print`),
      ];
      const seen = (html: string) =>
        html.includes(SECRET_NAME)
          ? 'full'
          : html.includes(maskName(SECRET_NAME))
            ? 'masked'
            : 'none';
      const failures: string[] = [];
      const expect = async (who: string, url: string, wanted: 'full' | 'masked') => {
        const res = await clients.get(who)!.get(url);
        const got = res.status === 200 ? seen(await res.text()) : `HTTP ${res.status}`;
        if (got !== wanted) failures.push(`${who} ${url}: ${got}, expected ${wanted}`);
      };
      for (const role of roles) {
        if (role === 'drafter') continue; // no access to cases at all
        const staff = (CASE_STAFF_ROLES as readonly string[]).includes(role);
        for (const url of pages) await expect(userFor('xfj', role), url, staff ? 'full' : 'masked');
        // Searching by the name finds the case only for the roles that see names.
        const byName = await clients.get(userFor('xfj', role))!.get(own(`search?q=${SECRET_NAME}`));
        const found = (await byName.text()).includes(`/cases/${world.ids.personalCaseId}"`);
        if (found !== staff)
          failures.push(`${role} finds the case by the applicant's name: ${found}`);
      }
      // The county overseeing the department, and the county's own staff looking at its members.
      for (const role of ['supervisor', 'auditor'] as const)
        for (const url of pages) await expect(userFor('xt', role), url, 'masked');
      for (const role of ['office', 'handler', 'supervisor'] as const)
        await expect(userFor('xt', role), `/admin/${COUNTY}/${cell}&members=1`, 'masked');
      assert.deepEqual(failures, [], failures.join('\n'));
    });

    test('logout is open to anyone and ends only the session it is sent with', async () => {
      const client = new TestClient(world.app);
      await client.login('xfj-office', password);
      const bystander = clients.get('xfj-handler')!;
      assert.equal((await send(client, 'POST', '/admin/logout')).status, 303);
      assert.ok(toLogin(await client.get(`/admin/${DEPARTMENT}`)));
      assert.equal((await bystander.get(`/admin/${DEPARTMENT}`)).status, 200);
      assert.equal((await send(anonymous, 'POST', '/admin/logout')).status, 303);
    });
  },
  { demo: true },
);
