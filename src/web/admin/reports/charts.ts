/**
 * Server-rendered ECharts (SVG) for the county page. Our CSP allows no inline style, so the SVG's
 * `<style>` block (hover effects only) is dropped and `style="…"` attributes become SVG
 * presentation attributes. Each chart is drawn from a `ChartData`, the same object its data
 * table (`chartFigure.tsx`) is printed from, and carries `role="img"`, `<title>` and `<desc>`.
 */
import * as echarts from 'echarts';

export interface ChartSeries {
  name: string;
  data: number[];
}

export interface ChartData {
  /** The visible caption and the SVG's accessible name. */
  title: string;
  /** What the chart shows, for screen readers (`<desc>`). */
  description: string;
  /** Header of the category column of the data table (年度, 分类, 单位). */
  categoryLabel: string;
  categories: string[];
  /** One value per category in each series. */
  series: ChartSeries[];
}

export function cspSafeSvg(svg: string): string {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/\sstyle="([^"]*)"/g, (_whole, css: string) =>
      css
        .split(';')
        .map((decl) => decl.split(':').map((s) => s.trim()))
        .filter(([name, value]) => name && value && /^[a-z-]+$/.test(name))
        .map(([name, value]) => ` ${name}="${value.replace(/"/g, '&quot;')}"`)
        .join(''),
    );
}

const xmlText = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Names the SVG as one image: `role="img"`, labelled by its `<title>`, described by `<desc>`. */
export function accessibleSvg(svg: string, id: string, title: string, description: string) {
  const ref = xmlText(id);
  return svg.replace(
    /^<svg\b([^>]*)>/,
    (_whole, attrs: string) =>
      `<svg${attrs} role="img" aria-labelledby="${ref}-title" aria-describedby="${ref}-desc">` +
      `<title id="${ref}-title">${xmlText(title)}</title>` +
      `<desc id="${ref}-desc">${xmlText(description)}</desc>`,
  );
}

/**
 * ECharts (zrender) caches text widths in plain objects keyed by the text: a label named
 * `__proto__` (or `constructor`, …) reaches Object.prototype there and pollutes every object in
 * the process. A word joiner (U+2060, invisible) makes such a label an ordinary key.
 */
export function inertLabel(label: string): string {
  return label === '__proto__' || label in Object.prototype ? `${label}\u2060` : label;
}

/** The words an empty chart shows in its plot area and its data table. */
export const NO_DATA = '暂无数据';

/** A centred 暂无数据 over the empty axes of a chart without categories. */
const noDataGraphic = (chart: ChartData) =>
  chart.categories.length === 0
    ? {
        graphic: {
          type: 'text',
          left: 'center',
          top: 'middle',
          style: { text: NO_DATA, fontSize: 16, fill: '#595959' },
        },
      }
    : {};

const inertSeries = (series: ChartSeries[]) =>
  series.map((s) => ({ ...s, name: inertLabel(s.name) }));

export function chartSvg(option: echarts.EChartsCoreOption, width = 720, height = 320): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'sans-serif' }, ...option });
    return cspSafeSvg(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/** Stacked bars: applications of each year by outcome group. */
export function outcomeChart(id: string, chart: ChartData): string {
  const svg = chartSvg({
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: chart.categories.map(inertLabel) },
    yAxis: { type: 'value', minInterval: 1 },
    series: inertSeries(chart.series).map((s) => ({ ...s, type: 'bar', stack: 'all' })),
    ...noDataGraphic(chart),
  });
  return accessibleSvg(svg, id, chart.title, chart.description);
}

/** Horizontal bars: one value per label (categories, agencies). */
export function barChart(id: string, chart: ChartData): string {
  const { categories, series } = chart;
  const height = Math.max(200, 36 + categories.length * (series.length > 1 ? 26 : 18));
  const svg = chartSvg(
    {
      legend: series.length > 1 ? { bottom: 0 } : undefined,
      grid: { left: 160, right: 24, top: 16, bottom: series.length > 1 ? 40 : 16 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: categories.map(inertLabel), inverse: true },
      series: inertSeries(series).map((s) => ({ ...s, type: 'bar' })),
      ...noDataGraphic(chart),
    },
    720,
    height,
  );
  return accessibleSvg(svg, id, chart.title, chart.description);
}
