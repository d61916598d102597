// The cloud API, same origin, on the session cookie. Errors carry the problem details' title and detail. Every
// state-changing request carries the session's anti-forgery token (X-CSRF-TOKEN), which a form on another site cannot.
// A 401 means the session ended: back to the sign-in page, keeping the route.
let csrf = '';

export const signInPage = () => `/signin.html${window.location.hash}`;

/** Whether a session is open, who it is, and the anti-forgery token for this session. */
export async function loadSession() {
  const session = await getJson('/api/v1/auth/session');
  csrf = session.csrf;
  return session;
}

async function send(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-TOKEN'] = csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) window.location.replace(signInPage());
  if (!response.ok) throw await problem(response);
  return response.status === 204 ? null : response.json();
}

export const getJson = (path) => send('GET', path);
export const postJson = (path, body) => send('POST', path, body);
export const deleteJson = (path) => send('DELETE', path);
export const putJson = (path, body) => send('PUT', path, body);

/** Raw bytes (an evidence input: a float32 window), with the same error handling as the JSON calls. */
export async function getBytes(path) {
  const response = await fetch(path);
  if (response.status === 401) window.location.replace(signInPage());
  if (!response.ok) throw await problem(response);
  return response.arrayBuffer();
}

async function problem(response) {
  let text = `HTTP ${response.status}`;
  try {
    const body = await response.json();
    text = [body.title, body.detail].filter(Boolean).join(': ') || text;
  } catch {
    // Not a problem document; the status says enough.
  }
  const error = new Error(text);
  error.status = response.status;
  return error;
}

const query = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null)).toString();

export const api = {
  scenarios: () => getJson('/api/v1/scenarios?limit=1000'),
  scenario: (id) => getJson(`/api/v1/scenarios/${encodeURIComponent(id)}`),
  evaluation: (id) => getJson(`/api/v1/evaluation/scenarios/${encodeURIComponent(id)}`),
  series: (params) => getJson(`/api/v1/kpis/series?${query(params)}`),
  devices: (params = {}) => getJson(`/api/v1/devices?${query({ limit: 1000, ...params })}`),
  device: (site, device) => getJson(`/api/v1/devices/${encodeURIComponent(site)}/${encodeURIComponent(device)}`),
  events: (site, device) => getJson(`/api/v1/devices/${encodeURIComponent(site)}/${encodeURIComponent(device)}/events?limit=20`),
  alerts: (params = {}) => getJson(`/api/v1/alerts?${query({ limit: 100, ...params })}`),
  acknowledge: (id) => postJson(`/api/v1/alerts/${id}/acknowledge`),
  signOut: () => postJson('/api/v1/auth/signout'),
  tokens: () => getJson('/api/v1/tokens'),
  createToken: (name, days) => postJson('/api/v1/tokens', { name, days }),
  revokeToken: (id) => deleteJson(`/api/v1/tokens/${encodeURIComponent(id)}`),
  auditLog: (params = {}) => getJson(`/api/v1/audit-log?${query({ limit: 100, ...params })}`),
  auditVerify: () => getJson('/api/v1/audit-log/verify'),
  labelQueue: (params = {}) => getJson(`/api/v1/field-audits/queue?${query(params)}`),
  labelItems: (params = {}) => getJson(`/api/v1/field-audits/items?${query(params)}`),
  labelItem: (id) => getJson(`/api/v1/field-audits/items/${encodeURIComponent(id)}`),
  label: (id, label) => putJson(`/api/v1/field-audits/items/${encodeURIComponent(id)}/label`, label),
  agreement: (params = {}) => getJson(`/api/v1/field-audits/agreement?${query(params)}`),
  leaderboard: (params = {}) => getJson(`/api/v1/evaluation/leaderboard?${query(params)}`),
};

/**
 * Opens the live stream (Server-Sent Events), optionally for one scenario or site. handlers maps
 * event names (kpi, device, device-event, alert) to functions of the parsed data. The browser
 * reconnects by itself; onState hears 'open', 'connecting' and 'closed'. Returns a close function.
 */
export function openLive(filter, handlers, onState) {
  const source = new EventSource(`/api/v1/live?${query(filter)}`);
  source.addEventListener('ready', () => onState('open'));
  source.onerror = () => onState(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting');
  for (const [name, handler] of Object.entries(handlers)) {
    source.addEventListener(name, (e) => handler(JSON.parse(e.data)));
  }
  return () => source.close();
}
