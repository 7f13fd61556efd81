import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  intakeDateErrors,
  looksLikeDuplicate,
  type RegisteredApplication,
  sameRequest,
} from '../../src/cases/intake.ts';

const today = '2026-03-10';

test('contradictory registration dates are refused per field, in Chinese', () => {
  const cases: [Parameters<typeof intakeDateErrors>[0], Record<string, RegExp>][] = [
    [{ channel: 'in-person', submittedOn: '2026-03-10' }, {}],
    [{ channel: 'post-signed', submittedOn: '2026-03-02', receivedOn: '2026-03-05' }, {}],
    [{ channel: 'post', submittedOn: '2026-03-02' }, {}],
    [{ channel: 'in-person', submittedOn: '2026-03-11' }, { submittedOn: /不能晚于今天/ }],
    [{ channel: 'fax', submittedOn: '2001-01-01' }, { submittedOn: /条例》施行之日/ }],
    [
      { channel: 'post-signed', submittedOn: '2026-03-05', receivedOn: '2026-03-02' },
      { receivedOn: /不能早于提交日期（2026-03-05）/ },
    ],
    [
      { channel: 'fax', submittedOn: '2026-03-05', receivedOn: '2026-04-01' },
      { receivedOn: /收到申请之日（2026-04-01）不能晚于今天/ },
    ],
    [
      { channel: 'in-person', submittedOn: '2026-03-05', receivedOn: '2026-03-06' },
      { receivedOn: /当面提交的，收到申请之日就是提交之日/ },
    ],
    [{ channel: 'in-person', submittedOn: '2026-03-05', receivedOn: '2026-03-05' }, {}],
  ];
  for (const [dates, expected] of cases) {
    const errors = intakeDateErrors(dates, today);
    assert.deepEqual(
      Object.keys(errors).sort(),
      Object.keys(expected).sort(),
      JSON.stringify(dates),
    );
    for (const [field, pattern] of Object.entries(expected)) assert.match(errors[field], pattern);
  }
});

test('the same request retyped with other spacing or punctuation is the same request', () => {
  const a = '2024年湘潭县信访局受理信访事项的统计数据';
  assert.ok(sameRequest(a, ' 2024年 湘潭县信访局受理信访事项的统计数据。'));
  assert.ok(sameRequest(a, `请提供${a}（纸质）`), 'one contains the other');
  assert.ok(!sameRequest(a, '2023年湘潭县信访局受理信访事项的统计数据'));
  assert.ok(!sameRequest('统计数据', '2024年统计数据'), 'too short to contain');
  assert.ok(!sameRequest('', ''));
});

test('a likely duplicate: same name or phone, same request, within 30 days', () => {
  const earlier: RegisteredApplication = {
    applicantName: '李四',
    phoneDigits: '13912345678',
    submittedOn: '2026-03-01',
    description: '2024年湘潭县信访局受理信访事项的统计数据',
  };
  const like = (change: Partial<RegisteredApplication>) =>
    looksLikeDuplicate({ ...earlier, ...change }, earlier);
  assert.ok(like({}));
  assert.ok(like({ applicantName: '李 四', submittedOn: '2026-03-31' }), 'same phone, day 30');
  assert.ok(like({ phoneDigits: '13800000000' }), 'same name');
  assert.ok(!like({ applicantName: '王五', phoneDigits: '13800000000' }), 'another applicant');
  assert.ok(!like({ submittedOn: '2026-04-01' }), 'day 31');
  assert.ok(like({ submittedOn: '2026-01-30' }), '30 days before');
  assert.ok(!like({ submittedOn: '2026-01-29' }), '31 days before');
  assert.ok(!like({ description: '2024年湘潭县信访局财政预算' }), 'another request');
});
