import { notificationSettings } from '../db/notificationSettings.ts';
import { openDatabase } from '../db/open.ts';
import { GongkaiError } from '../errors.ts';
import { sendDueMessages, transportsFrom } from '../jobs/outboxSender.ts';
import { parseCliArgs, runCommand } from './args.ts';

const usage =
  '用法：gongkai outbox send（发送到期的通知；邮件需配置 GONGKAI_SMTP_URL，短信需配置 GONGKAI_SMS_URL）';

/** `gongkai outbox send`: sends the due notifications once, e.g. from cron when the app is not serving. */
export const run = (args: string[]) =>
  runCommand(async () => {
    const { positionals } = parseCliArgs(args, {});
    if (positionals[0] !== 'send') throw new GongkaiError('cli.arguments', usage);
    const transports = transportsFrom(notificationSettings());
    if (Object.keys(transports).length === 0) {
      throw new GongkaiError('outbox.no-transport', { usage });
    }
    const database = await openDatabase();
    try {
      const { sent, failed } = await sendDueMessages(database.db, transports);
      console.log(`已发送 ${sent} 条通知，${failed} 条发送失败（稍后重试）。`);
      return failed > 0 ? 1 : 0;
    } finally {
      await database.close();
    }
  });
