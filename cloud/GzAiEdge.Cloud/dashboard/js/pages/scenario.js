// One scenario: its scored KPIs with their kind, then the audits they come from and their flags, then live charts of
// the KPIs its devices report (monitoring first), its devices and its alerts. A chart is drawn only for a KPI a device
// of the scenario has reported, with the alert rule's threshold and target as lines when there is one.
import { api } from '../api.js';
import { alertTable, mergeLoaded, upsert } from '../alerts.js';
import { KpiChart } from '../charts.js';
import { formatTime, kpiKind, scenarioName, t } from '../i18n.js';
import { chip, debounce, el } from '../view.js';
import { deviceTable } from './devices.js';
import { audits, scoredKpis } from './evaluation.js';

const HistoryMinutes = 30;

export function render(view, [id], { live }) {
  const head = el('div', { class: 'page-head' }, el('p', { class: 'empty' }, t('common.loading')));
  const scored = el('div', { id: 'scored' }, el('p', { class: 'empty' }, t('common.loading')));
  const auditBox = el('div', { id: 'audits' });
  const monitoring = el('div', { class: 'charts', id: 'monitoring-charts' });
  const reported = el('div', { class: 'charts', id: 'reported-charts' });
  const devicesBox = el('div', {});
  const alertsBox = el('div', {});
  const noCharts = () => el('p', { class: 'empty' }, t('scenario.noCharts'));
  monitoring.append(noCharts());
  reported.append(noCharts());
  view.append(head,
    el('h2', {}, t('scenario.scored')), scored,
    el('h2', {}, t('scenario.audits')), auditBox,
    el('h2', {}, t('scenario.monitoring')), monitoring,
    el('h2', {}, t('scenario.reported')), reported,
    el('h2', {}, t('scenario.devices')), devicesBox,
    el('h2', {}, t('scenario.alerts')), alertsBox);

  const chartsByKpi = new Map();
  const devices = new Map();
  let lines = new Map();
  let alerts = [];

  const chartFor = (kpi) => {
    if (!chartsByKpi.has(kpi)) {
      const kind = kpiKind(kpi) ?? 'monitoring';
      const box = el('div', { class: 'chart', dataset: { kpi, kind } });
      const section = kind === 'monitoring' ? monitoring : reported;
      section.querySelector('.empty')?.remove();
      section.append(box);
      chartsByKpi.set(kpi, new KpiChart(box, kpi, lines.get(kpi)));
    }
    return chartsByKpi.get(kpi);
  };
  const drawDevices = () => devicesBox.replaceChildren(deviceTable([...devices.values()]));
  const drawAlerts = () => alertsBox.replaceChildren(alertTable(alerts, (a) => { upsert(alerts, a); drawAlerts(); }));
  const drawHead = (detail) => head.replaceChildren(
    el('a', { href: '#/', class: 'back' }, `← ${t('common.back')}`),
    el('h1', {}, scenarioName(detail.scenario), ' ', chip(detail.scenario.status, t(`status.${detail.scenario.status}`))),
    el('p', { class: 'meta' }, `${detail.scenario.id} · ${t(`sector.${detail.scenario.sector}`)} · ${t('scenario.type')}: ${detail.scenario.type}`
      + ` · ${t('scenario.lastReport')}: ${formatTime(detail.scenario.lastReport)}`));

  const refreshHead = debounce(() => api.scenario(id).then(drawHead).catch(() => {}), 1000);

  api.evaluation(id)
    .then((e) => {
      scored.replaceChildren(scoredKpis(e));
      auditBox.replaceChildren(audits(e));
    })
    .catch((error) => scored.replaceChildren(el('p', { class: 'error' }, t('common.error') + error.message)));

  (async () => {
    try {
      const detail = await api.scenario(id);
      drawHead(detail);
      lines = new Map(detail.kpis.map((l) => [l.kpi, l]));
      // What the live stream delivered while these requests ran is newer than their answers: keep it.
      detail.devices.forEach((d) => { if (!devices.has(`${d.site}/${d.device}`)) devices.set(`${d.site}/${d.device}`, d); });
      drawDevices();
      const kpis = [...new Set(detail.devices.flatMap((d) => Object.keys(d.latestKpis ?? {})))].sort();
      kpis.forEach(chartFor);
      if (kpis.length > 0) {
        const from = new Date(Date.now() - HistoryMinutes * 60_000).toISOString();
        const series = await api.series({ scenario: id, kpis: kpis.join(','), from, points: HistoryMinutes * 12 });
        kpis.forEach((k) => chartFor(k).setPoints(series.series[k] ?? []));
      }
      mergeLoaded(alerts, (await api.alerts({ scenario: id, limit: 20 })).items);
      drawAlerts();
    } catch (error) {
      head.replaceChildren(el('p', { class: 'error' }, t('common.error') + error.message),
        el('a', { href: '#/' }, t('common.back')));
    }
  })();

  const resize = () => chartsByKpi.forEach((c) => c.resize());
  window.addEventListener('resize', resize);
  const close = live({ scenario: id }, {
    kpi: (r) => Object.entries(r.kpis).forEach(([k, v]) => chartFor(k).add(r.windowEnd, v)),
    device: (d) => { devices.set(`${d.site}/${d.device}`, d); drawDevices(); refreshHead(); },
    alert: (a) => { upsert(alerts, a); drawAlerts(); refreshHead(); },
  });
  return () => {
    close();
    window.removeEventListener('resize', resize);
    chartsByKpi.forEach((c) => c.dispose());
  };
}
