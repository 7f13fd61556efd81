/** Form fields that keep what was typed and show the Chinese error next to the field. */
import type { Child } from 'hono/jsx';
import { ORGANISATION_CERTIFICATE_TYPES } from '../../../cases/parties.ts';
import { ATTACHMENT_ACCEPT } from '../../admin/catalog/uploads.ts';
import { autocompleteTokens, FieldLabel } from '../../views/formFields.tsx';
import {
  APPLICANT_KINDS,
  DELIVERIES,
  FORMS,
  ID_TYPES,
  ORG_ID_KINDS,
  ORG_TYPES,
  REQUEST_KINDS,
} from './applicationForm.ts';

export type Values = Record<string, string>;
export type Errors = Record<string, string>;

interface FieldProps {
  name: string;
  label: string;
  values: Values;
  errors: Errors;
  type?: string;
  required?: boolean;
  hint?: string;
  /** value → label */
  options?: [string, string][];
  multiline?: boolean;
  placeholder?: string;
  /** Makes ids unique where several forms on one page share field names. */
  idPrefix?: string;
}

export function Field(p: FieldProps) {
  const id = `${p.idPrefix ?? 'f'}-${p.name}`;
  const error = p.errors[p.name];
  const value = p.values[p.name] ?? '';
  const describedBy = error ? `${id}-error` : p.hint ? `${id}-hint` : undefined;
  let control: Child;
  if (p.options) {
    control = (
      <select
        id={id}
        name={p.name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      >
        <option value="">请选择</option>
        {p.options.map(([v, l]) => (
          <option value={v} selected={v === value}>
            {l}
          </option>
        ))}
      </select>
    );
  } else if (p.multiline) {
    control = (
      <textarea
        id={id}
        name={p.name}
        rows={5}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      >
        {value}
      </textarea>
    );
  } else {
    control = (
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={value}
        placeholder={p.placeholder}
        autocomplete={autocompleteTokens[p.name]}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
    );
  }
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <FieldLabel id={id} label={p.label} required={p.required} />
      {control}
      {p.hint && !error ? (
        <span class="muted hint" id={`${id}-hint`}>
          {p.hint}
        </span>
      ) : null}
      {error ? (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

const pairs = (items: string[]): [string, string][] => items.map((i) => [i, i]);

/** The applicant, request and delivery fields of the Art. 29 form. */
export function ApplicationFields({
  values,
  errors,
  identityProofRequired = false,
}: {
  values: Values;
  errors: Errors;
  /** The agency requires an identity proof with the application (条例 第二十九条). */
  identityProofRequired?: boolean;
}) {
  const f = { values, errors };
  return (
    <>
      <fieldset>
        <legend>申请人</legend>
        <Field {...f} name="applicantKind" label="申请人类型" required options={APPLICANT_KINDS} />
        <div class="split">
          <div>
            <p class="muted">自然人填写：</p>
            <Field {...f} name="name" label="姓名" />
            <Field {...f} name="idType" label="身份证件类型" options={pairs(ID_TYPES)} />
            <Field {...f} name="idNumber" label="证件号码" hint="居民身份证为18位" />
          </div>
          <div>
            <p class="muted">法人或其他组织填写：</p>
            <Field {...f} name="orgType" label="组织类型" options={ORG_TYPES} />
            <Field {...f} name="orgName" label="名称" />
            <Field {...f} name="orgId" label="登记证明" options={ORG_ID_KINDS} />
            <Field {...f} name="uscc" label="统一社会信用代码" hint="18位" />
            <Field
              {...f}
              name="certType"
              label="其他证照类型"
              options={pairs(ORGANISATION_CERTIFICATE_TYPES)}
            />
            <Field {...f} name="certNumber" label="证照号码" />
            <Field {...f} name="noUsccReason" label="没有统一社会信用代码的原因" />
            <Field {...f} name="contactPerson" label="联系人" />
          </div>
        </div>
        <Field
          {...f}
          name="phone"
          type="tel"
          label="联系电话"
          required
          hint="查询办理进度时需要填写后4位"
        />
        <Field {...f} name="address" label="通信地址" />
        <Field {...f} name="email" label="电子邮箱" type="email" />
      </fieldset>
      <AgentFields {...f} />
      <fieldset>
        <legend>证明材料</legend>
        <FileField
          name="identityProof"
          label="身份证明（身份证件或登记证照的照片、扫描件）"
          errors={errors}
          required={identityProofRequired}
        />
        <FileField
          name="certificate"
          label="其他证照（没有统一社会信用代码的组织，选填）"
          errors={errors}
        />
      </fieldset>
      <fieldset>
        <legend>所需政府信息</legend>
        <Field
          {...f}
          name="requestKind"
          label="申请事项"
          options={REQUEST_KINDS}
          hint="要求更正的，请在下栏写明哪条记录不准确、应如何更正及所依据的证据"
        />
        <Field
          {...f}
          name="description"
          label="所需信息的名称、文号或便于查询的其他特征性描述"
          required
          multiline
        />
        <Field {...f} name="documentNumber" label="文号（如知道）" />
        <Field {...f} name="purpose" label="用途（选填）" />
      </fieldset>
      <fieldset>
        <legend>提供形式与获取方式</legend>
        <Field {...f} name="form" label="信息的提供形式" required options={pairs(FORMS)} />
        <Field {...f} name="delivery" label="获取信息的方式" required options={pairs(DELIVERIES)} />
      </fieldset>
    </>
  );
}

/** 代理人: who applies on the applicant's behalf, with the 授权委托书. */
function AgentFields({ values, errors }: { values: Values; errors: Errors }) {
  const f = { values, errors };
  return (
    <fieldset>
      <legend>代理人（受申请人委托代为申请的填写）</legend>
      <label class="check">
        <input type="checkbox" name="byAgent" value="on" checked={values.byAgent === 'on'} />{' '}
        由代理人代为申请（以上填写的是委托人即申请人的信息）
      </label>
      <Field {...f} name="agentName" label="代理人姓名" />
      <Field {...f} name="agentPhone" type="tel" label="代理人联系电话" />
      <Field {...f} name="agentIdNumber" label="代理人身份证件号码" />
      <FileField name="powerOfAttorney" label="授权委托书（代为申请的必须上传）" errors={errors} />
    </fieldset>
  );
}

/** A file input; a file cannot be kept when the form comes back, so the hint says so. */
function FileField(p: { name: string; label: string; errors: Errors; required?: boolean }) {
  const id = `f-${p.name}`;
  const error = p.errors[p.name];
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <FieldLabel id={id} label={p.label} required={p.required} />
      <input
        id={id}
        name={p.name}
        type="file"
        accept={ATTACHMENT_ACCEPT}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
      />
      {error ? (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : (
        <span class="muted hint" id={`${id}-hint`}>
          PDF、Word 或图片，不超过 10 MB；表单退回修改时须重新选择文件
        </span>
      )}
    </div>
  );
}
