// The scenario page's scored part, from the evaluation API: the score with its interval, each scored KPI with its kind,
// then the audits the accuracy KPIs come from, with their integrity flags.
import { formatNumber, formatTime, kpiLabel, t } from '../i18n.js';
import { chip, el, table } from '../view.js';

const range = (pair, digits) => (pair ? ` [${formatNumber(pair[0], digits)}, ${formatNumber(pair[1], digits)}]` : '');

const kindChip = (k) => chip(`kind-${k.kind}`, k.truth ? `${t(`kind.${k.kind}`)} · ${t(`truth.${k.truth}`)}` : t(`kind.${k.kind}`));

function verdict(e) {
  if (!e.eligible) return chip('alert', `${t('score.ineligible')}: ${e.failedGates.join(', ')}`);
  return e.provisional ? chip('offline', t('score.provisional')) : chip('ok', t('score.eligible'));
}

/** The score, its interval and verdict, and a row per scored KPI (kind, value with interval, threshold, target, points). */
export function scoredKpis(e) {
  const rows = e.kpis.map((k) => el('tr', { dataset: { kpi: k.key, kind: k.kind }, title: k.note },
    el('td', {}, kpiLabel(k.key)),
    el('td', {}, kindChip(k)),
    el('td', { class: 'num' }, k.value === null ? t('score.missing') : `${formatNumber(k.value, 3)}${range(k.valueInterval, 3)}`),
    el('td', { class: 'num' }, formatNumber(k.threshold, 3)),
    el('td', { class: 'num' }, formatNumber(k.target, 3)),
    el('td', { class: 'num' }, formatNumber(k.weight, 2)),
    el('td', { class: 'num' }, `${formatNumber(k.points, 2)}${k.valueInterval ? range(k.pointsInterval, 2) : ''}`)));
  return el('div', {},
    el('p', { class: 'score-line' },
      el('span', { class: 'score', dataset: { score: String(e.score) } }, formatNumber(e.score, 2)),
      el('span', { class: 'score-interval' }, range(e.scoreInterval, 2)), ' / 100 ', verdict(e),
      el('span', { class: 'meta' }, ` ${t('score.period')} ${formatTime(e.from)} – ${formatTime(e.to)}`)),
    e.requirement ? el('p', { class: 'meta' }, `${t('score.requirement')}: ${e.requirement.text}`) : null,
    e.provisional ? el('ul', { class: 'provisional' }, e.provisionalBecause.map((why) => el('li', {}, why))) : null,
    table([t('score.kpi'), t('score.kind'), t('score.value'), t('chart.threshold'), t('chart.target'), t('score.weight'), t('score.points')],
      rows, { class: 'scored' }));
}

function flagCell(flags) {
  return flags.map((f) => el('div', { class: `flag flag-${f.passed === true ? 'passed' : f.passed === false ? 'failed' : 'unchecked'}`, title: f.detail },
    `${f.name}: ${t(f.passed === true ? 'audit.passed' : f.passed === false ? 'audit.failed' : 'audit.unchecked')}`));
}

/** A row per listed device: its latest valid audit in the period (test set, date, model, metrics with intervals, flags), or none. */
export function audits(e) {
  const rows = e.audits.map(({ site, device, audit }) => (audit
    ? el('tr', { dataset: { device: `${site}/${device}`, audit: audit.id } },
      el('td', {}, `${site}/${device}`),
      el('td', {}, `${audit.testSet.name} ${audit.testSet.version}`),
      el('td', {}, formatTime(audit.answered)),
      el('td', {}, `${audit.model.name} ${audit.model.version}`),
      el('td', { class: 'wrap' }, Object.entries(audit.metrics).map(([key, m]) => el('div', {}, `${kpiLabel(key)} ${formatNumber(m.value, 3)}${range(m.interval, 3)}`))),
      el('td', { class: 'wrap' }, flagCell(audit.flags)))
    : el('tr', { dataset: { device: `${site}/${device}` }, class: 'no-audit' },
      el('td', {}, `${site}/${device}`), el('td', { colspan: 5 }, t('audit.none')))));
  return table([t('device.device'), t('audit.testSet'), t('audit.date'), t('audit.model'), t('audit.metrics'), t('audit.flags')], rows, { class: 'audits' });
}
