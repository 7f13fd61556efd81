/**
 * The upload of a previous year's report file, answered as a streamed page
 * (web/progressPage.tsx): a line when the file is received, parsed (in the worker pool), checked
 * against the year and the agency, and saved; then what needs confirming, or the refusal in Chinese.
 */
import { pooledParse } from '../../../jobs/reportParse.ts';
import { type ImportStage, importPreviousReport } from '../../../services/annual/import.ts';
import { progressPage } from '../../progressPage.tsx';
import { Alert } from '../../views/formFields.tsx';
import { actorOf, type C, reportsBase, reportsFrame } from './page.tsx';

const stageLabels: Record<ImportStage, string> = {
  parsed: '已读出报告，正在核对年度、机关名称和各表数值……',
  checked: '核对通过，正在保存……',
  saved: '已保存。',
};

const sizeText = (bytes: number) =>
  bytes < 1024 ? `${bytes} 字节` : `${(bytes / 1024).toFixed(1)} KB`;

/** `year` is the report's year: the file is the report of `year - 1`. */
export function streamPreviousImport(c: C, year: number, file: { name: string; data: Buffer }) {
  const back = `${reportsBase(c)}/${year}`;
  const heading = (
    <>
      <h1>导入{year - 1}年度报告</h1>
      <p>
        <a href={`${back}#previous`}>← 返回{year}年度报告</a>
      </p>
    </>
  );
  return progressPage(
    c,
    (slot) =>
      reportsFrame(
        c,
        `导入${year - 1}年度报告`,
        <>
          {heading}
          {slot}
        </>,
      ),
    async (step) => {
      step(`已收到文件“${file.name}”（${sizeText(file.data.length)}），正在解析……`);
      const outcome = await importPreviousReport(
        c.get('database').db,
        c.get('agency'),
        year - 1,
        file,
        actorOf(c),
        pooledParse(c.get('jobs')),
        (stage) => step(stageLabels[stage]),
      );
      return <ImportResult back={back} pending={outcome.pending} warnings={outcome.warnings} />;
    },
  );
}

function ImportResult(props: { back: string; pending: string[]; warnings: string[] }) {
  const { pending, warnings } = props;
  return (
    <section class="panel" id="import-result">
      <Alert kind="notice" message="上年度报告已导入。" />
      {pending.length > 0 ? (
        <p>
          有{pending.length}个单元格未能从文件中确定，请
          <a href={`${props.back}#previous`}>回到报告页对照原件确认</a>，确认后才用于R8、R9检查。
        </p>
      ) : (
        <p>
          各单元格均已确定，将用于R8、R9检查。<a href={props.back}>回到报告页</a>
        </p>
      )}
      {warnings.length > 0 ? (
        <>
          <h2>解析提示</h2>
          <ul>
            {warnings.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
