// Alert rows shared by the scenario page and the alerts page: text in the reader's language, live updates.
import { api } from './api.js';
import { formatNumber, formatPercent, formatTime, kpiLabel, t } from './i18n.js';
import { chip, el, table } from './view.js';

/** The alert's text, built from its kind and numbers (the API's message is English only). */
export function describe(a) {
  if (a.kind === 'offline') return t('alerts.offline', { threshold: formatNumber(a.threshold, 0) });
  if (a.kind === 'completeness') return t('alerts.completeness', { value: formatPercent(a.value), threshold: formatPercent(a.threshold) });
  if (a.kind === 'quota') return t('alerts.quota');
  const side = a.rule.endsWith('/above') ? t('alerts.above') : t('alerts.below');
  return t('alerts.kpi', { kpi: kpiLabel(a.kpi), value: formatNumber(a.value, 3), side, threshold: formatNumber(a.threshold, 3) });
}

/** Keeps a list of alerts, newest first, replacing one that comes again (resolved, acknowledged). */
export function upsert(list, alert) {
  const i = list.findIndex((a) => a.id === alert.id);
  if (i >= 0) list[i] = alert; else list.unshift(alert);
  list.sort((a, b) => b.id - a.id);
}

/**
 * Adds alerts a list request returned, except those the live stream delivered while the request ran:
 * those copies are newer than the list's.
 */
export function mergeLoaded(list, loaded) {
  const live = new Set(list.map((a) => a.id));
  loaded.filter((a) => !live.has(a.id)).forEach((a) => upsert(list, a));
}

/** A table of alerts with an acknowledge button on each unacknowledged one; onChange gets the updated alert. */
export function alertTable(alerts, onChange, showScenario = false) {
  if (alerts.length === 0) return el('p', { class: 'empty alerts-empty' }, t('alerts.none'));
  const rows = alerts.map((a) => el('tr', { class: a.active ? 'alert-active' : 'alert-resolved', dataset: { alert: a.id, kind: a.kind } },
    el('td', {}, a.active ? chip('alert', t('alerts.active')) : chip('ok', t('alerts.resolved'))),
    el('td', { class: 'alert-text' }, describe(a)),
    showScenario ? el('td', {}, el('a', { href: `#/scenario/${encodeURIComponent(a.scenario)}` }, a.scenario)) : null,
    el('td', {}, el('a', { href: `#/device/${encodeURIComponent(a.site)}/${encodeURIComponent(a.device)}` }, `${a.site}/${a.device}`)),
    el('td', {}, formatTime(a.raisedAt)),
    el('td', {}, a.acknowledgedAt
      ? el('span', { class: 'acked' }, t('alerts.acked'))
      : el('button', { type: 'button', class: 'ack', onclick: async (e) => {
        e.target.disabled = true;
        onChange(await api.acknowledge(a.id));
      } }, t('alerts.ack')))));
  const headers = [t('device.state'), t('alerts.what'), showScenario ? t('device.scenario') : null, t('device.device'), t('alerts.raised'), '']
    .filter((h) => h !== null);
  return table(headers, rows, { class: 'alerts' });
}
