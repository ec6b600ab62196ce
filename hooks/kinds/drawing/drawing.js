/*
 * data-module="wb-drawing": a drawing surface for finger, pen and mouse, beside
 * the text box that is the full alternative for keyboard and screen reader users.
 * A few pen colours and sizes, an eraser, undo, redo, clear (asked first), in one row.
 * Saved through WB.Saver, as strokes on a 1000 x 750 grid, so it redraws sharp
 * at any width and a backup restores it exactly:
 *
 *   {"text": "", "description": "", "strokes": [{"c": "#1f1f1f", "w": 6, "e": false, "p": [x, y, x, y, ...]}]}
 */
(function (window, document) {
  'use strict';

  var WB = (window.WB = window.WB || {});
  var WIDTH = 1000;
  var HEIGHT = 750;
  var COLOURS = [['black', '#1f1f1f'], ['blue', '#1a56db'], ['red', '#c62828'], ['green', '#2e7d32']];
  var SIZES = [['thin', 4], ['medium', 10], ['thick', 24]];
  var MAX_STROKES = 2000;

  function isStroke(stroke) {
    return (
      !!stroke && typeof stroke === 'object' && typeof stroke.c === 'string' && /^#[0-9a-f]{6}$/i.test(stroke.c) &&
      typeof stroke.w === 'number' && stroke.w > 0 && stroke.w <= 100 && typeof stroke.e === 'boolean' &&
      Array.isArray(stroke.p) && stroke.p.length >= 2 && stroke.p.length % 2 === 0 &&
      stroke.p.every(function (n) {
        return typeof n === 'number' && isFinite(n) && n >= 0 && n <= WIDTH;
      })
    );
  }

  function valid(value) {
    return (
      !!value && typeof value === 'object' && !Array.isArray(value) && typeof value.text === 'string' &&
      typeof value.description === 'string' && Array.isArray(value.strokes) &&
      value.strokes.length <= MAX_STROKES && value.strokes.every(isStroke)
    );
  }

  /** Draw strokes on a 2D context whose drawing grid is WIDTH x HEIGHT scaled by `scale`. */
  function paint(context, strokes, scale) {
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, context.canvas.width, context.canvas.height);
    context.setTransform(scale, 0, 0, scale, 0, 0);
    context.lineCap = 'round';
    context.lineJoin = 'round';
    strokes.forEach(function (stroke) {
      context.globalCompositeOperation = stroke.e ? 'destination-out' : 'source-over';
      context.strokeStyle = stroke.c;
      context.fillStyle = stroke.c;
      context.lineWidth = stroke.w;
      context.beginPath();
      context.moveTo(stroke.p[0], stroke.p[1]);
      if (stroke.p.length === 2) {
        context.arc(stroke.p[0], stroke.p[1], stroke.w / 2, 0, 2 * Math.PI);
        context.fill();
        return;
      }
      for (var i = 2; i < stroke.p.length; i += 2) context.lineTo(stroke.p[i], stroke.p[i + 1]);
      context.stroke();
    });
    context.globalCompositeOperation = 'source-over';
  }

  /** The drawing as a PNG data URL on white, for My answers, print and copies. */
  function picture(strokes) {
    var canvas = document.createElement('canvas');
    canvas.width = WIDTH;
    canvas.height = HEIGHT;
    var layer = document.createElement('canvas');
    layer.width = WIDTH;
    layer.height = HEIGHT;
    paint(layer.getContext('2d'), strokes, 1);
    var context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, WIDTH, HEIGHT);
    context.drawImage(layer, 0, 0);
    return canvas.toDataURL('image/png');
  }

  /** A curved arrow back (Undo); CSS mirrors it for Redo. */
  function arrow() {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var path = svg.appendChild(document.createElementNS(ns, 'path'));
    path.setAttribute('d', 'M9 4 4 9l5 5M4 9h10a6 6 0 0 1 0 12h-4');
    return svg;
  }

  /** The names of the pens and sizes, in the site's language. */
  function toolNames() {
    return {
      black: WB.t('drawing.pen_black'),
      blue: WB.t('drawing.pen_blue'),
      red: WB.t('drawing.pen_red'),
      green: WB.t('drawing.pen_green'),
      thin: WB.t('drawing.size_thin'),
      medium: WB.t('drawing.size_medium'),
      thick: WB.t('drawing.size_thick')
    };
  }

  function Drawing(root) {
    this.root = root;
    this.id = root.getAttribute('data-wb-prompt');
    this.canvas = root.querySelector('.wb-drawing__canvas');
    this.tools = root.querySelector('.wb-drawing__tools');
    this.words = root.querySelector('textarea[data-wb-field="text"]');
    this.description = root.querySelector('textarea[data-wb-field="description"]');
    if (!this.canvas || !this.tools || !this.words || !this.description) throw new Error('wb-drawing: incomplete markup');
    this.strokes = [];
    this.undone = [];
    this.current = null;
    this.colour = COLOURS[0][1];
    this.size = SIZES[1][1];
    this.erasing = false;
    this.sized = false; // until the canvas is sized to its box (resize)
    var self = this;

    this.saver = new WB.Saver(root, this);
    this.buildTools();
    [this.words, this.description].forEach(function (box) {
      box.addEventListener('input', function () {
        WB.grow(box);
        WB.mirror(box);
        if (box === self.description) self.describe();
        self.saver.edited();
      });
      WB.grow(box);
    });
    this.canvas.addEventListener('pointerdown', function (event) {
      self.start(event);
    });
    this.canvas.addEventListener('pointermove', function (event) {
      self.extend(event);
    });
    ['pointerup', 'pointercancel', 'lostpointercapture'].forEach(function (name) {
      self.canvas.addEventListener(name, function () {
        self.finish();
      });
    });
    this.watch();
    this.saver.restore();
    this.refresh();
  }

  Drawing.prototype.valid = valid;

  /**
   * Size and paint the surface when it first comes within a screen of being seen (an IntersectionObserver's
   * notice), then keep it to its box (a ResizeObserver's). Not as the page starts: reading its width then
   * would lay out the page in the middle of starting it, and a surface far down the page would be made and
   * painted before anyone reaches it. Printing sizes and paints it whatever: paper shows every drawing.
   */
  Drawing.prototype.watch = function () {
    var self = this;
    if (!window.ResizeObserver || !window.IntersectionObserver) return this.resize();
    var near = new IntersectionObserver(function (entries) {
      if (!entries[entries.length - 1].isIntersecting) return;
      near.disconnect();
      new ResizeObserver(function (found) {
        self.resize(found[0].contentRect.width);
      }).observe(self.canvas);
    }, { rootMargin: '100% 0px' });
    near.observe(this.canvas);
    window.addEventListener('beforeprint', function () {
      if (!self.sized && document.contains(self.root)) self.resize();
    });
    // Started by printing (main.js starts every box then): a listener added now would not hear this print.
    if (window.event && window.event.type === 'beforeprint') this.resize();
  };

  Drawing.prototype.text = function () {
    return WB.kinds['wb-drawing'].text(this.value());
  };

  Drawing.prototype.value = function () {
    return { text: this.words.value, description: this.description.value, strokes: this.strokes.slice() };
  };

  Drawing.prototype.show = function (value) {
    value = value || { text: '', description: '', strokes: [] };
    this.words.value = value.text;
    this.description.value = value.description;
    [this.words, this.description].forEach(function (box) {
      WB.grow(box);
      WB.mirror(box);
    }, this);
    this.strokes = value.strokes.slice();
    this.undone = [];
    this.describe();
    this.refresh();
  };

  Drawing.prototype.describe = function () {
    var words = this.description.value.trim();
    var name = words ? WB.t('drawing.canvas_described', { description: words }) : WB.t('drawing.canvas_not_described');
    this.canvas.setAttribute('aria-label', name);
  };

  /**
   * One compact row: Pen (colour and size), Eraser, Undo, Redo, Clear. On a narrow
   * screen "Pen" opens the colours and sizes on a line of their own; on a wide one
   * they sit in the row and "Pen" is not shown.
   */
  Drawing.prototype.buildTools = function () {
    var self = this;
    var names = toolNames();
    var group = function (parent, label, className) {
      var g = WB.element('span', className || 'wb-drawing__group');
      g.setAttribute('role', 'group');
      g.setAttribute('aria-label', label);
      parent.appendChild(g);
      return g;
    };
    this.pen = WB.button(WB.t('drawing.pen'), 'pen');
    this.pen.classList.add('wb-drawing__pen');
    this.pen.insertBefore(WB.element('span', 'wb-drawing__pen-colour'), this.pen.firstChild);
    this.pen.setAttribute('aria-expanded', 'false');
    this.tools.appendChild(this.pen);
    var panel = group(this.tools, WB.t('drawing.pen_panel'), 'wb-drawing__panel');
    panel.id = 'wb-drawing-pen-' + this.id.replace(/\W/g, '-');
    this.pen.setAttribute('aria-controls', panel.id);
    var colours = group(panel, WB.t('drawing.pen_colour'));
    COLOURS.forEach(function (pair) {
      var b = WB.button('', 'colour');
      b.setAttribute('aria-label', names[pair[0]]);
      b.setAttribute('data-wb-value', pair[1]);
      b.classList.add('wb-drawing__swatch');
      b.style.setProperty('--wb-swatch', pair[1]);
      colours.appendChild(b);
    });
    var sizes = group(panel, WB.t('drawing.pen_size'));
    SIZES.forEach(function (pair) {
      var b = WB.button('', 'size');
      b.setAttribute('aria-label', names[pair[0]]);
      b.title = names[pair[0]];
      b.setAttribute('data-wb-value', String(pair[1]));
      b.classList.add('wb-drawing__size');
      b.style.setProperty('--wb-size', Math.max(4, Math.round(pair[1] * 0.75)) + 'px');
      sizes.appendChild(b);
    });
    var edit = group(this.tools, WB.t('drawing.change_group'));
    edit.appendChild(WB.button(WB.t('drawing.eraser'), 'eraser'));
    // Undo and Redo: a curved arrow, with the word beside it where there is room (always in the name).
    [['undo', WB.t('drawing.undo')], ['redo', WB.t('drawing.redo')]].forEach(function (pair) {
      var b = edit.appendChild(WB.button('', pair[0]));
      b.classList.add('wb-drawing__history');
      b.appendChild(arrow());
      b.appendChild(WB.element('span', 'wb-drawing__word', pair[1]));
    });
    // Seen as "Clear", heard as "Clear the drawing" (the name starts with the words seen).
    var clear = edit.appendChild(WB.button(WB.t('drawing.clear'), 'clear'));
    clear.setAttribute('aria-label', WB.t('drawing.clear_name'));
    this.confirm = WB.element('p', 'wb-drawing__confirm wb-alert__actions');
    this.confirm.hidden = true;
    this.tools.parentNode.insertBefore(this.confirm, this.tools.nextSibling);
    this.root.addEventListener('click', function (event) {
      var target = event.target.closest('[data-wb-action]');
      if (target) self.act(target.getAttribute('data-wb-action'), target);
    });
  };

  /** Pressed states and what can be undone or redone. */
  Drawing.prototype.refresh = function () {
    var self = this;
    this.tools.querySelectorAll('[data-wb-action="colour"]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(!self.erasing && b.getAttribute('data-wb-value') === self.colour));
    });
    this.tools.querySelectorAll('[data-wb-action="size"]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(Number(b.getAttribute('data-wb-value')) === self.size));
    });
    this.tools.querySelector('[data-wb-action="eraser"]').setAttribute('aria-pressed', String(this.erasing));
    this.pen.style.setProperty('--wb-swatch', this.colour);
    this.tools.querySelector('[data-wb-action="undo"]').disabled = !this.strokes.length;
    this.tools.querySelector('[data-wb-action="redo"]').disabled = !this.undone.length;
    this.tools.querySelector('[data-wb-action="clear"]').disabled = !this.strokes.length;
    this.hint();
    this.redraw();
  };

  /** Size the canvas to its box's `width` (else read now), and the screen's pixel density; then redraw. */
  Drawing.prototype.resize = function (width) {
    width = width || this.canvas.clientWidth || WIDTH;
    this.sized = true;
    var ratio = window.devicePixelRatio || 1;
    var pixels = Math.round(width * ratio);
    if (this.canvas.width !== pixels) {
      this.canvas.width = pixels;
      this.canvas.height = Math.round(pixels * HEIGHT / WIDTH);
    }
    this.redraw();
  };

  Drawing.prototype.redraw = function () {
    if (!this.sized) return; // painted once sized: the surface is not made twice as the page starts
    var strokes = this.current ? this.strokes.concat([this.current]) : this.strokes;
    paint(this.canvas.getContext('2d'), strokes, this.canvas.width / WIDTH);
  };

  Drawing.prototype.point = function (event) {
    var box = this.canvas.getBoundingClientRect();
    var clamp = function (n, most) {
      return Math.max(0, Math.min(most, Math.round(n)));
    };
    return [
      clamp(((event.clientX - box.left) / box.width) * WIDTH, WIDTH),
      clamp(((event.clientY - box.top) / box.height) * HEIGHT, HEIGHT)
    ];
  };

  /** "Draw here" shows on an empty surface only. */
  Drawing.prototype.hint = function () {
    var hint = this.root.querySelector('.wb-drawing__hint');
    if (hint) hint.hidden = this.strokes.length > 0 || !!this.current;
  };

  Drawing.prototype.start = function (event) {
    if (event.button !== undefined && event.button > 0) return;
    event.preventDefault();
    if (this.canvas.setPointerCapture && event.pointerId !== undefined) {
      try {
        this.canvas.setPointerCapture(event.pointerId);
      } catch (error) {
        /* a synthetic or finished pointer: drawing works without capture */
      }
    }
    this.current = { c: this.colour, w: this.size, e: this.erasing, p: this.point(event) };
    this.hint();
    this.redraw();
  };

  Drawing.prototype.extend = function (event) {
    if (!this.current) return;
    var self = this;
    var events = event.getCoalescedEvents ? event.getCoalescedEvents() : [];
    (events.length ? events : [event]).forEach(function (one) {
      var p = self.point(one);
      var last = self.current.p.length - 2;
      if (p[0] !== self.current.p[last] || p[1] !== self.current.p[last + 1]) self.current.p.push(p[0], p[1]);
    });
    this.redraw();
  };

  Drawing.prototype.finish = function () {
    if (!this.current) return;
    this.strokes.push(this.current);
    this.current = null;
    this.undone = [];
    this.refresh();
    this.saver.edited(true);
  };

  Drawing.prototype.act = function (action, target) {
    if (action === 'pen') {
      this.pen.setAttribute('aria-expanded', String(this.pen.getAttribute('aria-expanded') !== 'true'));
    } else if (action === 'colour') {
      this.colour = target.getAttribute('data-wb-value');
      this.erasing = false;
    } else if (action === 'size') {
      this.size = Number(target.getAttribute('data-wb-value'));
    } else if (action === 'eraser') {
      this.erasing = !this.erasing;
    } else if (action === 'undo' && this.strokes.length) {
      this.undone.push(this.strokes.pop());
      this.saver.edited(true);
    } else if (action === 'redo' && this.undone.length) {
      this.strokes.push(this.undone.pop());
      this.saver.edited(true);
    } else if (action === 'clear') {
      this.confirm.textContent = WB.t('drawing.clear_question') + ' ';
      this.confirm.appendChild(WB.button(WB.t('drawing.clear_yes'), 'confirm-clear-drawing'));
      this.confirm.appendChild(WB.button(WB.t('drawing.clear_no'), 'cancel-clear-drawing'));
      this.confirm.hidden = false;
      this.confirm.querySelector('button').focus();
      return;
    } else if (action === 'confirm-clear-drawing' || action === 'cancel-clear-drawing') {
      if (action === 'confirm-clear-drawing') {
        this.strokes = [];
        this.undone = [];
        this.saver.edited(true);
      }
      this.confirm.hidden = true;
      this.refresh();
      // Back to the Clear button, or (when it is now disabled) the first tool in view.
      var clear = this.tools.querySelector('[data-wb-action="clear"]');
      var first = this.pen.offsetParent ? this.pen : this.tools.querySelector('[data-wb-action="colour"]');
      (clear.disabled ? first : clear).focus();
      return;
    } else {
      return;
    }
    this.refresh();
  };

  WB.register('wb-drawing', Drawing, {
    valid: valid,
    answered: function (value) {
      return value.strokes.length > 0 || !!value.text.trim() || !!value.description.trim();
    },
    text: function (value) {
      var lines = [];
      if (value.strokes.length) {
        lines.push(value.description.trim() ? WB.t('drawing.text_drawing_described', { description: value.description.trim() })
          : WB.t('drawing.text_drawing_not_described'));
      } else if (value.description.trim()) {
        lines.push(WB.t('drawing.description', { description: value.description.trim() }));
      }
      if (value.text) lines.push(value.text);
      return lines.join('\n\n');
    },
    /**
     * Keep both: both texts and both descriptions; the drawing that is there. When
     * both have a different drawing, null: the backup's answer is kept aside whole.
     */
    merge: function (mine, theirs, el, created) {
      var same = JSON.stringify(mine.strokes) === JSON.stringify(theirs.strokes);
      if (mine.strokes.length && theirs.strokes.length && !same) return null;
      return {
        text: WB.backup.joined(mine.text, theirs.text, created),
        description: WB.backup.joined(mine.description, theirs.description, created),
        strokes: (mine.strokes.length ? mine.strokes : theirs.strokes).slice()
      };
    },
    /** The words in a stored value that may not be valid (one kept aside), or null: its text. */
    words: function (value) {
      return value && typeof value.text === 'string' ? value.text : null;
    },
    render: function (value) {
      var box = WB.element('div', 'wb-review__drawing');
      if (value.strokes.length) {
        var image = document.createElement('img');
        image.className = 'wb-review__picture';
        image.src = picture(value.strokes);
        image.alt = value.description.trim() ? WB.t('drawing.canvas_described', { description: value.description.trim() })
          : WB.t('drawing.picture_not_described');
        box.appendChild(image);
      } else if (value.description.trim()) {
        box.appendChild(WB.element('p', 'wb-review__text', WB.t('drawing.description', { description: value.description.trim() })));
      }
      if (value.text) box.appendChild(WB.element('p', 'wb-review__text', value.text));
      return box;
    }
  });
  WB.drawingPicture = picture;
})(window, document);
