// The box editor of the labelling page: the frame with an SVG layer in the frame's own pixels, so that a box drawn
// on screen is stored in the model-input pixels the API and the device use. Drag on the frame to draw, drag a box
// to move it, click to select; the page maps keys (D, 1–9, Esc) onto the methods here.
const Svg = 'http://www.w3.org/2000/svg';
const MinSize = 3; // pixels: a click without a drag draws nothing
const palette = ['#f59f00', '#1c7ed6', '#e64980', '#37b24d', '#7048e8', '#0ca678', '#f76707', '#495057', '#d6336c'];

function svg(tag, attrs) {
  const node = document.createElementNS(Svg, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

const round = (v) => Math.round(v * 10) / 10;

export class BoxEditor {
  /**
   * frame: the element to fill; src: the image URL; width, height: its pixels; classes: what a box may be;
   * boxes: the starting boxes ({class, x1, y1, x2, y2}); device: the device's own boxes, drawn dashed for reference.
   */
  constructor(frame, { src, width, height, classes, boxes, device }) {
    Object.assign(this, { width, height, classes });
    this.boxes = boxes.map((b) => ({ class: b.class, x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 }));
    this.selected = null;
    this.current = classes[0];
    this.onChange = () => {};
    this.image = Object.assign(document.createElement('img'), { src, alt: '', draggable: false });
    this.layer = svg('svg', { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', class: 'box-layer', id: 'box-layer' });
    this.reference = svg('g', { class: 'device-boxes' });
    for (const b of device) {
      this.reference.append(svg('rect', { x: b.x1, y: b.y1, width: b.x2 - b.x1, height: b.y2 - b.y1, class: 'device-box' }));
    }
    this.drawn = svg('g', {});
    this.layer.append(this.reference, this.drawn);
    frame.replaceChildren(this.image, this.layer);
    frame.style.aspectRatio = `${width} / ${height}`;
    this.layer.addEventListener('pointerdown', (e) => this.down(e));
    this.layer.addEventListener('pointermove', (e) => this.move(e));
    this.layer.addEventListener('pointerup', (e) => this.up(e));
    this.draw();
  }

  /** The boxes as the label API takes them, in image pixels. */
  label() {
    return this.boxes.map((b) => ({ class: b.class, x1: round(b.x1), y1: round(b.y1), x2: round(b.x2), y2: round(b.y2) }));
  }

  /** Sets the selected box's class, and the class of boxes drawn next. */
  setClass(index) {
    if (index >= this.classes.length) return;
    this.current = this.classes[index];
    if (this.selected !== null) this.boxes[this.selected].class = this.current;
    this.draw();
  }

  deleteSelected() {
    if (this.selected === null) return;
    this.boxes.splice(this.selected, 1);
    this.selected = null;
    this.draw();
  }

  deselect() {
    this.selected = null;
    this.draw();
  }

  // Screen position to image pixels, clamped to the image.
  point(e) {
    const r = this.layer.getBoundingClientRect();
    const x = ((e.clientX - r.left) / r.width) * this.width;
    const y = ((e.clientY - r.top) / r.height) * this.height;
    return { x: Math.min(this.width, Math.max(0, x)), y: Math.min(this.height, Math.max(0, y)) };
  }

  down(e) {
    e.preventDefault();
    this.layer.setPointerCapture(e.pointerId);
    const p = this.point(e);
    const hit = e.target.closest('g.box');
    if (hit) {
      this.selected = Number(hit.dataset.index);
      const b = this.boxes[this.selected];
      this.current = b.class;
      this.drag = { kind: 'move', from: p, start: { ...b } };
    } else {
      this.selected = null;
      this.drag = { kind: 'draw', from: p, to: p };
    }
    this.draw();
  }

  move(e) {
    if (!this.drag) return;
    const p = this.point(e);
    if (this.drag.kind === 'draw') {
      this.drag.to = p;
    } else {
      const s = this.drag.start;
      const dx = Math.min(this.width - s.x2, Math.max(-s.x1, p.x - this.drag.from.x));
      const dy = Math.min(this.height - s.y2, Math.max(-s.y1, p.y - this.drag.from.y));
      Object.assign(this.boxes[this.selected], { x1: s.x1 + dx, y1: s.y1 + dy, x2: s.x2 + dx, y2: s.y2 + dy });
    }
    this.draw();
  }

  up(e) {
    if (!this.drag) return;
    this.move(e);
    const { kind, from, to } = this.drag;
    this.drag = null;
    if (kind === 'draw' && Math.abs(to.x - from.x) >= MinSize && Math.abs(to.y - from.y) >= MinSize) {
      this.boxes.push({ class: this.current, x1: Math.min(from.x, to.x), y1: Math.min(from.y, to.y), x2: Math.max(from.x, to.x), y2: Math.max(from.y, to.y) });
      this.selected = this.boxes.length - 1;
    }
    this.draw();
  }

  draw() {
    const stroke = Math.max(1.5, this.width / 240);
    const nodes = this.boxes.map((b, i) => {
      const color = palette[Math.max(0, this.classes.indexOf(b.class)) % palette.length];
      const g = svg('g', { class: `box${i === this.selected ? ' selected' : ''}`, 'data-index': i, 'data-class': b.class,
        'data-box': `${round(b.x1)},${round(b.y1)},${round(b.x2)},${round(b.y2)}` });
      g.append(svg('rect', { x: b.x1, y: b.y1, width: b.x2 - b.x1, height: b.y2 - b.y1, stroke: color, 'stroke-width': stroke }));
      const text = svg('text', { x: b.x1 + 2, y: Math.max(10, b.y1 - 3), fill: color, 'font-size': Math.max(10, this.width / 32) });
      text.textContent = `${this.classes.indexOf(b.class) + 1} ${b.class}`;
      g.append(text);
      return g;
    });
    if (this.drag?.kind === 'draw') {
      const { from, to } = this.drag;
      nodes.push(svg('rect', { class: 'drawing', x: Math.min(from.x, to.x), y: Math.min(from.y, to.y), width: Math.abs(to.x - from.x),
        height: Math.abs(to.y - from.y), 'stroke-width': stroke }));
    }
    this.drawn.replaceChildren(...nodes);
    this.layer.dataset.count = String(this.boxes.length);
    this.onChange();
  }
}
