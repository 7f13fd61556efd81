/**
 * /admin/:agency/reports — the annual report of each year: computed from the records, every cell
 * linked to its records, the findings panel, the text editor, approve / publish / amend, the
 * previous year's report (from gongkai or imported), exports.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { factFieldHelp, factFields } from '../../../annual/facts.ts';
import {
  findAnnualReportRow,
  findImportedReport,
  getVersion,
  listAmendments,
  listAnnualReportRows,
  versionReport,
} from '../../../db/annual.ts';
import { GongkaiError, isGongkaiError } from '../../../errors.ts';
import { draftPdf } from '../../../jobs/draftPdf.ts';
import { pooledRenderer } from '../../../jobs/reportRender.ts';
import { todayInChina } from '../../../law/date.ts';
import type { AnnualReport } from '../../../report/model.ts';
import { cellText } from '../../../report/render/value.ts';
import { type ComposedReport, composeReport } from '../../../services/annual/compose.ts';
import { confirmImportedCells } from '../../../services/annual/import.ts';
import { reportStatus, standingLabel } from '../../../services/annual/status.ts';
import { reportFacts, reportTemplates } from '../../../services/annual/textProvider.ts';
import {
  approveReport,
  pendingAmendments,
  publishAmendment,
  publishReport,
  reopenReport,
  saveReportTexts,
  versionFile,
} from '../../../services/annual/workflow.ts';
import type { AppEnv } from '../../env.ts';
import { parseForm } from '../../form.ts';
import { requireRole } from '../../security/guard.ts';
import { CsrfField } from '../../views/csrfField.tsx';
import { TableHead } from '../../views/tableHead.tsx';
import { beijingDate } from '../../views/time.ts';
import { cellRoute } from './cellPage.tsx';
import { streamPreviousImport } from './importProgress.tsx';
import { actorOf, type C, hasRole, reportsBase, reportsPage, yearParam } from './page.tsx';
import { FindingsPanel, ReportView } from './reportTable.tsx';

export const reportRoutes = new Hono<AppEnv>();

reportRoutes.get('/', async (c) => {
  const db = c.get('database').db;
  const agency = c.get('agency');
  const today = todayInChina();
  const current = Number(today.slice(0, 4));
  const rows = await listAnnualReportRows(db, [agency.id]);
  // Every year from the earliest report (at least the last three) to the year in progress, gaps included.
  const first = Math.max(2008, Math.min(current - 3, ...rows.map((r) => r.year)));
  const years = Array.from({ length: current - first + 1 }, (_, i) => current - i);
  const statuses = [];
  for (const year of years)
    statuses.push({ year, ...(await reportStatus(db, agency, year, today)) });
  return reportsPage(
    c,
    `${agency.name}年度报告`,
    <>
      <h1>政府信息公开工作年度报告</h1>
      <p class="muted">
        报告由本单位的办理记录、公开目录和登记簿自动计算；审核通过并发布后锁定，之后记录变化以更正形式发布。
        {agency.kind === 'government' ? '本级政府的报告为本机关及所属各单位的汇总。' : ''}
      </p>
      {agency.kind === 'government' && hasRole(c, 'supervisor', 'office', 'admin') ? (
        <p>
          <a href={`/admin/${agency.code}/county/${current - 1}`}>各单位年报情况与汇总 →</a>
        </p>
      ) : null}
      <table class="data">
        <TableHead columns={['年度', '状态', '发布期限', '发布日期', '错误', '警告']} />
        <tbody>
          {statuses.map((s) => (
            <tr>
              <td>
                <a href={`${reportsBase(c)}/${s.year}`}>{s.year}年度</a>
              </td>
              <td class={`state-${s.standing.state}`}>
                {standingLabel(s)}
                {s.amendments > 0 ? `（${s.amendments}格待更正）` : ''}
              </td>
              <td>
                {s.due}
                {s.localDue ? '（本地规定）' : ''}
              </td>
              <td>{s.publishedOn ?? '—'}</td>
              <td>{s.errors}</td>
              <td>{s.warnings}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>,
  );
});

interface PageState {
  message?: string;
  error?: string;
  texts?: Record<string, string>;
}

async function showReport(c: C, year: number, state: PageState = {}, status: 200 | 400 = 200) {
  const db = c.get('database').db;
  const agency = c.get('agency');
  const base = `${reportsBase(c)}/${year}`;
  const row = await findAnnualReportRow(db, agency.id, year);
  const composed: ComposedReport = await composeReport(db, agency, year);
  const published =
    row?.publishedVersionId != null
      ? versionReport((await getVersion(db, row.publishedVersionId))!)
      : null;
  const pending = row?.status === 'published' ? await pendingAmendments(db, agency, year) : null;
  const amendments = row ? await listAmendments(db, row.id) : [];
  const imported = await findImportedReport(db, agency.id, year - 1);
  const status_ = await reportStatus(db, agency, year, todayInChina());
  const shown: AnnualReport = published ?? composed.report;
  const link = (key: string) => `${base}/cell/${key}`;
  const canEdit = hasRole(c, 'office', 'drafter') && row?.status !== 'published';
  const isOffice = hasRole(c, 'office');
  const ctx = {
    db,
    agency,
    year,
    agencyIds: [agency.id],
  };
  const templates = await reportTemplates(ctx);
  const fields = factFields(await reportFacts(ctx), composed.report.cells);
  const token = c.get('csrfToken');
  const errors = composed.findings.filter((f) => f.severity === 'error').length;
  return reportsPage(
    c,
    `${year}年度报告`,
    <>
      <h1>
        {agency.name}
        {year}年政府信息公开工作年度报告
      </h1>
      {state.message ? <p class="notice">{state.message}</p> : null}
      {state.error ? (
        <p class="alert" role="alert">
          {state.error}
        </p>
      ) : null}
      <dl class="facts report-status">
        <dt>状态</dt>
        <dd class={`state-${status_.standing.state}`}>{standingLabel(status_)}</dd>
        <dt>发布期限</dt>
        <dd>
          {status_.due}
          {status_.localDue ? '（本地规定，早于法定期限）' : '（条例第四十九条）'}
        </dd>
        {row?.publishedOn ? (
          <>
            <dt>发布日期</dt>
            <dd>
              {row.publishedOn}
              {row.publicationId ? (
                <>
                  {' '}
                  <a href={`/admin/${agency.code}/catalog/${row.publicationId}`}>公开目录条目</a>{' '}
                  <a href={`/a/${agency.code}/annual/${year}`}>门户网站</a>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        <dt>上年度报告</dt>
        <dd>{previousText(composed)}</dd>
      </dl>
      <div class="toolbar report-actions">
        <span>导出：</span>
        {(['html', 'docx', 'pdf', 'xlsx', 'json'] as const).map((f) => (
          <a href={`${base}/export/${f}`} download>
            {f.toUpperCase()}
          </a>
        ))}
        {isOffice && (row?.status ?? 'draft') === 'draft' ? (
          <form method="post" action={`${base}/approve`} class="inline">
            <CsrfField token={token} />
            <button type="submit" disabled={errors > 0}>
              审核通过
            </button>
            {errors > 0 ? <span class="muted">（还有{errors}项错误，不能审核通过）</span> : null}
          </form>
        ) : null}
        {isOffice && row?.status === 'approved' ? (
          <>
            <form method="post" action={`${base}/publish`} class="inline">
              <CsrfField token={token} />
              <button type="submit">发布并锁定</button>
            </form>
            <form method="post" action={`${base}/reopen`} class="inline">
              <CsrfField token={token} />
              <button type="submit">退回修改</button>
            </form>
          </>
        ) : null}
      </div>
      {pending && (pending.cells.length > 0 || pending.sections.length > 0) ? (
        <section class="panel amendments" id="amendments">
          <h2>待发布的更正</h2>
          <p>
            报告发布后，以下内容因记录变化与已发布的报告不一致。已发布的报告不会自动改变；确认后请发布更正。
          </p>
          <table class="data">
            <TableHead columns={['单元格', '已发布', '按现有记录']} />
            <tbody>
              {pending.cells.map((cell) => (
                <tr>
                  <td>
                    <a href={link(cell.key)}>{cell.key}</a>
                  </td>
                  <td>{cellText(cell.before as never)}</td>
                  <td>{cellText(cell.after as never)}</td>
                </tr>
              ))}
              {pending.sections.map((s) => (
                <tr>
                  <td>{s} 正文</td>
                  <td colspan={2}>所引用的记录数字已变化</td>
                </tr>
              ))}
            </tbody>
          </table>
          {isOffice ? (
            <form method="post" action={`${base}/amend`} class="form">
              <CsrfField token={token} />
              <label>
                更正原因
                <input name="reason" required minlength={4} maxlength={500} />
              </label>
              <button type="submit">发布更正</button>
            </form>
          ) : null}
        </section>
      ) : null}
      {amendments.length > 0 ? (
        <section class="panel">
          <h2>已发布的更正</h2>
          <ul>
            {amendments.map((a) => (
              <li>
                {beijingDate(a.at)} {a.reason}（{a.cells.map((x) => x.key).join('、')}）
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <FindingsPanel findings={composed.findings} link={link} />
      {composed.unreceived.length > 0 ? (
        <section class="panel">
          <h2>未计入表三的申请</h2>
          <ul>
            {composed.unreceived.map((a) => (
              <li>
                <a href={`/admin/${agency.code}/cases/${a.id}`}>申请 {a.id}</a>（{a.submittedOn}
                提交，未登记收到日期）
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {published ? <p class="muted">以下为已发布（锁定）的报告。</p> : null}
      <ReportView report={shown} findings={composed.findings} link={link} />
      {canEdit ? (
        <TextEditor
          action={`${base}/texts`}
          token={token}
          texts={{ ...templates, ...(state.texts ?? {}) }}
          fields={fields}
        />
      ) : null}
      {isOffice && row?.status !== 'published' ? (
        <PreviousPanel
          base={base}
          token={token}
          year={year}
          imported={imported}
          previous={composed}
        />
      ) : null}
    </>,
    [],
    status,
  );
}

function previousText(composed: ComposedReport): string {
  const p = composed.previous;
  if (p.source === 'gongkai') return '本系统已发布的上年度报告（用于R8、R9检查）';
  if (p.source === 'imported') return `导入的文件“${p.filename}”（已确认，用于R8、R9检查）`;
  if (p.source === 'unconfirmed')
    return `导入的文件“${p.filename}”还有${p.pending.length}个单元格待确认，确认前不用于检查`;
  return '无（R8、R9 暂不检查；可在下方导入上年度报告文件）';
}

function TextEditor(props: {
  action: string;
  token: string;
  texts: Record<string, string>;
  fields: Record<string, string>;
}) {
  const labels: [string, string][] = [
    ['S1', '一、总体情况'],
    ['S5', '五、存在的主要问题及改进情况'],
    ['S6', '六、其他需要报告的事项'],
  ];
  return (
    <section class="panel" id="texts">
      <h2>编辑正文</h2>
      <p class="muted">
        数字请使用下列 {'{{字段}}'}
        ，生成报告时按记录自动填入，与表格保持一致；“（请填写……）”须替换为实际内容。
      </p>
      <form method="post" action={props.action} class="form">
        <CsrfField token={props.token} />
        {labels.map(([key, label]) => (
          <div class="field report-text">
            <label for={`text-${key}`}>{label}</label>
            <textarea id={`text-${key}`} name={key} rows={key === 'S1' ? 14 : 6} maxlength={20000}>
              {props.texts[key] ?? ''}
            </textarea>
          </div>
        ))}
        <button type="submit">保存正文</button>
      </form>
      <details>
        <summary>可用字段及当前取值</summary>
        <table class="data">
          <tbody>
            {Object.entries(props.fields).map(([name, value]) => (
              <tr>
                <th scope="row">{`{{${name}}}`}</th>
                <td>{factFieldHelp[name]}</td>
                <td>{value || '（空）'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

function PreviousPanel(props: {
  base: string;
  token: string;
  year: number;
  imported: Awaited<ReturnType<typeof findImportedReport>>;
  previous: ComposedReport;
}) {
  const pending =
    props.previous.previous.source === 'unconfirmed' ? props.previous.previous.pending : [];
  const report = props.imported?.report as unknown as AnnualReport | undefined;
  return (
    <section class="panel" id="previous">
      <h2>上年度（{props.year - 1}年）报告</h2>
      {pending.length > 0 ? (
        <form method="post" action={`${props.base}/previous/confirm`} class="form">
          <CsrfField token={props.token} />
          <p>
            以下单元格未能从文件中确定，请对照原件填写（数字，或 blank 表示空白、slash 表示“/”）：
          </p>
          {pending.map((key) => {
            const value = report?.cells[key as keyof AnnualReport['cells']];
            const candidates =
              value && typeof value === 'object' ? value.candidates.join('、') : '';
            return (
              <label>
                {key}
                {candidates ? `（可能为：${candidates}）` : ''}
                <input name={`cell.${key}`} inputmode="numeric" maxlength={20} />
              </label>
            );
          })}
          <button type="submit">确认</button>
        </form>
      ) : null}
      <form
        method="post"
        action={`${props.base}/previous`}
        enctype="multipart/form-data"
        class="form"
      >
        <CsrfField token={props.token} />
        <label>
          导入上年度报告文件（txt、html、docx、pdf、xlsx，不超过1 MB）
          <input
            type="file"
            name="file"
            required
            accept=".txt,.md,.html,.htm,.docx,.pdf,.xlsx,.json"
          />
        </label>
        <button type="submit">导入</button>
      </form>
    </section>
  );
}

reportRoutes.get('/:year{[0-9]{4}}', async (c) => {
  const year = yearParam(c);
  if (year === null) return c.notFound();
  const done = c.req.query('done');
  const messages: Record<string, string> = {
    texts: '正文已保存。',
    approved: '报告已审核通过。',
    reopened: '报告已退回修改。',
    published: '报告已发布并锁定，已进入公开目录的“政府信息公开年报”栏目。',
    amended: '更正已发布。',
    imported: '上年度报告已导入。',
    confirmed: '已保存确认的数值。',
  };
  return showReport(c, year, { message: done ? messages[done] : undefined });
});

/** Runs an action; a GongkaiError is shown on the report page with what was typed. */
async function act(
  c: C,
  year: number | null,
  body: (year: number) => Promise<string>,
  texts?: Record<string, string>,
) {
  if (year === null) return c.notFound();
  try {
    const done = await body(year);
    return c.redirect(`${reportsBase(c)}/${year}?done=${done}`, 303);
  } catch (error) {
    if (!isGongkaiError(error)) throw error;
    return showReport(c, year, { error: error.message, texts }, 400);
  }
}

const textsSchema = z.object({
  S1: z.string().max(20000, '正文过长'),
  S5: z.string().max(20000, '正文过长'),
  S6: z.string().max(20000, '正文过长'),
});

reportRoutes.post('/:year{[0-9]{4}}/texts', requireRole('office', 'drafter'), async (c) => {
  const form = await parseForm(c, textsSchema);
  const year = yearParam(c);
  if (!form.ok)
    return year === null
      ? c.notFound()
      : showReport(c, year, { error: Object.values(form.errors).join('；'), texts: form.raw }, 400);
  return act(
    c,
    year,
    async (y) => {
      await saveReportTexts(c.get('database').db, c.get('agency'), y, form.data, actorOf(c));
      return 'texts';
    },
    form.raw,
  );
});

reportRoutes.post('/:year{[0-9]{4}}/approve', requireRole('office'), (c) =>
  act(c, yearParam(c), async (y) => {
    await approveReport(c.get('database').db, c.get('agency'), y, actorOf(c));
    return 'approved';
  }),
);

reportRoutes.post('/:year{[0-9]{4}}/reopen', requireRole('office'), (c) =>
  act(c, yearParam(c), async (y) => {
    await reopenReport(c.get('database').db, c.get('agency'), y, actorOf(c));
    return 'reopened';
  }),
);

/** PDF rendering needs LibreOffice; without it the PDF is rendered on first download instead. */
const pdfOnPublish = () => process.env.GONGKAI_PUBLISH_PDF !== '0';

reportRoutes.post('/:year{[0-9]{4}}/publish', requireRole('office'), (c) =>
  act(c, yearParam(c), async (y) => {
    await publishReport(c.get('database').db, c.get('agency'), y, actorOf(c), {
      today: todayInChina(),
      pdf: pdfOnPublish(),
    });
    return 'published';
  }),
);

const amendSchema = z.object({
  reason: z.string().trim().min(4, '请填写更正原因（至少4个字）').max(500),
});

reportRoutes.post('/:year{[0-9]{4}}/amend', requireRole('office'), async (c) => {
  const form = await parseForm(c, amendSchema);
  const year = yearParam(c);
  if (!form.ok)
    return year === null ? c.notFound() : showReport(c, year, { error: form.errors.reason }, 400);
  return act(c, year, async (y) => {
    await publishAmendment(c.get('database').db, c.get('agency'), y, form.data.reason, actorOf(c), {
      today: todayInChina(),
      pdf: pdfOnPublish(),
    });
    return 'amended';
  });
});

const maxUpload = 1024 * 1024;

const refuse = (c: C, year: number, error: GongkaiError) =>
  showReport(c, year, { error: error.message }, 400);

reportRoutes.post('/:year{[0-9]{4}}/previous', requireRole('office'), async (c) => {
  const year = yearParam(c);
  if (year === null) return c.notFound();
  const body = await c.req.parseBody();
  const file = body.file;
  // A missing or oversized file is refused at once, on the report page; the rest streams.
  if (!(file instanceof File) || file.size === 0)
    return refuse(c, year, new GongkaiError('annual.import.file', '请选择上年度报告文件。'));
  if (file.size > maxUpload)
    return refuse(c, year, new GongkaiError('annual.import.size', '文件超过1 MB。'));
  const name = file.name.replace(/[^\p{L}\p{N}._\- ]/gu, '_').slice(-120) || 'report.txt';
  return streamPreviousImport(c, year, { name, data: Buffer.from(await file.arrayBuffer()) });
});

reportRoutes.post('/:year{[0-9]{4}}/previous/confirm', requireRole('office'), async (c) => {
  const year = yearParam(c);
  const body = await c.req.parseBody();
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(body))
    if (
      k.startsWith('cell.') &&
      typeof v === 'string' &&
      /^t[234]\.[a-z0-9]+\.[a-zA-Z]+$/.test(k.slice(5))
    )
      values[k.slice(5)] = v.slice(0, 20);
  return act(c, year, async (y) => {
    await confirmImportedCells(c.get('database').db, c.get('agency'), y - 1, values, actorOf(c));
    return 'confirmed';
  });
});

const exportTypes = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
} as const;

reportRoutes.get('/:year{[0-9]{4}}/export/:format', async (c) => {
  const year = yearParam(c);
  const format = c.req.param('format') as keyof typeof exportTypes;
  if (year === null || !(format in exportTypes)) return c.notFound();
  const db = c.get('database').db;
  const agency = c.get('agency');
  const row = await findAnnualReportRow(db, agency.id, year);
  const renderer = pooledRenderer(c.get('jobs'));
  let data: Buffer;
  if (row?.publishedVersionId)
    data = await versionFile(db, row.publishedVersionId, format, renderer);
  else {
    const { report } = await composeReport(db, agency, year);
    data = format === 'pdf' ? await draftPdf(report, renderer) : await renderer(report, format);
  }
  const draft = row?.status === 'published' ? '' : '（草稿）';
  const filename = `${agency.name}${year}年政府信息公开工作年度报告${draft}.${format}`;
  return c.body(new Uint8Array(data), 200, {
    'content-type': exportTypes[format],
    'content-disposition': `attachment; filename="report.${format}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  });
});

reportRoutes.get('/:year{[0-9]{4}}/cell/:key', cellRoute);
