import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applicantNameFor, canSeeApplicantData, maskName } from '../../src/cases/privacy.ts';
import { roles } from '../../src/db/schema.ts';

test('only office and handler see applicant data', () => {
  const seeing = roles.filter((r) => canSeeApplicantData([r]));
  assert.deepEqual(seeing, ['office', 'handler']);
  assert.equal(canSeeApplicantData([]), false);
});

test("a natural person's name is masked for other roles; an organisation's name is not", () => {
  assert.equal(applicantNameFor(['handler'], '张三丰', 'np'), '张三丰');
  assert.equal(applicantNameFor(['supervisor', 'auditor'], '张三丰', 'np'), '张**');
  assert.equal(applicantNameFor([], '李', 'np'), '李*');
  assert.equal(
    applicantNameFor(['auditor'], '湘潭某建设工程有限公司', 'biz'),
    '湘潭某建设工程有限公司',
  );
  assert.equal(maskName('  '), '');
});
