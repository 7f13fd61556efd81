import { CsrfField } from '../../views/csrfField.tsx';

/**
 * On the case page of an application decided as 信访举报投诉类申请 (row n1): creates the petition
 * from it in one step, or opens the one already created (the route is idempotent).
 */
export function PetitionHandoverButton(props: {
  /** The case pages' base, `/admin/:agency/cases`. */
  casesBase: string;
  applicationId: number;
  csrf: string;
}) {
  const petitions = props.casesBase.replace(/\/cases$/, '/petitions');
  return (
    <form
      method="post"
      action={`${petitions}/from-application/${props.applicationId}`}
      class="inline petition-handover"
    >
      <CsrfField token={props.csrf} />
      <button type="submit">转入信访登记</button>{' '}
      <span class="muted">按信访事项登记办理（已转入的，打开对应的信访事项）</span>
    </form>
  );
}
