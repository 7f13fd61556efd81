/** Form pieces that keep what was typed and show the Chinese error next to the field. */

export function FieldError({ errors, name }: { errors: Record<string, string>; name: string }) {
  const message = errors[name];
  return message ? (
    <span class="field-error" id={`${name}-error`}>
      {message}
    </span>
  ) : null;
}

export function Alert({
  message,
  kind = 'alert',
}: {
  message?: string | null;
  kind?: 'alert' | 'notice';
}) {
  return message ? (
    <p class={kind} role={kind === 'alert' ? 'alert' : 'status'}>
      {message}
    </p>
  ) : null;
}

/** Above a public form sent back: how many fields need correcting (what was typed is kept). */
export function ErrorCount({ errors }: { errors: Record<string, string> }) {
  const count = Object.keys(errors).length;
  return (
    <Alert
      message={
        count > 0
          ? `提交的内容有${count}处需要修改，请查看标红的栏目。已填写的内容均已保留。`
          : null
      }
    />
  );
}

export interface FieldProps {
  name: string;
  label: string;
  raw: Record<string, string>;
  errors: Record<string, string>;
  type?: string;
  required?: boolean;
  hint?: string;
  maxlength?: number;
  /** Distinguishes fields of several forms on one page. */
  idPrefix?: string;
}

/**
 * The HTML `autocomplete` token for the personal fields of the public forms (WCAG 1.3.5), by
 * field name; identifiers and codes are never offered from a browser's memory.
 */
export const autocompleteTokens: Record<string, string> = {
  name: 'name',
  contactPerson: 'name',
  phone: 'tel',
  email: 'email',
  address: 'street-address',
  orgName: 'organization',
  idNumber: 'off',
  uscc: 'off',
  code: 'off',
  phone4: 'off',
};

/** A field's label, marked （必填） when the field is required. */
export function FieldLabel({
  id,
  label,
  required,
}: {
  id: string;
  label: string;
  required?: boolean;
}) {
  return (
    <label for={id}>
      {label}
      {required ? <span class="required">（必填）</span> : null}
    </label>
  );
}

/** A labelled input that shows what was typed and its error. */
export function Field({
  name,
  label,
  raw,
  errors,
  type = 'text',
  required,
  hint,
  maxlength,
  idPrefix = '',
}: FieldProps) {
  const id = `${idPrefix}${name}`;
  return (
    <>
      <FieldLabel id={id} label={label} required={required} />
      <input
        id={id}
        name={name}
        type={type}
        value={raw[name] ?? ''}
        required={required}
        maxlength={maxlength}
        autocomplete={autocompleteTokens[name]}
        aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={errors[name] ? `${name}-error` : undefined}
      />
      {hint ? <span class="muted">{hint}</span> : null}
      <FieldError errors={errors} name={name} />
    </>
  );
}

/**
 * A labelled select over `options` (value → label) that keeps the chosen value and shows its error;
 * `placeholder` is a first, empty choice.
 */
export function SelectField({
  name,
  label,
  raw,
  errors,
  options,
  required,
  placeholder,
}: Pick<FieldProps, 'name' | 'label' | 'raw' | 'errors' | 'required'> & {
  options: Record<string, string>;
  placeholder?: string;
}) {
  return (
    <>
      <FieldLabel id={name} label={label} required={required} />
      <select id={name} name={name} required={required}>
        {placeholder ? <option value="">{placeholder}</option> : null}
        {Object.entries(options).map(([value, text]) => (
          <option value={value} selected={raw[name] === value}>
            {text}
          </option>
        ))}
      </select>
      <FieldError errors={errors} name={name} />
    </>
  );
}

export function TextArea({ name, label, raw, errors, required, idPrefix = '' }: FieldProps) {
  const id = `${idPrefix}${name}`;
  return (
    <>
      <FieldLabel id={id} label={label} required={required} />
      <textarea id={id} name={name} rows={5} required={required}>
        {raw[name] ?? ''}
      </textarea>
      <FieldError errors={errors} name={name} />
    </>
  );
}

/** A labelled text input in its own paragraph (ids `f-<name>`). */
export function FieldRow(props: FieldProps) {
  return (
    <p>
      <Field idPrefix="f-" {...props} />
    </p>
  );
}

/** A checkbox with its label that keeps whether it was ticked (`value` is what a tick sends). */
export function CheckField(p: {
  name: string;
  label: string;
  raw: Record<string, string>;
  value?: string;
}) {
  const value = p.value ?? 'on';
  return (
    <label class="check">
      <input type="checkbox" name={p.name} value={value} checked={p.raw[p.name] === value} />{' '}
      {p.label}
    </label>
  );
}
