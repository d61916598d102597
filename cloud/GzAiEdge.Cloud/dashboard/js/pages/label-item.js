// One sampled item for labelling: the input with the device's output on it, the evaluator's correction, keyboard
// shortcuts, progress through the scenario's queue and the agreement between evaluators. Enter stores the label
// (the server records who and when) and opens the next item of the caller's queue; N skips to it.
import { api } from '../api.js';
import { formatTime, t } from '../i18n.js';
import { workspace } from '../label-kinds.js';
import { el } from '../view.js';
import { agreementTable, failure, stratumChip } from './labelling.js';

const shortcuts = [['Enter', 'key.enter'], ['N', 'key.n'], ['D / Delete', 'key.d'], ['1–9', 'key.digits'], ['Esc', 'key.esc'], [null, 'key.draw']];

// The next item of the caller's queue in this scenario, other than the one on screen.
async function nextOf(item) {
  const queue = await api.labelQueue({ scenario: item.scenario, limit: 2 });
  return { queue, next: queue.items.find((q) => q.id !== item.id) };
}

export function render(view, [id]) {
  const cleanups = [];
  let onKey = () => {};
  const keys = (e) => onKey(e);
  document.addEventListener('keydown', keys);
  view.append(el('p', { class: 'empty' }, t('common.loading')));

  api.labelItem(id).then((item) => {
    const status = el('p', { class: 'meta', id: 'label-status' },
      item.yourLabel ? t('label.yours', { time: formatTime(item.yourLabel.labelled) }) : '');
    const progress = el('p', { class: 'meta', id: 'label-progress' });
    const agreement = el('div', { id: 'agreement' });
    const note = el('input', { id: 'label-note', maxlength: 200, value: item.yourLabel?.note ?? '', placeholder: t('label.note') });
    const work = workspace(item, cleanups);
    let busy = false;

    const refresh = () => Promise.all([
      api.labelQueue({ scenario: item.scenario, limit: 1 }).then((q) => { progress.textContent = t('label.progress', { done: q.labelledByYou, received: q.received }); }),
      api.agreement({ scenario: item.scenario }).then((rows) => agreement.replaceChildren(agreementTable(rows.filter((r) => r.pipeline === item.pipeline)))),
    ]).catch((error) => status.replaceChildren(failure(error)));
    const go = async () => {
      const { next } = await nextOf(item);
      if (next) window.location.hash = `#/label/${encodeURIComponent(next.id)}`;
      else status.append(el('span', { id: 'queue-done' }, ` — ${t('label.queueDone')}`));
    };
    const confirm = async () => {
      const label = work.label();
      if (busy || !label) return;
      busy = true;
      try {
        const stored = await api.label(item.id, { ...label, note: note.value.trim() || null });
        status.textContent = t('label.saved', { who: stored.evaluator, time: formatTime(stored.labelled) });
        status.dataset.saved = stored.evaluator;
        await refresh();
        await go();
      } catch (error) {
        status.replaceChildren(failure(error));
      } finally {
        busy = false;
      }
    };
    onKey = (e) => {
      if (e.target instanceof HTMLInputElement || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Enter') confirm();
      else if (e.key === 'n' || e.key === 'N') go().catch((error) => status.replaceChildren(failure(error)));
      else if ((e.key === 'd' || e.key === 'D' || e.key === 'Delete' || e.key === 'Backspace') && work.remove) work.remove();
      else if (e.key === 'Escape' && work.escape) work.escape();
      else if (/^[1-9]$/.test(e.key)) work.digit(Number(e.key) - 1);
      else return;
      e.preventDefault();
    };

    view.replaceChildren(
      el('a', { class: 'back', href: `#/labelling/${encodeURIComponent(item.scenario)}` }, `← ${t('label.title')}`),
      el('h1', {}, `${t('label.item')} · ${item.pipeline}`, stratumChip(item.stratum)),
      el('p', { class: 'meta who' }, t('label.who')),
      el('div', { class: 'facts' }, [
        [t('label.scenario'), item.scenario], [t('label.device'), `${item.site}/${item.device}`], [t('label.seq'), item.seq],
        [t('label.window'), `${formatTime(item.windowStart)} – ${formatTime(item.windowEnd)}`], [t('label.report'), item.reportHash.slice(0, 12)],
      ].map(([k, v]) => el('div', { class: 'fact' }, el('span', { class: 'fact-label' }, k), el('span', { class: 'fact-value' }, v)))),
      progress, work.node,
      el('div', { class: 'label-actions' }, note,
        el('button', { type: 'button', id: 'label-confirm', onclick: confirm }, `${t('label.confirm')} (Enter)`),
        el('button', { type: 'button', id: 'label-skip', class: 'secondary', onclick: () => go() }, `${t('label.skip')} (N)`)),
      status,
      el('h2', {}, t('label.shortcuts')),
      el('dl', { class: 'shortcuts' }, shortcuts.flatMap(([k, text]) => [el('dt', {}, el('kbd', {}, k ?? t('key.mouse'))), el('dd', {}, t(text))])),
      el('h2', {}, t('label.agreement')), agreement);
    view.dataset.item = item.id;
    refresh();
  }).catch((error) => view.replaceChildren(el('h1', {}, t('label.item')), el('p', { class: 'meta who' }, t('label.who')), failure(error)));

  return () => {
    document.removeEventListener('keydown', keys);
    delete view.dataset.item;
    cleanups.forEach((f) => f());
  };
}
