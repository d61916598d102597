// KPI charts: one ECharts line chart per KPI, with the alert threshold and the target as lines.
import * as echarts from '../lib/echarts/echarts.esm.min.js';
import { kpiLabel, t } from './i18n.js';

const MaxPoints = 600;

// Axis bounds that include the marked levels, with a margin so that lines do not sit on the frame.
function bounds(v, levels) {
  const low = Math.min(v.min, ...levels);
  const high = Math.max(v.max, ...levels);
  if (!Number.isFinite(low) || !Number.isFinite(high)) return { min: undefined, max: undefined };
  const margin = (high - low) * 0.08 || Math.abs(high) * 0.1 || 1;
  return { min: low - margin, max: high + margin };
}

export class KpiChart {
  constructor(container, kpi, line) {
    this.kpi = kpi;
    this.container = container;
    this.points = [];
    this.chart = echarts.init(container, null, { renderer: 'canvas' });
    this.line = line;
    this.draw();
  }

  /** Replaces the points with [time, value] pairs (from the series API). */
  setPoints(points) {
    this.points = points.map((p) => [new Date(p.time).getTime(), p.value]);
    this.draw();
  }

  /** Adds one live value at the window end. */
  add(time, value) {
    this.points.push([new Date(time).getTime(), value]);
    this.points.sort((a, b) => a[0] - b[0]);
    if (this.points.length > MaxPoints) this.points.splice(0, this.points.length - MaxPoints);
    this.draw();
  }

  get count() {
    return this.points.length;
  }

  resize() {
    this.chart.resize();
  }

  dispose() {
    this.chart.dispose();
  }

  draw() {
    // What the chart shows, readable from the page (a canvas is not): used by the browser tests.
    this.container.dataset.points = String(this.points.length);
    this.container.dataset.last = this.points.length > 0 ? String(this.points[this.points.length - 1][1]) : '';
    this.container.dataset.title = kpiLabel(this.kpi);
    const marks = [];
    if (this.line) {
      marks.push({ yAxis: this.line.threshold, name: t('chart.threshold'), lineStyle: { color: '#d9363e', type: 'dashed' },
        label: { formatter: `${t('chart.threshold')} ${this.line.threshold}`, color: '#d9363e', position: 'insideEndTop' } });
      if (this.line.target !== null && this.line.target !== undefined) {
        marks.push({ yAxis: this.line.target, name: t('chart.target'), lineStyle: { color: '#2f9e44', type: 'dashed' },
          label: { formatter: `${t('chart.target')} ${this.line.target}`, color: '#2f9e44', position: 'insideEndTop' } });
      }
    }
    const levels = marks.map((m) => m.yAxis);
    this.chart.setOption({
      animation: false,
      title: { text: kpiLabel(this.kpi), left: 8, top: 4, textStyle: { fontSize: 13, fontWeight: 600 } },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'time', splitNumber: 4, axisLabel: { hideOverlap: true, formatter: '{HH}:{mm}:{ss}' } },
      // The threshold and target stay in view even when every value is far from them.
      yAxis: { type: 'value', scale: true, min: (v) => bounds(v, levels).min, max: (v) => bounds(v, levels).max,
        axisLabel: { showMinLabel: false, showMaxLabel: false, formatter: (x) => Number(x.toPrecision(4)) } },
      series: [{
        name: kpiLabel(this.kpi), type: 'line', showSymbol: this.points.length < 60, data: this.points,
        lineStyle: { width: 2, color: '#1c7ed6' }, itemStyle: { color: '#1c7ed6' },
        markLine: { symbol: 'none', silent: true, data: marks },
      }],
    }, true);
  }
}
