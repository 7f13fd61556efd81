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

/** A labelled input that shows what was typed and its error. */
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
      <label for={id}>
        {label}
        {required ? <span class="required">（必填）</span> : null}
      </label>
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

/** A labelled select over `options` (value → label) that keeps the chosen value and shows its error. */
export function SelectField({
  name,
  label,
  raw,
  errors,
  options,
}: Pick<FieldProps, 'name' | 'label' | 'raw' | 'errors'> & { options: Record<string, string> }) {
  return (
    <>
      <label for={name}>{label}</label>
      <select id={name} name={name}>
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
      <label for={id}>
        {label}
        {required ? <span class="required">（必填）</span> : null}
      </label>
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
