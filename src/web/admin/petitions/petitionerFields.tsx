import type { FormState } from '../../form.ts';
import { Field } from '../../views/formFields.tsx';

type PetitionerField = 'name' | 'phone' | 'email' | 'idNumber' | 'address';

/** The field names of the staff entry, whose form also names the matter and its handling. */
export const STAFF_PETITIONER_NAMES: Record<PetitionerField, string> = {
  name: 'petitionerName',
  phone: 'petitionerPhone',
  email: 'petitionerEmail',
  idNumber: 'petitionerIdNumber',
  address: 'petitionerAddress',
};

/** The petitioner's name and contact, on the staff entry and on the online form. */
export function PetitionerFields(p: {
  form: FormState;
  /** The names the form's schema uses for each field. */
  names: Record<PetitionerField, string>;
  /** Online, the phone is required: its last digits open the tracking page. */
  phone: { required?: boolean; hint?: string };
  emailHint: string;
}) {
  const f = { raw: p.form.raw, errors: p.form.errors };
  return (
    <>
      <Field {...f} name={p.names.name} label="姓名" required />
      <Field {...f} name={p.names.phone} label="联系电话" type="tel" {...p.phone} />
      <Field {...f} name={p.names.email} label="电子邮箱" type="email" hint={p.emailHint} />
      <Field {...f} name={p.names.idNumber} label="身份证号码" />
      <Field {...f} name={p.names.address} label="住址" />
    </>
  );
}
