/**
 * Who an application is from: agents (代理人), organisations without a 统一社会信用代码, and the
 * form rules for both — table-driven over every certificate × T3 column.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  certificateColumnProblem,
  letterAddressee,
  ORGANISATION_CERTIFICATE_TYPES,
  ORGANISATION_CERTIFICATES,
} from '../../src/cases/parties.ts';
import { APPLICANT_TYPES } from '../../src/law/keys.ts';
import { applicationSchema, toNewApplication } from '../../src/web/portal/apply/applicationForm.ts';

/** Which T3 columns each certificate allows (the documented table in docs/cases.md). */
const ALLOWED: Record<string, string> = {
  事业单位法人证书: 'res ngo oth',
  社会团体法人登记证书: 'res ngo law oth',
  民办非企业单位登记证书: 'res ngo law oth',
  基金会法人登记证书: 'ngo oth',
  律师事务所执业许可证: 'law',
  营业执照: 'biz oth',
  其他: 'biz res ngo law oth',
};

describe('certificate × T3 column', () => {
  assert.deepEqual(Object.keys(ALLOWED), ORGANISATION_CERTIFICATE_TYPES);
  for (const certificate of ORGANISATION_CERTIFICATE_TYPES) {
    for (const column of APPLICANT_TYPES) {
      const fits = ALLOWED[certificate].split(' ').includes(column);
      test(`${certificate} as ${column}: ${fits ? 'accepted' : 'refused'}`, () => {
        const problem = certificateColumnProblem(certificate, column);
        if (fits) assert.equal(problem, null);
        else assert.match(problem ?? '', new RegExp(`持${certificate}的组织不能登记为该组织类型`));
      });
    }
  }
  test('no certificate makes an organisation a natural person', () => {
    for (const columns of Object.values(ORGANISATION_CERTIFICATES)) {
      assert.ok(!(columns as readonly string[]).includes('np'));
    }
  });
});

test('letters go to the applicant, with the agent named after it', () => {
  assert.equal(letterAddressee('张三'), '张三');
  assert.equal(letterAddressee('张三', { name: '李律师' }), '张三（代理人：李律师）');
  assert.equal(letterAddressee('湘潭县某协会', { name: '王五' }), '湘潭县某协会（代理人：王五）');
});

const person = {
  applicantKind: 'person',
  name: '张三',
  idType: '居民身份证',
  idNumber: '11010519491231002X',
  phone: '13912345678',
  description: '2023年信访事项办理情况统计',
  form: '纸质',
  delivery: '当面领取',
};
const organisation = {
  ...person,
  applicantKind: 'organisation',
  name: '',
  orgType: 'ngo',
  orgName: '湘潭县某某协会',
  contactPerson: '赵六',
};

describe('the application form: agents and certificates', () => {
  const cases: [string, Record<string, string>, Record<string, RegExp>][] = [
    ['a person, no agent', person, {}],
    [
      'an agent without name or phone',
      { ...person, byAgent: 'on' },
      {
        agentName: /请填写代理人姓名/,
        agentPhone: /代理人的11位手机号码/,
      },
    ],
    [
      'an agent with a wrong ID number',
      {
        ...person,
        byAgent: 'on',
        agentName: '李四',
        agentPhone: '13800000000',
        agentIdNumber: '110105194912310021',
      },
      { agentIdNumber: /校验码不符/ },
    ],
    [
      'a complete agent',
      {
        ...person,
        byAgent: 'on',
        agentName: '李四',
        agentPhone: '0731-58581234',
        agentIdNumber: '11010519491231002X',
      },
      {},
    ],
    [
      'an organisation without USCC, not saying so',
      organisation,
      { uscc: /没有统一社会信用代码的，请选择“其他证照”/ },
    ],
    [
      'a certificate without type, number or reason',
      { ...organisation, orgId: 'certificate' },
      {
        certType: /请选择证照类型/,
        certNumber: /请填写证照号码/,
        noUsccReason: /请说明没有统一社会信用代码的原因/,
      },
    ],
    [
      'a certificate that contradicts the column',
      {
        ...organisation,
        orgType: 'biz',
        orgId: 'certificate',
        certType: '事业单位法人证书',
        certNumber: '事证第143030000123号',
        noUsccReason: '证书换发中',
      },
      { orgType: /持事业单位法人证书的组织不能登记为该组织类型/ },
    ],
    [
      'a complete certificate',
      {
        ...organisation,
        orgId: 'certificate',
        certType: '社会团体法人登记证书',
        certNumber: '湘社证字第0123号',
        noUsccReason: '境外登记的分支机构，未赋码',
      },
      {},
    ],
  ];
  for (const [name, raw, expected] of cases) {
    test(name, () => {
      const parsed = applicationSchema.safeParse(raw);
      const errors: Record<string, string> = {};
      for (const issue of parsed.error?.issues ?? [])
        errors[String(issue.path[0])] ??= issue.message;
      assert.deepEqual(Object.keys(errors).sort(), Object.keys(expected).sort());
      for (const [field, pattern] of Object.entries(expected)) assert.match(errors[field], pattern);
    });
  }

  test('the applicant, not the agent, fixes the T3 column; the certificate replaces the USCC', () => {
    const base = { agencyId: 1, channel: 'online' as const, submittedOn: '2026-03-02' };
    const agentCase = applicationSchema.parse({
      ...organisation,
      uscc: '91430321MA4L0A2B3X',
      orgId: 'certificate',
      certType: '律师事务所执业许可证',
      certNumber: '31430000123456789X',
      noUsccReason: '执业许可证尚未换发',
      orgType: 'law',
      byAgent: 'on',
      agentName: '李四',
      agentPhone: '13800000000',
    });
    const app = toNewApplication(agentCase, base);
    assert.equal(app.applicantType, 'law');
    assert.equal(app.applicant.name, '湘潭县某某协会');
    assert.equal(app.applicant.uscc, undefined, 'a certificate holder keeps no USCC');
    assert.deepEqual(app.applicant.certificate, {
      type: '律师事务所执业许可证',
      number: '31430000123456789X',
      noUsccReason: '执业许可证尚未换发',
    });
    assert.deepEqual(app.applicant.agent, {
      name: '李四',
      phone: '13800000000',
      idNumber: undefined,
    });
    const plain = toNewApplication(applicationSchema.parse(person), base);
    assert.equal(plain.applicantType, 'np');
    assert.equal(plain.applicant.agent, undefined);
  });
});
