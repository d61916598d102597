// The draft leaderboard, for evaluators: the top places with each score's interval, which places are statistical ties
// (their intervals overlap, so the order between them rests on point scores), and the benchmark selection with how each
// place was chosen and which tie across the cut was broken.
import { api } from '../api.js';
import { formatNumber, t } from '../i18n.js';
import { chip, el, table } from '../view.js';

const interval = (pair) => (pair ? ` [${formatNumber(pair[0], 2)}, ${formatNumber(pair[1], 2)}]` : '');

function ties(r) {
  return el('td', { class: 'wrap' },
    r.tie ? el('div', { class: 'tie' }, r.tie) : null,
    r.statisticalTie ? el('div', { class: 'statistical-tie' }, chip('offline', t('board.statisticalTie')), ` ${r.statisticalTie}`) : null,
    r.selection ? el('div', { class: 'selection' }, `${t('board.selected')}: ${r.selection}`) : null);
}

function rows(ranked) {
  return ranked.map((r) => el('tr', { dataset: { scenario: r.scenario, rank: String(r.rank) } },
    el('td', { class: 'num' }, String(r.rank)),
    el('td', {}, el('a', { href: `#/scenario/${encodeURIComponent(r.scenario)}` }, r.scenario)),
    el('td', {}, t(`sector.${r.sector}`)),
    el('td', { class: 'num score-cell' }, `${formatNumber(r.score, 2)}${interval(r.scoreInterval)}`),
    el('td', {}, r.provisional ? chip('offline', t('score.provisional')) : chip('ok', t('score.eligible'))),
    ties(r)));
}

// #/leaderboard?from=…&to=… ranks every scenario over one period (ISO 8601, UTC); without it, each over its catalogue period.
export function render(view, [search]) {
  const params = new URLSearchParams(search ?? '');
  const body = el('div', {}, el('p', { class: 'empty' }, t('common.loading')));
  view.append(el('h1', {}, t('board.title')), body);
  const headers = [t('board.rank'), t('board.scenario'), t('board.sector'), t('board.score'), t('board.status'), t('board.ties')];
  api.leaderboard({ from: params.get('from'), to: params.get('to') }).then((doc) => body.replaceChildren(
    el('p', { class: 'meta' }, t('board.rule')),
    table(headers, rows(doc.leaderboard), { class: 'leaderboard' }),
    el('h2', {}, t('board.benchmarks')),
    el('p', { class: 'meta' }, t('board.benchmarkRule')),
    table(headers, rows(doc.benchmarks), { class: 'benchmarks' }),
  )).catch((error) => body.replaceChildren(el('p', { class: 'error' }, t('common.error') + error.message)));
  return () => {};
}
