// What the labelling page shows and asks for each kind of item: a frame with boxes to confirm or correct, a class
// to mark (a product image or a vital-sign window), or anomaly yes/no (a vibration window). Each workspace gives
// the page its element, the label to submit, and what the digit keys do.
import { getBytes } from './api.js';
import { BoxEditor } from './box-editor.js';
import { formatNumber, t } from './i18n.js';
import { el } from './view.js';
import { plotWindow } from './window-plot.js';

// A row of choices numbered for the 1–9 keys; the chosen one is marked.
function choices(id, names, chosen, onPick) {
  const buttons = names.map((name, i) => el('button', { type: 'button', class: 'choice', dataset: { choice: String(i) }, onclick: () => onPick(i) },
    el('kbd', {}, String(i + 1)), ` ${name}`));
  const mark = (index) => buttons.forEach((b, i) => b.classList.toggle('chosen', i === index));
  mark(chosen);
  return { node: el('div', { class: 'choices', id }, buttons), mark };
}

// The input itself: the image, or the window plotted once its bytes arrive.
function input(item, cleanups) {
  if (item.shape?.mediaType === 'image/png') {
    return el('div', { class: 'frame small' }, el('img', { src: item.inputUrl, alt: '', id: 'label-image' }));
  }
  const plot = el('div', { class: 'chart window-plot', id: 'window-plot' });
  getBytes(item.inputUrl).then((bytes) => cleanups.push(plotWindow(plot, bytes, item.shape)))
    .catch((error) => plot.replaceChildren(el('p', { class: 'error' }, t('common.error') + error.message)));
  return plot;
}

function boxes(item) {
  const classes = item.labelClasses ?? [];
  const device = item.outputs?.boxes ?? [];
  const frame = el('div', { class: 'frame', id: 'label-frame' });
  const editor = new BoxEditor(frame, { src: item.inputUrl, width: item.shape.width, height: item.shape.height, classes,
    boxes: item.yourLabel?.boxes ?? device, device });
  const picker = choices('label-classes', classes, classes.indexOf(editor.current), (i) => editor.setClass(i));
  editor.onChange = () => picker.mark(classes.indexOf(editor.current));
  editor.onChange();
  return {
    node: el('div', { class: 'workspace' }, frame, el('div', { class: 'side' },
      el('p', { class: 'meta' }, t('label.deviceBoxes', { n: device.length, threshold: item.outputs?.threshold ?? '—' })),
      el('h2', {}, t('label.classes')), picker.node)),
    label: () => ({ boxes: editor.label() }),
    digit: (i) => editor.setClass(i),
    remove: () => editor.deleteSelected(),
    escape: () => editor.deselect(),
  };
}

function oneOf(item, names, initial, describe, toLabel, cleanups) {
  let chosen = initial;
  const picker = choices('label-choices', names, chosen, (i) => { chosen = i; picker.mark(i); });
  return {
    node: el('div', { class: 'workspace' }, input(item, cleanups), el('div', { class: 'side' },
      el('p', { class: 'meta', id: 'device-decision' }, describe), el('h2', {}, toLabel.title), picker.node)),
    label: () => (chosen === null || chosen < 0 ? null : toLabel.make(chosen)),
    digit: (i) => { if (i < names.length) { chosen = i; picker.mark(i); } },
  };
}

/** The workspace of item (an item view of the API); cleanups collects what to dispose of when the page goes. */
export function workspace(item, cleanups) {
  const o = item.outputs ?? {};
  if (item.labelKind === 'boxes') return boxes(item);
  if (item.labelKind === 'class') {
    const classes = item.labelClasses ?? [];
    const decided = o.decision ?? -1;
    const initial = item.yourLabel ? classes.indexOf(item.yourLabel.class) : decided;
    const describe = t('label.deviceDecision', { cls: classes[decided] ?? '—', score: formatNumber(o.scores?.[decided], 3) });
    return oneOf(item, classes, initial, describe, { title: t('label.trueClass'), make: (i) => ({ class: classes[i] }) }, cleanups);
  }
  const verdicts = [t('label.anomalyNo'), t('label.anomalyYes')];
  const initial = item.yourLabel ? Number(item.yourLabel.anomaly) : Number(o.positive);
  const describe = t('label.deviceAnomaly', { verdict: verdicts[Number(o.positive)], error: formatNumber(o.error, 4), threshold: formatNumber(o.threshold, 4) });
  return oneOf(item, verdicts, initial, describe, { title: t('label.isAnomaly'), make: (i) => ({ anomaly: i === 1 }) }, cleanups);
}
