// The signed-in person's API tokens: make one (its secret is shown once, here), list them, revoke one.
import { api } from '../api.js';
import { formatTime, t } from '../i18n.js';
import { el, table } from '../view.js';

export function render(view) {
  const list = el('div', {}, el('p', { class: 'empty' }, t('common.loading')));
  const created = el('div', { id: 'token-created' });
  const name = el('input', { id: 'token-name', maxlength: 100, required: true, placeholder: t('tokens.namePlaceholder') });
  const days = el('input', { id: 'token-days', type: 'number', min: 1, max: 365, value: 30 });
  const form = el('form', { class: 'token-form', id: 'token-form' },
    el('label', {}, t('tokens.name'), name), el('label', {}, t('tokens.days'), days),
    el('button', { type: 'submit', id: 'token-create' }, t('tokens.create')));
  view.append(el('h1', {}, t('tokens.title')), el('p', { class: 'meta' }, t('tokens.about')), form, created, list);

  const draw = (items) => list.replaceChildren(items.length === 0 ? el('p', { class: 'empty' }, t('tokens.none'))
    : table([t('tokens.id'), t('tokens.name'), t('tokens.created'), t('tokens.expires'), ''], items.map((k) =>
      el('tr', { dataset: { token: k.id } }, el('td', {}, k.id), el('td', {}, k.name), el('td', {}, formatTime(k.created)), el('td', {}, formatTime(k.expires)),
        el('td', {}, k.revoked ? t('tokens.revoked')
          : el('button', { type: 'button', class: 'revoke', onclick: () => api.revokeToken(k.id).then(load).catch(fail) }, t('tokens.revoke'))))), { class: 'tokens' }));
  const fail = (error) => list.replaceChildren(el('p', { class: 'error' }, t('common.error') + error.message));
  const load = () => api.tokens().then(draw).catch(fail);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    api.createToken(name.value, Number(days.value)).then((made) => {
      created.replaceChildren(el('p', {}, t('tokens.once')), el('p', { class: 'secret', id: 'token-secret' }, made.secret));
      name.value = '';
      return load();
    }).catch(fail);
  });
  load();
  return () => {};
}
