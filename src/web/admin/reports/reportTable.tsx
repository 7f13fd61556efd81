/**
 * The report as printed (official table layout, rowspan/colspan) with every value cell linking to
 * its drill-down, and the cells named by findings highlighted (error / warning).
 */
import type { Finding } from '../../../report/finding.ts';
import { formatOf } from '../../../report/formats/index.ts';
import type { AnnualReport } from '../../../report/model.ts';
import { type LayoutSlot, type TableLayout, tableLayouts } from '../../../report/render/layout.ts';
import { cellText } from '../../../report/render/value.ts';

/** Cell key → the worst severity of the findings that name it. */
export function flaggedCells(findings: readonly Finding[]): Map<string, 'error' | 'warning'> {
  const out = new Map<string, 'error' | 'warning'>();
  for (const f of findings)
    for (const key of f.cells) if (out.get(key) !== 'error') out.set(key, f.severity);
  return out;
}

const span = (n?: number) => (n && n > 1 ? n : undefined);

/** What every value cell of a table needs: the report, its drill-down link and the flags. */
interface CellContext {
  report: AnnualReport;
  link?: (key: string) => string;
  flags: Map<string, 'error' | 'warning'>;
}

function Slot({ report, slot, link, flags }: CellContext & { slot: LayoutSlot }) {
  if (!slot.key) {
    const Tag = slot.header ? 'th' : 'td';
    return (
      <Tag
        rowspan={span(slot.rowspan)}
        colspan={span(slot.colspan)}
        class={slot.stub ? 'gk-stub' : undefined}
      >
        {slot.text ?? ''}
      </Tag>
    );
  }
  const flag = flags.get(slot.key);
  const text = cellText(report.cells[slot.key]);
  return (
    <td
      id={`cell-${slot.key}`}
      colspan={span(slot.colspan)}
      class={flag ? `gk-flag gk-flag-${flag}` : undefined}
      data-key={slot.key}
    >
      {link ? (
        <a href={link(slot.key)} title={`${slot.key}：查看构成本格的记录`}>
          {text === '' ? '（空）' : text}
        </a>
      ) : (
        text
      )}
    </td>
  );
}

export function ReportTable({ layout, ...cells }: CellContext & { layout: TableLayout }) {
  const rows = layout.rows.map((row) => (
    <tr>
      {row.map((slot) => (
        <Slot {...cells} slot={slot} />
      ))}
    </tr>
  ));
  return (
    <div class="gk-table-wrap">
      <table class={`gk-table gk-${layout.id}`}>
        {layout.headerRows > 0 ? <thead>{rows.slice(0, layout.headerRows)}</thead> : null}
        <tbody>{rows.slice(layout.headerRows)}</tbody>
      </table>
    </div>
  );
}

/** The whole report: title, sections with their text and tables. */
export function ReportView({
  report,
  findings,
  link,
}: {
  report: AnnualReport;
  findings: readonly Finding[];
  link?: (key: string) => string;
}) {
  const format = formatOf(report.formatVersion);
  const layouts = tableLayouts(format);
  const flags = flaggedCells(findings);
  return (
    <article class="gk-report">
      <h2 class="gk-title">{`${report.agency}${report.year}年政府信息公开工作年度报告`}</h2>
      {format.sections.map((spec) => {
        const section = report.sections[spec.key];
        return (
          <section id={`section-${spec.key}`}>
            <h3 class="gk-heading">
              {section?.heading || `${spec.numeral}、${spec.heading.text}`}
            </h3>
            {(section?.text ?? '')
              .split('\n')
              .filter((l) => l.trim())
              .map((line) => (
                <p>{line}</p>
              ))}
            {spec.table ? (
              <ReportTable report={report} layout={layouts[spec.table]} link={link} flags={flags} />
            ) : null}
          </section>
        );
      })}
    </article>
  );
}

export function FindingsPanel({
  findings,
  link,
}: {
  findings: readonly Finding[];
  link?: (key: string) => string;
}) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return (
    <section class="panel findings-panel" id="findings">
      <h2>
        勾稽检查：错误 {errors} 项，警告 {warnings} 项
      </h2>
      {findings.length === 0 ? <p class="ok">全部规则（R1—R15 及文本检查）通过。</p> : null}
      <ul class="findings">
        {findings.map((f) => (
          <li class={`finding-${f.severity}`}>
            <span class={`badge badge-${f.severity}`}>
              {f.severity === 'error' ? '错误' : '警告'}
            </span>{' '}
            <strong>{f.rule}</strong> {f.message}
            {f.cells.length > 0 ? (
              <span class="finding-cells">
                {' '}
                单元格：
                {f.cells.map((key) => (
                  <>
                    <a href={`#cell-${key}`}>{key}</a>
                    {link ? (
                      <>
                        {'（'}
                        <a href={link(key)}>记录</a>
                        {'）'}
                      </>
                    ) : null}{' '}
                  </>
                ))}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
