/** The form that opens a tracking page: the query code and the last 4 digits of the phone. */
import type { FormState } from '../form.ts';
import { CsrfField } from '../views/csrfField.tsx';
import { Alert } from '../views/formFields.tsx';
import { Field } from './apply/fields.tsx';

export function TrackForm(p: {
  title: string;
  action: string;
  csrf: string;
  form: FormState;
  /** An example of the code, e.g. 7KQ2-MZ9D-4XHP. */
  example: string;
}) {
  const f = { values: p.form.raw, errors: p.form.errors, required: true };
  return (
    <>
      <h1>{p.title}</h1>
      <Alert message={p.form.message} />
      <form method="post" action={p.action} class="form narrow-form" novalidate>
        <CsrfField token={p.csrf} />
        <Field {...f} name="code" label="查询码" placeholder={`例如 ${p.example}`} />
        <Field {...f} name="phone4" label="联系电话后4位" />
        <button type="submit">查询</button>
      </form>
    </>
  );
}
