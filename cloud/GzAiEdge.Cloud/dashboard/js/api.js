// The cloud API, same origin. Errors carry the problem details' title and detail.
export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw await problem(response);
  return response.json();
}

export async function postJson(path) {
  const response = await fetch(path, { method: 'POST', headers: { Accept: 'application/json' } });
  if (!response.ok) throw await problem(response);
  return response.json();
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
