/**
 * Strangers who know a query code cannot lock its applicant out of tracking: the tracking forms
 * are limited per client address only (issue 13, point 4).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { submitApplication } from '../../src/db/cases.ts';
import { registerPetition } from '../../src/db/petitions.ts';
import { todayInChina } from '../../src/law/date.ts';
import { demoApp } from '../support/app.ts';
import { personApplication } from '../support/applications.ts';
import { TestClient } from '../support/client.ts';
import { describeEachDatabase } from '../support/databases.ts';

process.env.GONGKAI_TRUST_PROXY = '1';

const A = '/a/xiangtan-xfj';
let ipCounter = 0;
const freshIp = () => `10.14.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`;

async function trackFrom(
  client: TestClient,
  ip: string,
  path: string,
  code: string,
  phone4: string,
) {
  if (!client.csrf) await client.get(path);
  const body = new URLSearchParams({ _csrf: client.csrf, code, phone4 });
  return client.request(path, {
    method: 'POST',
    headers: { 'x-forwarded-for': ip, 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
}

describeEachDatabase(
  'tracking throttling',
  (database) => {
    let app: Awaited<ReturnType<typeof demoApp>>;
    const codes = { track: '', 'petition/track': '' };
    before(async () => {
      app = await demoApp(database());
      const { db } = database();
      const agency = (await findAgencyByCode(db, 'xiangtan-xfj'))!;
      const today = todayInChina();
      codes.track = (
        await submitApplication(
          db,
          personApplication(
            agency.id,
            today,
            { name: '王五', phone: '13900005678' },
            { description: '2025年信访工作统计数据', form: '纸质', delivery: '邮寄' },
            'online',
          ),
        )
      ).queryCode;
      codes['petition/track'] = (
        await registerPetition(db, {
          agencyId: agency.id,
          channel: 'online',
          receivedOn: today,
          subject: '道路维修',
          content: '请求维修村道。',
          petitioners: [{ name: '赵六', phone: '13800005678' }],
        })
      ).queryCode;
    });

    for (const form of ['track', 'petition/track'] as const) {
      test(`${form}: 60 wrong guesses on one code from three addresses leave its applicant able to track`, async () => {
        const path = `${A}/${form}`;
        const guessers = [freshIp(), freshIp(), freshIp()];
        const statuses: number[] = [];
        for (const ip of guessers) {
          const client = new TestClient(app);
          for (let i = 0; i < 20; i++)
            statuses.push((await trackFrom(client, ip, path, codes[form], `${1000 + i}`)).status);
          const over = await trackFrom(client, ip, path, codes[form], '5678');
          assert.equal(
            over.status,
            429,
            'the guessing address is limited, even with the right digits',
          );
        }
        assert.ok(
          statuses.every((s) => s === 404),
          'every guess within the limit is checked',
        );
        const applicant = await trackFrom(
          new TestClient(app),
          freshIp(),
          path,
          codes[form],
          '5678',
        );
        // The application's tracking opens a session and leads to its case page; petitions answer at once.
        assert.equal(applicant.status, form === 'track' ? 303 : 200, 'the applicant still tracks');
        const page = form === 'track' ? applicant.headers.get('location') : await applicant.text();
        assert.match(page ?? '', form === 'track' ? /\/track\/case$/ : /办理进度/);
      });
    }
  },
  { demo: true },
);
