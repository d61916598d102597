// The dashboard shell: hash routes, the language switch and the live-stream indicator.
import { applyLabels, currentLang, loadKpiCatalogue, onLangChange, setLang, t } from './i18n.js';
import { api, loadSession, openLive, signInPage } from './api.js';
import { el } from './view.js';
import * as overview from './pages/overview.js';
import * as scenario from './pages/scenario.js';
import * as device from './pages/device.js';
import * as alerts from './pages/alerts.js';
import * as tokens from './pages/tokens.js';
import * as auditLog from './pages/audit-log.js';
import * as labelling from './pages/labelling.js';
import * as labelItem from './pages/label-item.js';
import * as leaderboard from './pages/leaderboard.js';

const routes = [
  [/^#?\/?$/, overview, 'nav-overview'],
  [/^#\/scenario\/([^/]+)$/, scenario, null],
  [/^#\/device\/([^/]+)\/([^/]+)$/, device, null],
  [/^#\/alerts$/, alerts, 'nav-alerts'],
  [/^#\/tokens$/, tokens, 'nav-tokens'],
  [/^#\/audit-log$/, auditLog, 'nav-audit'],
  [/^#\/labelling(?:\/([^/]+))?$/, labelling, 'nav-labelling'],
  [/^#\/label\/([^/]+)$/, labelItem, 'nav-labelling'],
  [/^#\/leaderboard(?:\?(.*))?$/, leaderboard, 'nav-leaderboard'],
];

const view = document.getElementById('view');
let cleanup = () => {};

function setLiveState(state) {
  const live = document.getElementById('live');
  live.dataset.state = state;
  document.getElementById('live-text').textContent = t(`live.${state}`);
}

// Each page opens one stream through this, so the indicator follows the stream on screen.
function live(filter, handlers) {
  setLiveState('connecting');
  return openLive(filter, handlers, setLiveState);
}

function render() {
  cleanup();
  view.replaceChildren();
  const hash = window.location.hash || '#/';
  const match = routes.map(([pattern, page, nav]) => [hash.match(pattern), page, nav]).find(([m]) => m);
  document.querySelectorAll('nav a').forEach((a) => a.classList.remove('active'));
  if (!match) {
    view.append(el('p', { class: 'empty' }, t('common.notFound')), el('a', { href: '#/' }, t('common.back')));
    cleanup = () => {};
    return;
  }
  const [m, page, nav] = match;
  if (nav) document.getElementById(nav).classList.add('active');
  cleanup = page.render(view, m.slice(1).map((p) => (p === undefined ? undefined : decodeURIComponent(p))), { live }) ?? (() => {});
}

function applyShell() {
  applyLabels();
  document.title = t('app.title');
  document.getElementById('lang').textContent = t('lang.switch');
  setLiveState(document.getElementById('live').dataset.state);
}

// The server sends a visitor without a session to the sign-in page; a session that ended since goes there too.
const session = await loadSession();
if (!session.signedIn) {
  window.location.replace(signInPage());
  await new Promise(() => {}); // nothing more to draw: the browser is leaving
}
const me = session.me ?? { name: '', roles: [] };
document.getElementById('user-name').textContent = `${me.name} (${me.roles.join(', ')})`;
document.getElementById('nav-audit').hidden = !me.roles.includes('admin');
// Labelling is the evaluators' (admins may too); the API refuses everyone else whatever the menu shows.
document.getElementById('nav-labelling').hidden = !me.roles.some((r) => r === 'admin' || r === 'evaluator');
document.getElementById('nav-leaderboard').hidden = !me.roles.some((r) => r === 'admin' || r === 'evaluator');
document.getElementById('signout').addEventListener('click', async () => {
  await api.signOut().catch(() => {});
  window.location.replace('/signin.html');
});
document.getElementById('lang').addEventListener('click', () => setLang(currentLang() === 'zh' ? 'en' : 'zh'));
onLangChange(() => {
  applyShell();
  render();
});
window.addEventListener('hashchange', render);
try {
  await loadKpiCatalogue();
} catch (error) {
  // The pages still work, with KPI keys for labels; say why they look that way.
  console.error(`KPI catalogue not loaded, KPIs are shown by key: ${error.message}`);
}
setLang(currentLang());
