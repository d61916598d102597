// Programme overview: every scenario of the catalogue by sector, coloured by status, kept live.
import { api } from '../api.js';
import { formatTime, scenarioName, t } from '../i18n.js';
import { chip, debounce, el } from '../view.js';

const sectors = ['traffic', 'manufacturing', 'medical', 'energy', 'city'];

export function render(view, _params, { live }) {
  const summary = el('section', { class: 'summary' });
  const body = el('div', { class: 'sectors' }, el('p', { class: 'empty' }, t('common.loading')));
  view.append(el('h1', {}, t('overview.programme')), summary, body);

  const load = async () => {
    try {
      // Totals only: a programme's device count can exceed one page.
      const [scenarios, devices, online] = await Promise.all([api.scenarios(), api.devices({ limit: 1 }), api.devices({ state: 'online', limit: 1 })]);
      draw(summary, body, scenarios.items, devices.total, online.total);
    } catch (error) {
      body.replaceChildren(el('p', { class: 'error' }, t('common.error') + error.message));
    }
  };
  load();
  const refresh = debounce(load, 1000);
  return live({}, { device: refresh, alert: refresh, kpi: refresh });
}

function draw(summary, body, scenarios, devices, online) {
  const alerts = scenarios.reduce((n, s) => n + s.activeAlerts, 0);
  summary.replaceChildren(
    tile(t('overview.scenarios'), scenarios.length, 'scenarios'),
    tile(t('overview.devicesOnline'), `${online} / ${devices}`, 'devices'),
    tile(t('overview.activeAlerts'), alerts, alerts > 0 ? 'alerts alert' : 'alerts'));
  body.replaceChildren(...sectors
    .map((sector) => [sector, scenarios.filter((s) => s.sector === sector)])
    .filter(([, list]) => list.length > 0)
    .map(([sector, list]) => el('section', { class: 'sector', dataset: { sector } },
      el('h2', {}, `${t(`sector.${sector}`)} · ${list.length}`),
      el('div', { class: 'cards' }, list.map(card)))));
}

const tile = (label, value, kind) =>
  el('div', { class: `tile ${kind}` }, el('span', { class: 'tile-value' }, String(value)), el('span', { class: 'tile-label' }, label));

function card(s) {
  return el('a', { class: `card status-${s.status}`, href: `#/scenario/${encodeURIComponent(s.id)}`, dataset: { scenario: s.id, status: s.status } },
    el('div', { class: 'card-head' }, el('span', { class: 'card-name' }, scenarioName(s)), chip(s.status, t(`status.${s.status}`))),
    el('div', { class: 'card-id' }, s.id),
    el('div', { class: 'card-facts' },
      el('span', {}, `${t('overview.devicesOnline')}: ${s.online}/${s.devices}`),
      s.activeAlerts > 0 ? el('span', { class: 'alert-count' }, `${t('overview.activeAlerts')}: ${s.activeAlerts}`) : null),
    el('div', { class: 'card-time' }, `${t('scenario.lastReport')}: ${formatTime(s.lastReport)}`));
}
