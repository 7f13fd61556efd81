import { z } from 'zod';
import type { CatalogCategory } from '../../../db/catalogCategories.ts';
import { dateField, idField } from '../../../law/fields.ts';
import { OnceField, onceField } from '../../security/onceToken.tsx';
import { CsrfField } from '../../views/csrfField.tsx';
import { CheckField, FieldError, FieldRow } from '../../views/formFields.tsx';

const isoDate = dateField('日期');
const optional = (max: number, label: string) =>
  z.string().trim().max(max, `${label}不超过${max}字`).optional().default('');

export const publicationSchema = z.object({
  categoryId: idField('请选择信息分类'),
  title: z.string().trim().min(2, '请填写标题').max(200, '标题不超过200字'),
  docNumber: optional(60, '文号'),
  madeOn: isoDate,
  issuer: z.string().trim().min(2, '请填写发布机构').max(100, '发布机构不超过100字'),
  topic: optional(60, '主题分类'),
  keywords: optional(100, '关键词'),
  summary: optional(300, '内容概述'),
  body: z.string().max(200_000, '正文过长').default(''),
  changedOn: isoDate.optional().or(z.literal('')),
  confidentiality: z.enum(['public']).optional(),
});

interface Props {
  action: string;
  csrf: string;
  categories: CatalogCategory[];
  raw: Record<string, string>;
  errors: Record<string, string>;
  /** Editing a published item: ask for the change date and a confidentiality confirmation. */
  published?: boolean;
  /** A form that creates an item carries a one-time token (`_once`). */
  oneTime?: boolean;
  submitLabel: string;
}

export function PublicationForm({
  action,
  csrf,
  categories,
  raw,
  errors,
  published,
  oneTime,
  submitLabel,
}: Props) {
  return (
    <form method="post" action={action} class="form">
      <CsrfField token={csrf} />
      {oneTime ? <OnceField token={raw[onceField] || undefined} /> : null}
      <p>
        <label for="f-categoryId">
          信息分类<span class="required">（必填）</span>
        </label>
        <select id="f-categoryId" name="categoryId" required>
          <option value="">请选择</option>
          {categories.map((c) => (
            <option value={String(c.id)} selected={raw.categoryId === String(c.id)}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldError errors={errors} name="categoryId" />
      </p>
      <FieldRow name="title" label="标题" raw={raw} errors={errors} required />
      <FieldRow
        name="docNumber"
        label="文号"
        raw={raw}
        errors={errors}
        hint="如：潭信发〔2021〕3号"
      />
      <FieldRow name="madeOn" label="成文日期" type="date" raw={raw} errors={errors} required />
      <FieldRow name="issuer" label="发布机构" raw={raw} errors={errors} required />
      <FieldRow name="topic" label="主题分类" raw={raw} errors={errors} />
      <FieldRow name="keywords" label="关键词" raw={raw} errors={errors} hint="以空格分隔" />
      <p>
        <label for="f-summary">内容概述</label>
        <textarea id="f-summary" name="summary" rows={2}>
          {raw.summary ?? ''}
        </textarea>
        <FieldError errors={errors} name="summary" />
      </p>
      <p>
        <label for="f-body">正文</label>
        <textarea id="f-body" name="body" rows={14} aria-describedby="body-hint">
          {raw.body ?? ''}
        </textarea>
        <span class="muted" id="body-hint">
          空行分段；以“# ”开头为一级标题，“## ”为二级标题；以“- ”开头的连续行为列表。不接受 HTML。
        </span>
        <FieldError errors={errors} name="body" />
      </p>
      {published ? (
        <>
          <FieldRow
            name="changedOn"
            label="信息变更日期"
            type="date"
            raw={raw}
            errors={errors}
            hint="第二十六条的20个工作日自此日起算"
          />
          <p>
            <CheckField
              name="confidentiality"
              value="public"
              label="已对修改后的内容进行保密审查，不涉及国家秘密等不予公开的内容"
              raw={raw}
            />
            <FieldError errors={errors} name="confidentiality" />
          </p>
        </>
      ) : null}
      <p>
        <button type="submit">{submitLabel}</button>
      </p>
    </form>
  );
}
