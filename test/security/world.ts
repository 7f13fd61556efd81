/**
 * The world the security tests run in: the demo, plus a third agency the demo users do not belong
 * to, a user per role in the county government, a user holding every role in the third agency
 * (so only the record checks can stop it), and one record of each kind in the demo agency with
 * distinctive personal data (to find it anywhere it leaks).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { idCardCheckChar } from '../../src/cases/identifiers.ts';
import { type Agency, findAgencyByCode, upsertAgency } from '../../src/db/agencies.ts';
import { attachCaseFile } from '../../src/db/caseFiles.ts';
import { submitApplication } from '../../src/db/cases.ts';
import { listCategories } from '../../src/db/catalogCategories.ts';
import type { Database } from '../../src/db/database.ts';
import { registerPetition } from '../../src/db/petitions.ts';
import { addAttachment } from '../../src/db/publications/attachments.ts';
import { createPublication } from '../../src/db/publications/drafts.ts';
import { applications, letters } from '../../src/db/schema/cases.ts';
import {
  catalogCategories,
  publicationAttachments,
  publications,
} from '../../src/db/schema/catalog.ts';
import { type Role, roles } from '../../src/db/schema.ts';
import { createUser, findUserByUsername, grantRole } from '../../src/db/users.ts';
import { demoPassword } from '../../src/demo/load.ts';
import { todayInChina } from '../../src/law/date.ts';
import { pngBytes } from '../catalog/fixtures.ts';
import { demoApp } from '../support/app.ts';

export const password = demoPassword;
export const DEPARTMENT = 'xiangtan-xfj';
export const COUNTY = 'xiangtan';
export const OTHER = 'sec-other';
/** Holds every role in OTHER and nothing else. */
export const OTHER_ALL = 'oth-all';

/** A valid 18-digit ID number and a mobile number nobody else uses: grep for them anywhere. */
const id17 = '43032119870712345';
export const SECRET_ID = `${id17}${idCardCheckChar(id17)}`;
export const SECRET_PHONE = '13975318642';
/** The applicant's name: in full only for the agency's case staff. */
export const SECRET_NAME = '安全测试甲';
export const SECRET_PETITION_ID = (() => {
  const first = '43032119650203456';
  return `${first}${idCardCheckChar(first)}`;
})();
export const SECRET_PETITION_PHONE = '13864297531';

export interface World {
  app: Awaited<ReturnType<typeof demoApp>>;
  agencies: { department: Agency; county: Agency; other: Agency };
  /** Ids of real records of the demo agency. */
  ids: {
    /** An application with at least one letter. */
    caseId: number;
    letterId: number;
    /** The application with SECRET_ID / SECRET_PHONE. */
    personalCaseId: number;
    /** An identity proof uploaded to it. */
    caseFileId: number;
    petitionId: number;
    draftId: number;
    draftAttachmentId: number;
    publishedId: number;
    publishedAttachmentId: number;
    categorySlug: string;
    reportYear: number;
  };
}

/** Users `<prefix>-<role>`: `xfj-*` (demo) in the department, `xt-*` in the county. */
export const userFor = (prefix: 'xfj' | 'xt', role: Role) => `${prefix}-${role}`;

export async function buildWorld(database: Database): Promise<World> {
  const app = await demoApp(database);
  const db = database.db;
  const department = (await findAgencyByCode(db, DEPARTMENT))!;
  const county = (await findAgencyByCode(db, COUNTY))!;
  const other = await upsertAgency(db, { code: OTHER, name: '安全测试其他局', kind: 'department' });
  for (const role of roles) await user(database, userFor('xt', role), county, [role]);
  await user(database, OTHER_ALL, other, [...roles]);
  const drafter = (await findUserByUsername(db, 'xfj-drafter'))!;

  const [withLetter] = await db
    .select({ caseId: letters.applicationId, letterId: letters.id })
    .from(letters)
    .innerJoin(applications, eq(applications.id, letters.applicationId))
    .where(eq(applications.agencyId, department.id))
    .limit(1);
  const today = todayInChina();
  const personal = await submitApplication(db, {
    agencyId: department.id,
    channel: 'in-person',
    submittedOn: today,
    receivedOn: today,
    applicantType: 'np',
    applicant: {
      kind: 'person',
      name: SECRET_NAME,
      idType: '居民身份证',
      idNumber: SECRET_ID,
      phone: SECRET_PHONE,
      address: '湖南省湘潭县测试路1号',
    },
    request: { description: '访问矩阵测试用申请', form: '纸质', delivery: '邮寄' },
  });
  const caseFile = await attachCaseFile(
    db,
    personal.id,
    { purpose: 'identity-proof', title: '身份证明', filename: 'id.png', data: pngBytes },
    { userId: null, agencyId: department.id },
  );
  const petition = await registerPetition(db, {
    agencyId: department.id,
    channel: 'letter',
    receivedOn: today,
    subject: '访问矩阵测试用信访事项',
    content: '测试内容',
    petitioners: [
      {
        name: '安全测试乙',
        phone: SECRET_PETITION_PHONE,
        idNumber: SECRET_PETITION_ID,
        address: '湘潭县测试路2号',
      },
    ],
  });
  const [category] = await listCategories(db, department.id);
  const actor = { userId: drafter.id, roles: ['drafter'] as const };
  const draft = await createPublication(
    db,
    department.id,
    {
      categoryId: category.id,
      title: '访问矩阵测试草稿',
      madeOn: today,
      issuer: department.name,
      body: '正文',
    },
    actor,
  );
  const attachment = await addAttachment(
    db,
    department.id,
    draft.id,
    { filename: 'a.png', data: pngBytes },
    actor,
  );
  const [published] = await db
    .select({ id: publications.id, attachmentId: publicationAttachments.id })
    .from(publications)
    .innerJoin(publicationAttachments, eq(publicationAttachments.publicationId, publications.id))
    .where(
      and(
        eq(publications.agencyId, department.id),
        eq(publications.status, 'published'),
        eq(publicationAttachments.removed, false),
      ),
    )
    .limit(1);
  const [slug] = await db
    .select({ slug: catalogCategories.slug })
    .from(catalogCategories)
    .where(inArray(catalogCategories.agencyId, [department.id]))
    .limit(1);
  if (!withLetter || !published || !slug) throw new Error('the demo lacks letters or files');
  return {
    app,
    agencies: { department, county, other },
    ids: {
      caseId: withLetter.caseId,
      letterId: withLetter.letterId,
      personalCaseId: personal.id,
      caseFileId: caseFile.id,
      petitionId: petition.id,
      draftId: draft.id,
      draftAttachmentId: attachment.id,
      publishedId: published.id,
      publishedAttachmentId: published.attachmentId,
      categorySlug: slug.slug,
      reportYear: 2021,
    },
  };
}

/** A route parameter with its optional regex, as Hono lists it. */
export const PARAM = /:(\w+)(\{(?:[^{}]|\{[^{}]*\})*\})?/g;

/** The route pattern with real values: agency code, ids of the demo agency's records. */
export function concretePath(pattern: string, agency: string, ids: World['ids']): string {
  const admin = pattern.startsWith('/admin/');
  return pattern.replace(PARAM, (_m, name: string) => {
    switch (name) {
      case 'agency':
      case 'code':
        return agency;
      case 'id':
        // The letter belongs to caseId; every other case route shows the applicant with SECRET_ID.
        if (pattern.includes('/letters/')) return String(ids.caseId);
        if (pattern.includes('/cases/')) return String(ids.personalCaseId);
        if (pattern.includes('/petitions/')) return String(ids.petitionId);
        return String(admin ? ids.draftId : ids.publishedId);
      case 'applicationId':
        return String(ids.caseId);
      case 'letter':
        return String(ids.letterId);
      case 'caseFile':
        return String(ids.caseFileId);
      case 'aid':
        return String(ids.draftAttachmentId);
      case 'fid':
        return String(ids.publishedAttachmentId);
      case 'year':
        return String(ids.reportYear);
      case 'format':
        return 'json';
      case 'key':
        return 't3.new.np';
      case 'token':
        return 'RcptTokenOfAnotherBrowse';
      case 'slug':
        return ids.categorySlug;
      case 'file':
        return pattern.startsWith('/static/') ? 'site.css' : 'file.json';
      case 'asset':
        return 'viewer.js';
      case 'n':
        return '1';
      default:
        throw new Error(`access.test.ts: no sample value for :${name} in ${pattern}`);
    }
  });
}

async function user(database: Database, username: string, agency: Agency, granted: Role[]) {
  const db = database.db;
  const existing =
    (await findUserByUsername(db, username)) ??
    (await createUser(db, { username, displayName: username, password }));
  for (const role of granted) await grantRole(db, existing.id, agency.id, role);
}
