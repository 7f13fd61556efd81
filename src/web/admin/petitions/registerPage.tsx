import type { Context } from 'hono';
import type { listPetitions } from '../../../db/petitions.ts';
import { todayInChina } from '../../../law/date.ts';
import { PETITION_CHANNEL_LABELS, type PetitionChannel } from '../../../petitions/channel.ts';
import { PETITION_STATUS_LABELS, type PetitionStatus } from '../../../petitions/clock.ts';
import { canSeePetitionerData, maskName } from '../../../petitions/privacy.ts';
import type { AppEnv } from '../../env.ts';
import { FilterSelect } from '../../views/filterSelect.tsx';
import { NumberedPager } from '../../views/pager.tsx';
import { TableHead } from '../../views/tableHead.tsx';
import { adminFrame } from '../adminPage.tsx';
import { base, crumbs, HANDLING_ROLES, holds } from './common.tsx';

type Listing = Awaited<ReturnType<typeof listPetitions>>;

/** Petitions per page of the register. */
export const PETITIONS_PER_PAGE = 100;

/** The register: every petition of the agency, newest first, with its deadlines. */
export function RegisterPage({
  c,
  listing,
  status,
  page,
}: {
  c: Context<AppEnv>;
  listing: Listing;
  status: string;
  page: number;
}) {
  const { rows, total } = listing;
  const pages = Math.max(1, Math.ceil(total / PETITIONS_PER_PAGE));
  const href = (p: number) =>
    `${base(c.get('agency'))}?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) })}`;
  const agency = c.get('agency');
  const seesPersonal = canSeePetitionerData(c.get('roles'));
  const today = todayInChina();
  return adminFrame(
    c,
    '信访登记',
    crumbs(agency),
    <>
      <h1>信访登记簿</h1>
      <p class="actions">
        {holds(c, HANDLING_ROLES) ? <a href={`${base(agency)}/new`}>登记信访事项</a> : null}
        <a href={`${base(agency)}/statistics`}>信访统计</a>
      </p>
      {seesPersonal ? null : (
        <p class="muted">信访人个人信息仅信访工作人员（办理人、办公室）可见，本页已隐去。</p>
      )}
      <form method="get" action={base(agency)} class="filter">
        <label for="status">状态</label>
        <FilterSelect
          id="status"
          name="status"
          all="全部"
          options={Object.entries(PETITION_STATUS_LABELS)}
          selected={status}
        />
        <button type="submit">筛选</button>
      </form>
      <p class="muted" id="petition-total">
        共{total}件{pages > 1 ? `，每页${PETITIONS_PER_PAGE}件` : ''}
      </p>
      {rows.length === 0 ? (
        <p>暂无登记的信访事项。</p>
      ) : (
        <table class="petition-register">
          <TableHead
            columns={[
              '查询码',
              '收到日期',
              '形式',
              '事项',
              '信访人',
              '状态',
              '受理告知期限',
              '办理期限',
            ]}
          />
          <tbody>
            {rows.map(({ petition: p, petitionerName }) => {
              const name = petitionerName ?? '';
              const lateAcceptance = p.acceptanceDecidedOn === null && today > p.acceptanceDue;
              const lateHandling =
                p.handlingDue !== null && p.closedOn === null && today > p.handlingDue;
              return (
                <tr>
                  <td>
                    <a href={`${base(agency)}/${p.id}`}>{p.queryCode}</a>
                  </td>
                  <td>{p.receivedOn}</td>
                  <td>
                    {PETITION_CHANNEL_LABELS[p.channel as PetitionChannel]}
                    {p.channel === 'visit' ? `（${p.persons}人）` : ''}
                    {p.leaderReceived ? ' · 领导接访' : ''}
                  </td>
                  <td>{p.subject}</td>
                  <td>{seesPersonal ? name : maskName(name)}</td>
                  <td>{PETITION_STATUS_LABELS[p.status as PetitionStatus] ?? p.status}</td>
                  <td class={lateAcceptance ? 'overdue' : undefined}>
                    {p.acceptanceDecidedOn ? `已告知 ${p.acceptanceDecidedOn}` : p.acceptanceDue}
                    {lateAcceptance ? '（已逾期）' : ''}
                  </td>
                  <td class={lateHandling ? 'overdue' : undefined}>
                    {p.closedOn ? `已办结 ${p.closedOn}` : (p.handlingDue ?? '—')}
                    {lateHandling ? '（已逾期）' : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <NumberedPager page={page} pages={pages} href={href} />
    </>,
  );
}
