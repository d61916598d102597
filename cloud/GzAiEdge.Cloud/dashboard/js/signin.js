// The sign-in page: a local account (name and password) or the city's single sign-on when the cloud has one.
// Every failure reads the same (the server does not say whether the name exists); the page goes back to where the
// person was heading (the dashboard's hash route) once signed in.
import { applyLabels, currentLang, onLangChange, setLang, t } from './i18n.js';

const target = () => `/${window.location.hash || ''}`;
let csrf = '';

async function loadSession() {
  const response = await fetch('/api/v1/auth/session', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

function showError(key) {
  document.getElementById('signin-error').textContent = key ? t(key) : '';
}

async function signIn(event) {
  event.preventDefault();
  showError(null);
  const response = await fetch('/api/v1/auth/signin', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-TOKEN': csrf },
    body: JSON.stringify({ userName: document.getElementById('username').value, password: document.getElementById('password').value }),
  });
  if (response.ok) {
    window.location.replace(target());
    return;
  }
  showError(response.status === 429 ? 'signin.tooMany' : 'signin.failed');
  document.getElementById('password').value = '';
}

function applyPage(session) {
  applyLabels();
  document.title = t('signin.title');
  document.getElementById('lang').textContent = t('lang.switch');
  const sso = document.getElementById('sso');
  sso.textContent = t('signin.sso', { name: session.oidc ?? '' });
  sso.href = `/api/v1/auth/oidc?returnUrl=${encodeURIComponent(target())}`;
  document.getElementById('sso-row').hidden = !session.oidc;
  const error = new URLSearchParams(window.location.search).get('error');
  if (error) showError(error === 'oidc-refused' ? 'signin.ssoRefused' : 'signin.ssoFailed');
}

const session = await loadSession();
if (session.signedIn) {
  window.location.replace(target());
} else {
  csrf = session.csrf;
  document.getElementById('signin-form').addEventListener('submit', (e) => { signIn(e).catch(() => showError('signin.failed')); });
  // The button starts disabled: a submit before this handler exists would be the browser's own, a form post of the
  // password to the page itself (and a test's click could race the session request above).
  document.getElementById('signin-submit').disabled = false;
  document.getElementById('lang').addEventListener('click', () => setLang(currentLang() === 'zh' ? 'en' : 'zh'));
  onLangChange(() => applyPage(session));
  setLang(currentLang());
}
