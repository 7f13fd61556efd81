import type { Context } from 'hono';
import { catalogColumns } from '../../../catalog/categories.ts';
import type { Agency } from '../../../db/agencies.ts';
import { listCategories } from '../../../db/catalogCategories.ts';
import { latestPerCategory } from '../../../db/catalogPortal.ts';
import type { AppEnv } from '../../env.ts';
import { Layout } from '../../views/layout.tsx';
import { ItemList, portalCrumbs } from './views.tsx';

/** 政府信息公开指南 built from the agency's own data (Art. 12), plus any guide documents it published. */
export async function guidePage(c: Context<AppEnv>, agency: Agency) {
  const db = c.get('database').db;
  const categories = await listCategories(db, agency.id);
  const guideDocs = (await latestPerCategory(db, agency.id, 10)).filter(
    (r) => categories.find((x) => x.id === r.categoryId)?.column === 'guide',
  );
  const contact: [string, string | null][] = [
    ['工作机构', `${agency.name}（政府信息公开工作机构）`],
    ['办公地址', agency.address],
    ['邮政编码', agency.postcode],
    ['办公时间', agency.officeHours],
    ['联系电话', agency.phone],
    ['传真', agency.fax],
    ['电子邮箱', agency.email],
    ['网站', agency.website],
  ];
  return c.html(
    <Layout
      title="政府信息公开指南"
      agency={agency}
      breadcrumb={portalCrumbs(agency, { label: '政府信息公开指南' })}
    >
      <h1>{agency.name}政府信息公开指南</h1>
      <p>
        为便于公民、法人和其他组织获取政府信息，根据《中华人民共和国政府信息公开条例》第十二条，编制本指南。
      </p>
      <h2>一、主动公开</h2>
      <h3>（一）公开范围与信息分类</h3>
      <p>本机关主动公开的政府信息按下列栏目和分类编排：</p>
      <ul>
        {catalogColumns.map((col) => (
          <li>
            {col.title}：
            {categories
              .filter((x) => x.column === col.key)
              .map((x) => x.name)
              .join('、') || '—'}
          </li>
        ))}
      </ul>
      <h3>（二）编排体系</h3>
      <p>
        每条信息有唯一的索引号（统一社会信用代码/年份-流水号），并列明名称、内容概述、发布机构、成文日期、发布日期、文号等属性。
      </p>
      <h3>（三）公开方式与时限</h3>
      <p>
        主动公开的信息通过本平台“{agency.name}政府信息公开”栏目发布，可
        <a href={`/a/${agency.code}/search`}>按关键词检索</a>，也可
        <a href={`/a/${agency.code}/feed.xml`}>订阅更新</a>
        。信息自形成或者变更之日起20个工作日内予以公开（条例第二十六条）。
      </p>
      <h2>二、依申请公开</h2>
      <p>
        公民、法人或者其他组织可以向本机关申请获取相关政府信息，可
        <a href={`/a/${agency.code}/apply`}>在线提交申请</a>
        ，或以信函、当面方式提交。本机关自收到申请之日起20个工作日内答复；需要延长的，经负责人同意并告知申请人，延长期限不超过20个工作日。
      </p>
      <h2>三、工作机构与联系方式</h2>
      <table class="meta">
        <tbody>
          {contact
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <tr>
                <th scope="row">{k}</th>
                <td>{v}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <h2>四、监督和救济</h2>
      <p>
        公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。
      </p>
      {guideDocs.length > 0 ? (
        <>
          <h2>本机关发布的公开指南文件</h2>
          <ItemList agency={agency} rows={guideDocs} />
        </>
      ) : null}
    </Layout>,
  );
}
