// All alerts of the programme, newest first, live; optionally only the active ones.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { alertTable, mergeLoaded, upsert } from '../alerts.js';
import { el } from '../view.js';

export function render(view, _params, { live }) {
  let alerts = [];
  let activeOnly = false;
  const body = el('div', {}, el('p', { class: 'empty' }, t('common.loading')));
  const toggle = el('label', { class: 'toggle' },
    el('input', { type: 'checkbox', onchange: (e) => { activeOnly = e.target.checked; draw(); } }), t('alerts.activeOnly'));
  view.append(el('h1', {}, t('alerts.title')), toggle, body);

  const draw = () => body.replaceChildren(alertTable(alerts.filter((a) => !activeOnly || a.active), (a) => { upsert(alerts, a); draw(); }, true));
  api.alerts().then((page) => {
    mergeLoaded(alerts, page.items);
    draw();
  })
    .catch((error) => body.replaceChildren(el('p', { class: 'error' }, t('common.error') + error.message)));
  return live({}, { alert: (a) => { upsert(alerts, a); draw(); } });
}
