/**
 * The applicant's tracking pages (/a/:agency/track…): the query code and phone digits open a
 * tracking session bound to that one case (trackSession.ts); the case page, its letters and
 * files, the online 补正 and the printable 回执 all read the case from the session.
 */
import { type Context, Hono } from 'hono';
import { normalizeQueryCode } from '../../../cases/queryCode.ts';
import type { Agency } from '../../../db/agencies.ts';
import { type CaseFileInfo, caseFilesOf, readCaseFile } from '../../../db/caseFiles.ts';
import {
  type ApplicationRow,
  findByQueryCode,
  letterContent,
  lettersOf,
  loadCase,
} from '../../../db/cases.ts';
import { hitRateLimit } from '../../../db/rateLimit.ts';
import { answerSupplement } from '../../../db/supplementAnswer.ts';
import { isGongkaiError } from '../../../errors.ts';
import { todayInChina } from '../../../law/date.ts';
import { docxResponse, fileResponse } from '../../download.ts';
import type { AppEnv } from '../../env.ts';
import type { FormState } from '../../form.ts';
import { onceField } from '../../security/onceToken.tsx';
import { oneTimeSubmission, STALE_FORM_MESSAGE } from '../../security/oneTimeForm.ts';
import { recordId } from '../../security/recordIds.ts';
import { sectionPage, withPortalAgency } from '../agencyPage.tsx';
import { TrackForm } from '../trackForm.tsx';
import type { Errors } from './fields.tsx';
import { publicLimits } from './limits.ts';
import { ReceiptSheet } from './receiptSheet.tsx';
import { parseSupplementAnswer } from './supplementAnswer.ts';
import { type SupplementForm, type TrackedCase, TrackPage } from './trackPage.tsx';
import { endTrackSession, startTrackSession, trackedApplication } from './trackSession.ts';

export const trackRoutes = new Hono<AppEnv>();
trackRoutes.use('/a/:agency/track/*', withPortalAgency);

type C = Context<AppEnv>;

const base = (agency: Agency) => `/a/${agency.code}/track`;

const page = sectionPage('查询办理进度', 'track');

function trackForm(c: C, agency: Agency, form: FormState) {
  const csrf = c.get('csrfToken');
  const example = '7KQ2-MZ9D-4XHP';
  return (
    <TrackForm
      title="查询办理进度"
      action={base(agency)}
      csrf={csrf}
      form={form}
      example={example}
    />
  );
}

trackRoutes.get('/a/:agency/track', async (c) => {
  const agency = c.get('agency');
  const expired = c.req.query('expired') === '1' ? '查询已超时，请重新输入查询码。' : undefined;
  return page(
    c,
    agency,
    '查询办理进度',
    trackForm(c, agency, { raw: {}, errors: {}, message: expired }),
  );
});

/** Finds the case for a code and phone digits, counting every attempt against guessing. */
async function verify(c: C, agency: Agency, raw: Record<string, string>) {
  const db = c.get('database').db;
  const code = normalizeQueryCode(raw.code ?? '');
  const phone4 = (raw.phone4 ?? '').trim();
  const errors: Errors = {};
  if (!code) errors.code = '查询码为12位字母和数字';
  if (!/^\d{4}$/.test(phone4)) errors.phone4 = '请填写联系电话的后4位数字';
  const byIp = await hitRateLimit(db, `track:ip:${c.get('clientIp')}`, publicLimits.track);
  if (!byIp.allowed)
    return { ok: false, error: '查询过于频繁，请稍后再试。', errors, status: 429 } as const;
  if (!code || errors.phone4) return { ok: false, error: undefined, errors, status: 400 } as const;
  const row = await findByQueryCode(db, agency.id, code);
  if (!row?.phoneDigits.endsWith(phone4)) {
    return { ok: false, error: '查询码或联系电话后4位不正确。', errors, status: 404 } as const;
  }
  return { ok: true, row } as const;
}

trackRoutes.post('/a/:agency/track', async (c) => {
  const agency = c.get('agency');
  const raw = (await c.req.parseBody()) as Record<string, string>;
  const found = await verify(c, agency, raw);
  if (!found.ok) {
    const form = trackForm(c, agency, { raw, errors: found.errors, message: found.error });
    return page(c, agency, '查询办理进度', form, found.status);
  }
  startTrackSession(c, agency, found.row.id);
  return c.redirect(`${base(agency)}/case`, 303);
});

/** The agency and the tracked case, or the response to send instead. */
async function tracked(c: C) {
  const agency = c.get('agency');
  const id = trackedApplication(c, agency);
  const loaded = id === null ? undefined : await loadCase(c.get('database').db, id);
  if (!loaded || loaded.row.agencyId !== agency.id) {
    return { response: c.redirect(`${base(agency)}?expired=1`, 303) } as const;
  }
  return { agency, ...loaded } as const;
}

/** Letters and the reply are the applicant's once served (the decision letter, not before). */
function letterVisible(row: ApplicationRow, letter: { kind: string; toApplicant: boolean }) {
  return letter.toApplicant && (letter.kind !== 'decision' || row.servedOn !== null);
}

/** Their own uploads; the released documents go with the reply letter, once it is served. */
function fileVisible(row: ApplicationRow, file: Pick<CaseFileInfo, 'purpose' | 'userId'>) {
  if (file.userId === null) return true;
  return file.purpose === 'released' && row.servedOn !== null;
}

async function trackedCase(
  c: C,
  found: { row: ApplicationRow } & Omit<TrackedCase, 'row' | 'letters' | 'files'>,
): Promise<TrackedCase> {
  const db = c.get('database').db;
  const letters = (await lettersOf(db, found.row.id)).filter((l) => letterVisible(found.row, l));
  const files = (await caseFilesOf(db, found.row.id)).filter((f) => fileVisible(found.row, f));
  return { row: found.row, events: found.events, state: found.state, letters, files };
}

async function casePage(c: C, supplement: SupplementForm, status = 200) {
  const found = await tracked(c);
  if ('response' in found) return found.response;
  const body = (
    <TrackPage
      base={base(found.agency)}
      csrf={c.get('csrfToken')}
      tracked={await trackedCase(c, found)}
      today={todayInChina()}
      answered={c.req.query('answered') === '1'}
      supplement={supplement}
    />
  );
  return page(c, found.agency, '办理进度', body, status);
}

trackRoutes.get('/a/:agency/track/case', (c) => casePage(c, { text: '' }));

/** The tracked case and the record its download path names; none outside a session. */
async function downloadTarget(c: C) {
  const found = await tracked(c);
  if ('response' in found) return undefined; // a download outside a session names nothing
  const id = recordId(c.req.param('id'));
  return id ? { row: found.row, id } : undefined;
}

trackRoutes.get('/a/:agency/track/letters/:id{[0-9]{1,9}}', async (c) => {
  const target = await downloadTarget(c);
  const letter = target && (await letterContent(c.get('database').db, target.row.id, target.id));
  if (!letter || !letterVisible(target.row, letter)) return c.notFound();
  return docxResponse(c, letter.content, `${letter.title}.docx`);
});

trackRoutes.get('/a/:agency/track/files/:id{[0-9]{1,9}}', async (c) => {
  const target = await downloadTarget(c);
  const file = target && (await readCaseFile(c.get('database').db, target.row.id, target.id));
  if (!file || !fileVisible(target.row, file)) return c.notFound();
  return fileResponse(c, file.data, file.mediaType, file.filename);
});

trackRoutes.post('/a/:agency/track/supplement', async (c) => {
  const found = await tracked(c);
  if ('response' in found) return found.response;
  const { agency, row } = found;
  const body = await c.req.parseBody({ all: true });
  const raw = { [onceField]: typeof body[onceField] === 'string' ? body[onceField] : '' };
  const text = typeof body.text === 'string' ? body.text : '';
  const refuse = (error: string, once?: string) => casePage(c, { text, error, once }, 400);
  const once = await oneTimeSubmission(c, raw, 'track-supplement', agency.id);
  if (once.state === 'stale') return refuse(STALE_FORM_MESSAGE);
  const done = `${base(agency)}/case?answered=1`;
  if (once.state === 'submitted') return c.redirect(done, 303);
  const request = found.events.findLast((e) => e.type === 'SupplementRequested');
  const today = todayInChina();
  if (found.state.supplement !== 'requested' || !request) {
    return refuse('本件没有待补正的补正告知。', once.token);
  }
  if (today > request.deadline) return refuse('补正期限已过，不能在网上提交补正。');
  const parsed = await parseSupplementAnswer(body);
  if (!parsed.ok) return refuse(parsed.error, once.token);
  try {
    await once.create(async (tx) => {
      const actor = { ip: c.get('clientIp'), agencyId: agency.id, today };
      await answerSupplement(tx, row.id, parsed.answer, actor);
      return row.id;
    });
  } catch (error) {
    if (!isGongkaiError(error)) throw error;
    return refuse(`${error.message}补正未提交，请修改后重新提交。`, once.token);
  }
  return c.redirect(done, 303);
});

trackRoutes.get('/a/:agency/track/receipt', async (c) => {
  const found = await tracked(c);
  if ('response' in found) return found.response;
  const sheet = (
    <ReceiptSheet
      agency={found.agency}
      row={found.row}
      origin={new URL(c.req.url).origin}
      back={{ href: `${base(found.agency)}/case`, label: '返回办理进度' }}
    />
  );
  return page(c, found.agency, '申请回执', sheet);
});

trackRoutes.get('/a/:agency/track/end', async (c) => {
  const agency = c.get('agency');
  endTrackSession(c, agency);
  return c.redirect(base(agency), 303);
});
