// The audit trail, for admins: newest first, and whether the hash chain is intact.
import { api } from '../api.js';
import { formatTime, t } from '../i18n.js';
import { el, table } from '../view.js';

export function render(view) {
  const chain = el('p', { class: 'meta', id: 'audit-chain' });
  const body = el('div', {}, el('p', { class: 'empty' }, t('common.loading')));
  view.append(el('h1', {}, t('audit.title')), chain, body);
  const fail = (error) => body.replaceChildren(el('p', { class: 'error' }, t('common.error') + error.message));
  api.auditVerify().then((c) => {
    chain.textContent = c.intact ? t('audit.intact', { n: c.entries }) : t('audit.broken', { seq: c.firstBroken, problem: c.problem });
    chain.className = c.intact ? 'meta' : 'error';
  }).catch(fail);
  api.auditLog().then((page) => body.replaceChildren(table(
    ['#', t('audit.time'), t('audit.actor'), t('audit.action'), t('audit.target'), t('audit.outcome'), t('audit.from'), t('audit.details')],
    page.items.map((e) => el('tr', { dataset: { action: e.record.action } }, el('td', {}, e.seq), el('td', {}, formatTime(e.time)),
      el('td', {}, `${e.record.actor} (${e.record.actorKind})`), el('td', {}, e.record.action), el('td', {}, e.record.target),
      el('td', {}, e.record.outcome), el('td', {}, e.record.from), el('td', {}, e.record.details ?? ''))), { class: 'audit' }))).catch(fail);
  return () => {};
}
