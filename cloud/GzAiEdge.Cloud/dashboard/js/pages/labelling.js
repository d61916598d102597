// The evaluator's overview of field-audit labelling: their progress, the agreement between evaluators as the API
// computes it, and every sampled item with its outcome. Evaluators and admins only: the API refuses anyone else,
// and the page says so instead of showing an empty list.
import { api } from '../api.js';
import { formatNumber, formatPercent, t } from '../i18n.js';
import { chip, el, table } from '../view.js';

/** The agreement of each pipeline (kappa, box agreement, mean IoU); "—" where nothing is doubly labelled. */
export function agreementTable(rows) {
  if (rows.every((r) => r.doublyLabelled === 0)) return el('p', { class: 'empty', id: 'no-agreement' }, t('label.noAgreement'));
  return table([t('label.pipeline'), t('label.labelled'), t('label.double'), t('label.kappa'), t('label.boxAgreement'), t('label.meanIou')],
    rows.map((r) => el('tr', { dataset: { pipeline: r.pipeline } }, el('td', {}, r.pipeline), el('td', { class: 'num' }, r.labelledItems),
      el('td', { class: 'num' }, r.doublyLabelled), el('td', { class: 'num kappa' }, formatNumber(r.kappa, 3)),
      el('td', { class: 'num box-agreement' }, formatPercent(r.boxAgreement)), el('td', { class: 'num mean-iou' }, formatNumber(r.meanIou, 3)))),
    { class: 'agreement' });
}

/** What a refused or failed call shows: for 403, that the page is for evaluators. */
export const failure = (error) => el('p', { class: 'error', id: 'label-error' },
  error.status === 403 ? t('label.refused', { error: error.message }) : t('common.error') + error.message);

export const stratumChip = (stratum) => chip(stratum === 'positive' ? 'alert' : 'ok', t(`stratum.${stratum}`));

export function render(view, [scenario]) {
  const progress = el('p', { class: 'meta', id: 'label-progress' });
  const start = el('div', { class: 'label-actions' });
  const agreement = el('div', { id: 'agreement' }, el('p', { class: 'empty' }, t('common.loading')));
  const items = el('div', { id: 'label-items' }, el('p', { class: 'empty' }, t('common.loading')));
  const picker = el('select', { id: 'label-scenario', onchange: (e) => { window.location.hash = e.target.value ? `#/labelling/${encodeURIComponent(e.target.value)}` : '#/labelling'; } },
    el('option', { value: '' }, t('label.all')));
  view.append(el('h1', {}, t('label.title')), el('p', { class: 'meta who' }, t('label.who')),
    el('label', { class: 'toggle' }, t('label.scenario'), picker), progress, start,
    el('h2', {}, t('label.agreement')), agreement, el('h2', {}, t('label.items')), items);

  const fail = (error) => view.replaceChildren(el('h1', {}, t('label.title')), el('p', { class: 'meta who' }, t('label.who')), failure(error));
  api.labelQueue({ scenario, limit: 1 }).then((q) => {
    progress.textContent = t('label.progress', { done: q.labelledByYou, received: q.received });
    start.replaceChildren(q.items.length > 0
      ? el('a', { class: 'button', id: 'label-start', href: `#/label/${encodeURIComponent(q.items[0].id)}` }, t('label.start'))
      : el('p', { class: 'empty', id: 'queue-done' }, t('label.queueDone')));
  }).catch(fail);
  api.agreement({ scenario }).then((rows) => agreement.replaceChildren(agreementTable(rows))).catch(fail);
  api.labelItems().then((all) => {
    for (const id of [...new Set(all.map((r) => r.item.scenario))].sort()) picker.append(el('option', { value: id, selected: id === scenario }, id));
    const shown = all.filter((r) => !scenario || r.item.scenario === scenario);
    items.replaceChildren(table([t('label.id'), t('label.scenario'), t('label.device'), t('label.seq'), t('label.pipeline'), t('label.stratum'), t('label.state'), t('label.labels'), ''],
      shown.map(({ item, state, reason }) => el('tr', { dataset: { item: item.id } }, el('td', {}, item.id), el('td', {}, item.scenario),
        el('td', {}, `${item.site}/${item.device}`), el('td', { class: 'num' }, item.seq), el('td', {}, item.pipeline), el('td', {}, stratumChip(item.stratum)),
        el('td', { class: 'wrap' }, reason ? `${state}: ${reason}` : state), el('td', { class: 'num' }, item.labels),
        el('td', {}, state === 'received' ? el('a', { href: `#/label/${encodeURIComponent(item.id)}` }, t('label.open')) : ''))), { class: 'label-items' }));
  }).catch(fail);
  return () => {};
}
