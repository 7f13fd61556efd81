import { Hono } from 'hono';
import { z } from 'zod';
import { maskPhone } from '../../../cases/identifiers.ts';
import { notificationSettings } from '../../../db/notificationSettings.ts';
import { listMessages, type OutboxRow, retryMessage } from '../../../db/outbox.ts';
import type { AppEnv } from '../../env.ts';
import { parseForm } from '../../form.ts';
import { CsrfField } from '../../views/csrfField.tsx';
import { TableHead } from '../../views/tableHead.tsx';
import { beijingDateTime } from '../../views/time.ts';
import { settingsActor, settingsBase, settingsPage } from './common.tsx';

/**
 * /admin/:agency/settings/notifications — the outbox of applicant notices: what was sent, what is
 * waiting for its next attempt, what failed and why; a failed message can be sent again.
 */
export const notificationRoutes = new Hono<AppEnv>();

const statusLabels: Record<OutboxRow['status'], string> = {
  pending: '待发送',
  sent: '已发送',
  failed: '发送失败',
};

notificationRoutes.get('/', async (c) => {
  const agency = c.get('agency');
  const messages = await listMessages(c.get('database').db, agency.id);
  const settings = notificationSettings();
  const notice = c.req.query('retried') === '1' ? '已重新排队，将在下一轮发送。' : null;
  return settingsPage(
    c,
    '/notifications',
    '通知发送',
    <>
      <p>
        邮件：{settings.smtpUrl ? '已配置' : '未配置（GONGKAI_SMTP_URL）'}；短信：
        {settings.smsUrl ? '已配置' : '未配置（GONGKAI_SMS_URL）'}。通知只写明单位和查询码，
        不含申请人姓名和申请内容。
      </p>
      {messages.length === 0 ? (
        <p>暂无数据</p>
      ) : (
        <div class="gk-table-wrap">
          <table class="data">
            <TableHead columns={['时间', '方式与收件人', '标题', '状态', '操作']} />
            <tbody>
              {messages.map((m) => (
                <tr>
                  <td>{beijingDateTime(m.createdAt)}</td>
                  <td>
                    {m.channel === 'email' ? '邮件' : '短信'} {maskRecipient(m)}
                  </td>
                  <td>{m.subject}</td>
                  <td>
                    {statusLabels[m.status]}
                    {m.status === 'sent' && m.sentAt ? `（${beijingDateTime(m.sentAt)}）` : ''}
                    {m.status !== 'sent' && m.lastError
                      ? `（第 ${m.attempts} 次失败：${m.lastError}）`
                      : ''}
                  </td>
                  <td>
                    {m.status === 'failed' ? (
                      <form method="post" action={`${settingsBase(agency)}/notifications/retry`}>
                        <CsrfField token={c.get('csrfToken')} />
                        <input type="hidden" name="id" value={String(m.id)} />
                        <button type="submit">重新发送</button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>,
    { notice },
  );
});

const retrySchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

notificationRoutes.post('/retry', async (c) => {
  const agency = c.get('agency');
  const form = await parseForm(c, retrySchema);
  if (!form.ok) return c.text('请求无效：缺少要重新发送的通知。', 400);
  const done = await retryMessage(c.get('database').db, agency.id, form.data.id, settingsActor(c));
  if (!done) return c.text('该通知不存在或不是发送失败的状态。', 404);
  return c.redirect(`${settingsBase(agency)}/notifications?retried=1`, 303);
});

function maskRecipient(m: OutboxRow): string {
  if (m.channel === 'sms') return maskPhone(m.recipient);
  const [user, domain] = m.recipient.split('@');
  return `${user.slice(0, 1)}***@${domain ?? ''}`;
}
