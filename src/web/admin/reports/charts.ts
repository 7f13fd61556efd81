/**
 * Server-rendered ECharts (SVG) for the county page. Our CSP allows no inline style, so the SVG's
 * `<style>` block (hover effects only) is dropped and `style="…"` attributes become SVG
 * presentation attributes.
 */
import * as echarts from 'echarts';

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
export function outcomeChart(
  title: string,
  years: number[],
  series: { name: string; data: number[] }[],
) {
  return chartSvg({
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 56 },
    xAxis: { type: 'category', data: years.map((y) => `${y}年`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ ...s, type: 'bar', stack: 'all' })),
  });
}

/** Horizontal bars: one value per label (categories, agencies). */
export function barChart(
  title: string,
  labels: string[],
  series: { name: string; data: number[] }[],
) {
  const height = Math.max(200, 60 + labels.length * (series.length > 1 ? 26 : 18));
  return chartSvg(
    {
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      legend: series.length > 1 ? { bottom: 0 } : undefined,
      grid: { left: 160, right: 24, top: 40, bottom: series.length > 1 ? 40 : 16 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: labels, inverse: true },
      series: series.map((s) => ({ ...s, type: 'bar' })),
    },
    720,
    height,
  );
}
