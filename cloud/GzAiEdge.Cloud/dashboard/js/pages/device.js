// One device: state, heartbeat, outbox, model, completeness, health, latest KPIs and recent events, live.
import { api } from '../api.js';
import { formatDuration, formatNumber, formatPercent, formatTime, kpiLabel, t } from '../i18n.js';
import { el, table } from '../view.js';
import { modelText, stateChip } from './devices.js';
import { healthFacts } from './health.js';

const factRows = (rows) => rows.map(([label, value]) => el('div', { class: 'fact' }, el('span', { class: 'fact-label' }, label), el('span', { class: 'fact-value' }, value)));

export function render(view, [site, device], { live }) {
  const facts = el('div', { class: 'facts' }, el('p', { class: 'empty' }, t('common.loading')));
  const health = el('div', { class: 'facts', id: 'device-health' });
  const latest = el('div', {});
  const eventsBox = el('div', {});
  view.append(el('a', { href: '#/', class: 'back' }, `← ${t('common.back')}`), el('h1', {}, `${site} / ${device}`),
    facts, el('h2', {}, t('device.health')), health, el('h2', {}, t('device.latest')), latest, el('h2', {}, t('device.events')), eventsBox);
  let events = [];

  const drawDevice = (d) => {
    facts.replaceChildren(...factRows([
      [t('device.state'), stateChip(d)],
      [t('device.since'), formatTime(d.stateSince)],
      [t('device.heartbeat'), formatTime(d.lastHeartbeat)],
      [t('device.uptime'), formatDuration(d.uptimeSeconds)],
      [t('device.lastSeq'), formatNumber(d.lastSeq, 0)],
      [t('device.outbox'), formatNumber(d.outboxDepth, 0)],
      [t('device.model'), modelText(d)],
      [t('scenario.completeness'), formatPercent(d.completeness)],
      [t('device.scenario'), d.scenario ? el('a', { href: `#/scenario/${encodeURIComponent(d.scenario)}` }, d.scenario) : '—'],
    ]));
    health.replaceChildren(...factRows(healthFacts(d.health)));
    const kpis = Object.entries(d.latestKpis ?? {});
    latest.replaceChildren(kpis.length === 0 ? el('p', { class: 'empty' }, '—')
      : table([t('device.kpi'), t('device.value')], kpis.map(([k, v]) => el('tr', {}, el('td', {}, kpiLabel(k)), el('td', {}, formatNumber(v, 3))))));
  };
  const drawEvents = () => eventsBox.replaceChildren(events.length === 0 ? el('p', { class: 'empty' }, t('device.noEvents'))
    : table([t('device.time'), t('device.level'), t('device.code'), t('device.message')], events.map((e) => el('tr', { class: `level-${e.level}` },
      el('td', {}, formatTime(e.time)), el('td', {}, e.level), el('td', {}, e.code), el('td', {}, e.message)))));

  api.device(site, device).then(drawDevice).catch((error) => facts.replaceChildren(el('p', { class: 'error' },
    error.status === 404 ? t('device.unknownDevice') : t('common.error') + error.message)));
  api.events(site, device).then((list) => { events = list; drawEvents(); })
    .catch((error) => eventsBox.replaceChildren(el('p', { class: 'error' }, t('common.error') + error.message)));

  const mine = (x) => x.site === site && x.device === device;
  return live({ site }, {
    device: (d) => mine(d) && drawDevice(d),
    'device-event': (e) => { if (mine(e)) { events = [e, ...events].slice(0, 20); drawEvents(); } },
  });
}
