import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../../../db/audit.ts';
import { listPetitionAggregates, savePetitionAggregate } from '../../../db/petitionAggregates.ts';
import { createPetitionFromApplication } from '../../../db/petitionHandover.ts';
import { petitionStatistics } from '../../../db/petitionStatistics.ts';
import {
  appendPetitionEvent,
  getPetition,
  listPetitions,
  type PetitionActor,
  registerPetition,
} from '../../../db/petitions.ts';
import { isGongkaiError } from '../../../errors.ts';
import { todayInChina } from '../../../law/date.ts';
import { PETITION_STATUS_LABELS } from '../../../petitions/clock.ts';
import type { PetitionEvent } from '../../../petitions/events.ts';
import { PETITION_ACTIONS } from '../../../petitions/eventTable.ts';
import { canSeePetitionerData } from '../../../petitions/privacy.ts';
import type { AppEnv } from '../../env.ts';
import { type FormState, parseForm } from '../../form.ts';
import { requireRole } from '../../security/guard.ts';
import { againHref, oneTimeSubmission, staleForm } from '../../security/oneTimeForm.ts';
import { AGGREGATE_ROLES, base, HANDLING_ROLES } from './common.tsx';
import { type ActionForm, PetitionPage } from './detailPage.tsx';
import {
  acceptForm,
  aggregateForm,
  answerForm,
  extendForm,
  periodQuery,
  registerForm,
  reviewForm,
} from './forms.ts';
import { NewPetitionPage } from './newPage.tsx';
import { PETITIONS_PER_PAGE, RegisterPage } from './registerPage.tsx';
import { StatisticsPage } from './statisticsPage.tsx';

/** /admin/:agency/petitions — the 信访 register. Every role of the agency may read it (masked). */
export const petitionAdminRoutes = new Hono<AppEnv>();

const actorOf = (c: Context<AppEnv>): PetitionActor => ({
  userId: c.get('user')?.userId,
  ip: c.get('clientIp'),
});
const db = (c: Context<AppEnv>) => c.get('database').db;

petitionAdminRoutes.get('/', async (c) => {
  const requested = c.req.query('status') ?? '';
  const status = Object.hasOwn(PETITION_STATUS_LABELS, requested) ? requested : '';
  const page = z.coerce.number().int().min(1).max(100_000).catch(1).parse(c.req.query('page'));
  const listing = await listPetitions(
    db(c),
    c.get('agency').id,
    { status: status || undefined },
    { page, pageSize: PETITIONS_PER_PAGE },
  );
  return c.html(<RegisterPage c={c} listing={listing} status={status} page={page} />);
});

petitionAdminRoutes.get('/new', requireRole(...HANDLING_ROLES), (c) =>
  c.html(
    <NewPetitionPage
      c={c}
      form={{ raw: { receivedOn: todayInChina(), persons: '1' }, errors: {} }}
    />,
  ),
);

petitionAdminRoutes.post('/new', requireRole(...HANDLING_ROLES), async (c) => {
  const form = await parseForm(c, registerForm);
  if (!form.ok) return c.html(<NewPetitionPage c={c} form={form} />, 400);
  const agencyId = c.get('agency').id;
  const once = await oneTimeSubmission(c, form.raw, 'petition-intake', agencyId);
  if (once.state === 'stale')
    return c.html(<NewPetitionPage c={c} form={staleForm(form.raw)} />, 400);
  const recordPage = (id: number) => `${base(c.get('agency'))}/${id}`;
  if (once.state === 'submitted') return c.redirect(againHref(recordPage(once.recordId)), 303);
  const f = form.data;
  try {
    const id = await once.create(async (tx) => {
      const created = await registerPetition(
        tx,
        {
          agencyId,
          channel: f.channel,
          receivedOn: f.receivedOn,
          persons: f.persons,
          leaderReceived: f.leaderReceived,
          leaderName: f.leaderName,
          leaderLevel: f.leaderLevel || null,
          subject: f.subject,
          content: f.content,
          handlingUnit: f.handlingUnit,
          petitioners: [
            {
              name: f.petitionerName,
              phone: f.petitionerPhone || null,
              email: f.petitionerEmail || null,
              idNumber: f.petitionerIdNumber || null,
              address: f.petitionerAddress,
            },
          ],
        },
        actorOf(c),
      );
      return created.id;
    });
    return c.redirect(recordPage(id), 303);
  } catch (error) {
    if (!isGongkaiError(error)) throw error;
    return c.html(
      <NewPetitionPage c={c} form={{ ...form, errors: {}, message: error.message }} />,
      400,
    );
  }
});

/** Row n1 hand-over from the case page: creates the petition (or finds it) and opens it. */
petitionAdminRoutes.post(
  '/from-application/:applicationId{[0-9]{1,9}}',
  requireRole(...HANDLING_ROLES),
  async (c) => {
    const agency = c.get('agency');
    try {
      const { id } = await createPetitionFromApplication(
        db(c),
        {
          applicationId: Number(c.req.param('applicationId')),
          agencyId: agency.id,
          receivedOn: todayInChina(),
        },
        actorOf(c),
      );
      return c.redirect(`${base(agency)}/${id}`, 303);
    } catch (error) {
      if (isGongkaiError(error) && error.code === 'petition.handover.no-application') {
        return c.notFound();
      }
      throw error;
    }
  },
);

petitionAdminRoutes.get('/statistics', async (c) => {
  const year = todayInChina().slice(0, 4);
  const query = {
    from: c.req.query('from') ?? `${year}-01-01`,
    to: c.req.query('to') ?? `${year}-12-31`,
  };
  const parsed = periodQuery.safeParse(query);
  const periodErrors: Record<string, string> = {};
  let period = { from: `${year}-01-01`, to: `${year}-12-31` };
  if (!parsed.success)
    for (const i of parsed.error.issues) periodErrors[String(i.path[0])] = i.message;
  else if (parsed.data.from > parsed.data.to) periodErrors.to = '结束日期不能早于开始日期';
  else period = parsed.data;
  return statisticsPage(c, period, periodErrors);
});

petitionAdminRoutes.post('/aggregates', requireRole(...AGGREGATE_ROLES), async (c) => {
  const form = await parseForm(c, aggregateForm);
  const year = todayInChina().slice(0, 4);
  const thisYear = { from: `${year}-01-01`, to: `${year}-12-31` };
  if (!form.ok) return statisticsPage(c, thisYear, {}, form, 400);
  const agencyId = c.get('agency').id;
  const { periodFrom, periodTo } = form.data;
  const statistics = `${base(c.get('agency'))}/statistics?from=${periodFrom}&to=${periodTo}`;
  const once = await oneTimeSubmission(c, form.raw, 'petition-aggregate', agencyId);
  if (once.state === 'stale') return statisticsPage(c, thisYear, {}, staleForm(form.raw), 400);
  if (once.state === 'submitted') return c.redirect(againHref(statistics), 303);
  try {
    await once.create(
      async (tx) => (await savePetitionAggregate(tx, agencyId, form.data, actorOf(c))).id,
    );
  } catch (error) {
    if (!isGongkaiError(error)) throw error;
    return statisticsPage(c, thisYear, {}, { ...form, errors: {}, message: error.message }, 400);
  }
  return c.redirect(statistics, 303);
});

async function statisticsPage(
  c: Context<AppEnv>,
  period: { from: string; to: string },
  periodErrors: Record<string, string>,
  form?: FormState,
  status: 200 | 400 = 200,
) {
  const agencyId = c.get('agency').id;
  const stats = await petitionStatistics(db(c), agencyId, period.from, period.to);
  const aggregates = await listPetitionAggregates(db(c), agencyId);
  return c.html(
    <StatisticsPage
      c={c}
      stats={stats}
      aggregates={aggregates}
      periodErrors={periodErrors}
      form={form}
    />,
    status,
  );
}

petitionAdminRoutes.get('/:id{[0-9]{1,9}}', async (c) => {
  const detail = await getPetition(db(c), c.get('agency').id, Number(c.req.param('id')));
  if (!detail) return c.notFound();
  if (canSeePetitionerData(c.get('roles'))) {
    await audit(db(c), {
      userId: c.get('user')?.userId,
      agencyId: c.get('agency').id,
      action: 'petition.view-personal',
      target: `petition:${detail.row.id}`,
      ip: c.get('clientIp'),
    });
  }
  return c.html(<PetitionPage c={c} detail={detail} />);
});

type Action = ActionForm['action'];

/**
 * POST /:id/<action>, for the roles the event table allows: validates the form, turns it into one
 * event and appends it; re-shows the page on any error.
 */
function postAction<S extends z.ZodType>(
  action: Action,
  schema: S,
  toEvent: (data: z.output<S>) => PetitionEvent,
) {
  petitionAdminRoutes.post(
    `/:id{[0-9]{1,9}}/${action}`,
    requireRole(...PETITION_ACTIONS[action].roles),
    async (c) => {
      const agencyId = c.get('agency').id;
      const id = Number(c.req.param('id'));
      const detail = await getPetition(db(c), agencyId, id);
      if (!detail) return c.notFound();
      const form = await parseForm(c, schema);
      const again = (state: ActionForm) =>
        c.html(<PetitionPage c={c} detail={detail} form={state} />, 400);
      if (!form.ok) return again({ action, raw: form.raw, errors: form.errors });
      try {
        await appendPetitionEvent(db(c), agencyId, id, toEvent(form.data), actorOf(c));
      } catch (error) {
        if (!isGongkaiError(error)) throw error;
        return again({ action, raw: form.raw, errors: {}, message: error.message });
      }
      return c.redirect(`${base(c.get('agency'))}/${id}`, 303);
    },
  );
}

postAction('accept', acceptForm, (f) => ({
  type: 'AcceptanceDecided',
  on: f.on,
  decision: f.decision,
  ...(f.note ? { note: f.note } : {}),
}));
postAction('extend', extendForm, (f) => ({ type: 'Extended', ...f }));
postAction('answer', answerForm, (f) => ({
  type: 'Answered',
  on: f.on,
  text: f.text,
  ...(f.servedOn ? { servedOn: f.servedOn } : {}),
}));
postAction('review', reviewForm, reviewEvent);

function reviewEvent(f: z.output<typeof reviewForm>): PetitionEvent {
  const served = f.servedOn ? { servedOn: f.servedOn } : {};
  switch (f.step) {
    case 'review-requested':
      return { type: 'ReviewRequested', on: f.on, stage: 'review' };
    case 'recheck-requested':
      return { type: 'ReviewRequested', on: f.on, stage: 'recheck' };
    case 'review-answered':
      return { type: 'ReviewAnswered', on: f.on, stage: 'review', ...served };
    case 'recheck-answered':
      return { type: 'ReviewAnswered', on: f.on, stage: 'recheck', ...served };
    case 'hearing':
      return { type: 'HearingHeld', on: f.on, until: f.until ?? f.on };
  }
}
