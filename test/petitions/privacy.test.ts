import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { petitionChannelNotice } from '../../src/cases/petitionChannelNotice.ts';
import {
  canSeePetitionerData,
  MASKED_TEXT,
  maskName,
  maskPhone,
  newPetitionQueryCode,
  normalizePetitionQueryCode,
  petitionerFor,
} from '../../src/petitions/index.ts';

const person = {
  name: '张三丰',
  phone: '13812345678',
  idNumber: '430321199001011234',
  address: '易俗河镇',
};

describe("petitioners' personal data by role", () => {
  const table: [string[], boolean][] = [
    [['handler'], true],
    [['office'], true],
    [['auditor', 'office'], true],
    [['admin'], false],
    [['drafter'], false],
    [['reviewer'], false],
    [['supervisor'], false],
    [['auditor'], false],
    [[], false],
  ];
  for (const [roles, sees] of table) {
    test(`${roles.join('+') || 'no role'} ${sees ? 'sees' : 'does not see'} it`, () => {
      assert.equal(canSeePetitionerData(roles), sees);
      const shown = petitionerFor(roles, person);
      if (sees) assert.deepEqual(shown, person);
      else
        assert.deepEqual(shown, {
          name: '张**',
          phone: '138****5678',
          idNumber: MASKED_TEXT,
          address: MASKED_TEXT,
        });
    });
  }

  test('masking keeps empty fields empty and short values hidden', () => {
    assert.equal(maskName('李'), '李*');
    assert.equal(maskPhone('5782'), '****');
    assert.deepEqual(
      petitionerFor(['auditor'], { name: '王五', phone: null, idNumber: null, address: null }),
      {
        name: '王*',
        phone: null,
        idNumber: null,
        address: null,
      },
    );
  });
});

describe('query codes', () => {
  test('a new code has the XF-XXXX-XXXX-XXXX form and survives normalisation', () => {
    const code = newPetitionQueryCode();
    assert.match(code, /^XF-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    assert.equal(normalizePetitionQueryCode(code.toLowerCase().replace(/-/g, ' ')), code);
    assert.notEqual(newPetitionQueryCode(), code);
  });

  test('what cannot be a code is rejected', () => {
    assert.equal(normalizePetitionQueryCode('XF-0000-1111-IIII'), null);
    assert.equal(normalizePetitionQueryCode('XF-ABCD'), null);
    assert.equal(normalizePetitionQueryCode("'; drop table petitions; --"), null);
  });
});

test('the n1 letter names the petition channel and the query code', () => {
  const text = petitionChannelNotice({
    agencyName: '湘潭县信访局',
    queryCode: 'XF-ABCD-EFGH-JKMN',
    petitionUrl: 'https://x/a/xiangtan-xfj/petition',
  });
  assert.match(text, /第三十九条第一款/);
  assert.match(text, /信访查询码：XF-ABCD-EFGH-JKMN/);
  assert.match(text, /网上信访（https:\/\/x\/a\/xiangtan-xfj\/petition）/);
  assert.doesNotMatch(petitionChannelNotice({ agencyName: '湘潭县信访局' }), /查询码/);
});
