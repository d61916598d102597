// A sensor window (vital signs, vibration) as the device fed it to the model: float32 little-endian samples,
// channels interleaved, plotted one line per channel against time.
import * as echarts from '../lib/echarts/echarts.esm.min.js';
import { t } from './i18n.js';

/** Splits raw bytes of shape {samples, channels} into one array per channel. */
export function channels(bytes, shape) {
  const view = new DataView(bytes);
  const expected = shape.samples * shape.channels * 4;
  if (bytes.byteLength !== expected) throw new Error(`the window holds ${bytes.byteLength} bytes, its shape says ${expected}`);
  return Array.from({ length: shape.channels }, (_, c) =>
    Array.from({ length: shape.samples }, (_, i) => view.getFloat32(((i * shape.channels) + c) * 4, true)));
}

/** Draws the window into container; returns a function that disposes of the chart. */
export function plotWindow(container, bytes, shape) {
  const data = channels(bytes, shape);
  const hz = shape.sampleHz > 0 ? shape.sampleHz : 1;
  container.dataset.channels = String(data.length);
  container.dataset.samples = String(shape.samples);
  const chart = echarts.init(container, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    legend: { top: 4 },
    grid: { left: 48, right: 16, top: 36, bottom: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', name: t('label.time'), nameLocation: 'middle', nameGap: 26, max: shape.samples / hz },
    yAxis: { type: 'value', scale: true },
    series: data.map((values, c) => ({
      name: t('label.channel', { n: c + 1 }), type: 'line', showSymbol: false, data: values.map((v, i) => [i / hz, v]),
    })),
  });
  return () => chart.dispose();
}
