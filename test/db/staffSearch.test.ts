import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, isNotNull } from 'drizzle-orm';
import { formatQueryCode } from '../../src/cases/queryCode.ts';
import { searchTerms } from '../../src/catalog/search.ts';
import { findAgencyByCode } from '../../src/db/agencies.ts';
import { searchCases } from '../../src/db/caseSearch.ts';
import { submitApplication } from '../../src/db/cases.ts';
import { listCategories } from '../../src/db/catalogCategories.ts';
import { searchCatalogue } from '../../src/db/catalogStaffSearch.ts';
import { createPublication } from '../../src/db/publications/drafts.ts';
import { applications, letters } from '../../src/db/schema/cases.ts';
import { publications } from '../../src/db/schema/catalog.ts';
import { todayInChina } from '../../src/law/date.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase(
  'staff search over cases and catalogue items',
  (database) => {
    const page = { page: 1, pageSize: 20 };
    const agencyIds = async () => {
      const { db } = database();
      const xfj = (await findAgencyByCode(db, 'xiangtan-xfj'))!;
      const county = (await findAgencyByCode(db, 'xiangtan'))!;
      return { db, xfj: xfj.id, county: county.id };
    };

    test('cases: by query code (with or without dashes), request text, letter number; name only when allowed', async () => {
      const { db, xfj, county } = await agencyIds();
      const today = todayInChina();
      const { id, queryCode } = await submitApplication(db, {
        agencyId: xfj,
        channel: 'in-person',
        submittedOn: today,
        receivedOn: today,
        applicantType: 'np',
        applicant: {
          kind: 'person',
          name: '检索测试丙',
          idType: '居民身份证',
          idNumber: '11010519491231002X',
          phone: '13800138000',
        },
        request: { description: '关于石潭镇防汛物资采购的合同', form: '纸质', delivery: '邮寄' },
      });
      const ids = async (q: string, byName = true, agencyId = xfj) =>
        (await searchCases(db, agencyId, { terms: searchTerms(q), byName, ...page })).rows.map(
          (r) => r.id,
        );
      assert.deepEqual(await ids(queryCode.toLowerCase()), [id]);
      assert.deepEqual(await ids(formatQueryCode(queryCode)), [id]);
      assert.deepEqual(await ids('防汛物资 合同'), [id], 'every term, in any order');
      assert.deepEqual(await ids('防汛物资 不存在的词'), []);
      assert.deepEqual(await ids('检索测试丙'), [id]);
      assert.deepEqual(await ids('检索测试丙', false), [], 'no name search for masked roles');
      assert.deepEqual(await ids('防汛物资', true, county), [], 'scoped to the agency');
      assert.deepEqual(await ids('100%'), [], 'LIKE characters are literal');

      const [letter] = await db
        .select({ caseId: letters.applicationId, number: letters.number })
        .from(letters)
        .innerJoin(applications, eq(applications.id, letters.applicationId))
        .where(and(eq(applications.agencyId, xfj), isNotNull(letters.number)))
        .limit(1);
      assert.ok(letter?.number, 'the demo has a numbered letter');
      assert.ok((await ids(letter.number!)).includes(letter.caseId));
      const found = await searchCases(db, xfj, {
        terms: searchTerms(letter.number!),
        byName: true,
        ...page,
      });
      assert.match(found.rows.find((r) => r.id === letter.caseId)!.letterNumbers!, /〔/);
    });

    test('cases: paging and the total', async () => {
      const { db, xfj } = await agencyIds();
      const all = await searchCases(db, xfj, {
        terms: ['信访'],
        byName: true,
        page: 1,
        pageSize: 1000,
      });
      assert.ok(all.total >= 3, `the demo has several cases about 信访 (${all.total})`);
      const first = await searchCases(db, xfj, {
        terms: ['信访'],
        byName: true,
        page: 1,
        pageSize: 2,
      });
      const second = await searchCases(db, xfj, {
        terms: ['信访'],
        byName: true,
        page: 2,
        pageSize: 2,
      });
      assert.equal(first.total, all.total);
      assert.deepEqual(
        [...first.rows, ...second.rows].map((r) => r.id),
        all.rows.slice(0, 4).map((r) => r.id),
      );
    });

    test('catalogue: drafts as well as published items, by title, 索引号 and 文号, one agency only', async () => {
      const { db, xfj, county } = await agencyIds();
      const [category] = await listCategories(db, xfj);
      const draft = await createPublication(
        db,
        xfj,
        {
          categoryId: category.id,
          title: '检索测试用的草稿通知',
          madeOn: todayInChina(),
          issuer: '湘潭县信访局',
          docNumber: '湘县检〔2026〕9号',
          body: '正文里有蜂窝煤这个词',
        },
        { userId: 1, roles: ['drafter'] },
      );
      const ids = async (q: string, agencyId = xfj) =>
        (await searchCatalogue(db, agencyId, { terms: searchTerms(q), ...page })).rows.map(
          (r) => r.id,
        );
      assert.deepEqual(await ids('检索测试用的草稿'), [draft.id]);
      assert.deepEqual(await ids('蜂窝煤'), [draft.id], 'the body');
      assert.deepEqual(await ids('湘县检〔2026〕9号'), [draft.id], 'the 文号');
      assert.deepEqual(await ids('蜂窝煤', county), []);
      const [published] = await db
        .select({ id: publications.id, indexNumber: publications.indexNumber })
        .from(publications)
        .where(and(eq(publications.agencyId, xfj), isNotNull(publications.indexNumber)))
        .limit(1);
      assert.ok((await ids(published.indexNumber!)).includes(published.id), 'the 索引号');
      const hit = (await searchCatalogue(db, xfj, { terms: ['蜂窝煤'], ...page })).rows[0];
      assert.equal(hit.status, 'draft');
      assert.match(hit.excerpt, /蜂窝煤/);
    });
  },
  { demo: true },
);
