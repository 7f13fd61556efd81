/**
 * A chart with its text alternative: the caption, the SVG named by its `<title>` and `<desc>`,
 * and the same figures as a table under “数据表” (no script, no inline style).
 */
import { raw } from 'hono/html';
import { type ChartData, NO_DATA } from './charts.ts';

export function ChartFigure({ id, chart, svg }: { id: string; chart: ChartData; svg: string }) {
  return (
    <figure class="chart" id={id} aria-labelledby={`${id}-caption`} data-chart={id}>
      <figcaption id={`${id}-caption`}>{chart.title}</figcaption>
      {raw(svg)}
      <details class="chart-data">
        <summary>数据表</summary>
        {chart.categories.length === 0 ? (
          <p class="muted">{NO_DATA}</p>
        ) : (
          <DataTable chart={chart} />
        )}
      </details>
    </figure>
  );
}

function DataTable({ chart }: { chart: ChartData }) {
  return (
    <table class="data">
      <caption>{chart.title}（数据表）</caption>
      <thead>
        <tr>
          <th scope="col">{chart.categoryLabel}</th>
          {chart.series.map((s) => (
            <th scope="col">{s.name}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {chart.categories.map((category, i) => (
          <tr>
            <th scope="row">{category}</th>
            {chart.series.map((s) => (
              <td>{String(s.data[i])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
