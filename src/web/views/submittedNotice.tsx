/** The notice on a record page reached from a creating form: registered, or submitted again. */
import type { Child } from 'hono/jsx';

export function SubmittedNotice({
  submitted,
  registered,
}: {
  submitted?: 'new' | 'again';
  /** What to say after the first submission (e.g. the query code to hand over). */
  registered?: Child;
}) {
  if (submitted === 'new' && registered) {
    return (
      <p class="notice receipt" role="status">
        {registered}
      </p>
    );
  }
  return submitted === 'again' ? (
    <p class="notice resubmitted" role="status">
      这份表单已经提交过，没有重复登记；以下是第一次提交时保存的记录。
    </p>
  ) : null;
}
