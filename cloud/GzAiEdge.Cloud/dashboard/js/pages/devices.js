// The devices table used on the scenario page: state, heartbeat, model, outbox and completeness.
import { formatNumber, formatPercent, formatTime, t } from '../i18n.js';
import { chip, el, table } from '../view.js';

/** A device's state as a coloured chip. */
export const stateChip = (d) => chip(d.state === 'online' ? 'ok' : d.state === 'offline' ? 'offline' : 'no-data', t(`state.${d.state}`));

/** The model a device last reported with, or a dash. */
export const modelText = (d) => (d.modelName ? `${d.modelName} ${d.modelVersion ?? ''}` : '—');

export function deviceTable(devices) {
  if (devices.length === 0) return el('p', { class: 'empty' }, t('scenario.noDevices'));
  const rows = devices.map((d) => el('tr', { dataset: { device: `${d.site}/${d.device}` } },
    el('td', {}, el('a', { href: `#/device/${encodeURIComponent(d.site)}/${encodeURIComponent(d.device)}` }, d.device)),
    el('td', {}, d.site),
    el('td', {}, stateChip(d)),
    el('td', {}, formatTime(d.lastHeartbeat)),
    el('td', {}, modelText(d)),
    el('td', {}, formatNumber(d.outboxDepth, 0)),
    el('td', {}, formatPercent(d.completeness)),
    el('td', {}, formatTime(d.lastReport))));
  return table([t('device.device'), t('device.site'), t('device.state'), t('device.heartbeat'), t('device.model'),
    t('device.outbox'), t('scenario.completeness'), t('scenario.lastReport')], rows, { class: 'devices' });
}
