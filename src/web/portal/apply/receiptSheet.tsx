/**
 * The printable 回执 of an application, online or on paper: what the applicant keeps to prove
 * the date and to track the case. Shared by the online receipt page and the staff case page.
 */
import { formatQueryCode } from '../../../cases/queryCode.ts';
import type { ApplicationRow } from '../../../db/cases.ts';
import { REPLY_WORKDAYS } from '../../../law/clock.ts';
import { CHANNEL_LABELS } from '../../../law/receipt.ts';

export function ReceiptSheet(p: {
  agency: { name: string; code: string };
  row: ApplicationRow;
  /** The site's address, for the tracking instructions. */
  origin: string;
  back: { href: string; label: string };
}) {
  const { row } = p;
  const channel = CHANNEL_LABELS[row.channel as keyof typeof CHANNEL_LABELS] ?? row.channel;
  return (
    <section class="receipt-sheet" aria-labelledby="receipt-title">
      <h1 id="receipt-title">政府信息公开申请回执</h1>
      <p class="receipt-agency">{p.agency.name}</p>
      <dl class="facts">
        <dt>查询码</dt>
        <dd>
          <strong data-query-code={row.queryCode}>{formatQueryCode(row.queryCode)}</strong>
        </dd>
        <dt>申请人</dt>
        <dd>{row.applicantName}</dd>
        <dt>提交方式</dt>
        <dd>{channel}</dd>
        <dt>提交日期</dt>
        <dd>{row.submittedOn}</dd>
        <dt>收到申请之日</dt>
        <dd data-received={row.receivedOn ?? ''}>
          {row.receivedOn ?? '待工作机构确认（网上提交的申请，以双方确认之日为收到申请之日）'}
        </dd>
        <dt>申请公开的内容</dt>
        <dd>{row.request.description}</dd>
        <dt>答复期限</dt>
        <dd>
          {row.replyDue ? `${row.replyDue}（` : ''}
          依据《中华人民共和国政府信息公开条例》第三十三条，自收到申请之日起{REPLY_WORKDAYS}
          个工作日内答复；需要延长的，经批准可延长不超过20个工作日，并告知申请人。补正、征求意见的时间不计算在内
          {row.replyDue ? '）' : ''}。
        </dd>
        <dt>查询办理进度</dt>
        <dd>
          访问 {p.origin}/a/{p.agency.code}/track
          ，凭查询码和联系电话后4位查询办理进度、补正、缴费和答复文书。
        </dd>
      </dl>
      <p class="receipt-stamp">{p.agency.name}（盖章）</p>
      <p class="no-print">
        请使用浏览器的“打印”功能（Ctrl+P）打印本回执。<a href={p.back.href}>{p.back.label}</a>
      </p>
    </section>
  );
}
