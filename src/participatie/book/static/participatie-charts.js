/* The book's charts in the browser (presentation/charts.py writes one call of ppChart per chart).
 *
 * ppChart(selector, spec, options) draws a Vega-Lite chart with the book's offline vegaEmbed, fitted to the
 * width of its element: the title, the subtitle and the legend labels wrap onto more lines instead of being cut,
 * legends take one column on a narrow chart, and the chart is drawn again when its width changes (a turned phone,
 * a resized window). The chart's SVG is one image named by the chart's description. Once drawn, the figure's
 * image links (a.pp-chart-image in .pp-chart-images, hidden until then) get the chart as an SVG and a PNG data: URI.
 *
 * The element carries data-pp-width: the width the chart was last drawn for (the browser tests wait for it).
 */
(function () {
  "use strict";

  // Below this width a legend takes one column, so that its labels have the whole width.
  var NARROW = 520;
  // Room the title and legends leave at the sides of the chart (Vega's padding) and for a legend's symbol.
  var SIDES = 16;
  var SYMBOL = 28;
  // A legend under the plot starts where the plot does, right of the value axis and its labels.
  var AXIS = 60;
  var canvas = document.createElement("canvas").getContext("2d");

  function textWidth(text, font) {
    canvas.font = font;
    return canvas.measureText(text).width;
  }

  // Break a text (or each line of a list of lines) into lines no wider than `width` at the given CSS font.
  function wrapLines(text, width, font) {
    if (Array.isArray(text)) {
      return text.reduce(function (lines, line) { return lines.concat(wrapLines(line, width, font)); }, []);
    }
    if (typeof text !== "string" || !(width > 0)) {
      return [text];
    }
    var lines = [];
    var line = "";
    text.split(/\s+/).forEach(function (word) {
      var longer = line ? line + " " + word : word;
      if (line && textWidth(longer, font) > width) {
        lines.push(line);
        line = word;
      } else {
        line = longer;
      }
    });
    lines.push(line);
    return lines;
  }

  // The Vega expression function the legends use: one line stays a string, more lines become a list.
  function ppWrap(text, width, font) {
    var lines = wrapLines(text === null || text === undefined ? "" : String(text), width, font);
    return lines.length > 1 ? lines : lines[0];
  }

  // A CSS font for the canvas: "bold 15px 'Helvetica Neue', Arial, sans-serif".
  function font(size, weight, family) {
    var families = String(family || "sans-serif").split(",").map(function (name) {
      name = name.trim();
      return /\s/.test(name) && !/^["']/.test(name) ? "'" + name + "'" : name;
    });
    return (weight || "normal") + " " + size + "px " + families.join(", ");
  }

  // The first of the values that is set (a title or legend's own, its config, its style, Vega's default).
  function first() {
    for (var i = 0; i < arguments.length; i++) {
      if (arguments[i] !== undefined && arguments[i] !== null) {
        return arguments[i];
      }
    }
  }

  function fitTitle(vg, width) {
    var title = vg.title;
    if (!title || typeof title !== "object") {
      return;
    }
    var config = vg.config || {};
    var own = config.title || {};
    var style = config.style || {};
    var main = style["group-title"] || {};
    var sub = style["group-subtitle"] || {};
    var room = width - SIDES;
    if (typeof title.text === "string" || Array.isArray(title.text)) {
      var titleFont = font(
        first(title.fontSize, main.fontSize, own.fontSize, 13),
        first(title.fontWeight, main.fontWeight, own.fontWeight, "bold"),
        first(title.font, main.font, own.font, config.font)
      );
      var lines = wrapLines(title.text, room, titleFont);
      title.text = lines.length > 1 ? lines : lines[0];
    }
    if (typeof title.subtitle === "string" || Array.isArray(title.subtitle)) {
      var subtitleFont = font(
        first(title.subtitleFontSize, own.subtitleFontSize, sub.fontSize, 10),
        first(title.subtitleFontWeight, own.subtitleFontWeight, sub.fontWeight, "normal"),
        first(title.subtitleFont, own.subtitleFont, sub.font, config.font)
      );
      var sublines = wrapLines(title.subtitle, room, subtitleFont);
      title.subtitle = sublines.length > 1 ? sublines : sublines[0];
    }
    title.limit = 0;
  }

  function legendsOf(node, found) {
    if (!node || typeof node !== "object") {
      return found;
    }
    (node.legends || []).forEach(function (legend) { found.push(legend); });
    (node.marks || []).forEach(function (mark) { legendsOf(mark, found); });
    return found;
  }

  function fitLegends(vg, width, stacked, indent) {
    var config = (vg.config = vg.config || {});
    var style = (config.legend = config.legend || {});
    if (stacked) {
      // Legends under the plot one below the other, each with the whole width, instead of side by side.
      style.layout = { bottom: { direction: "vertical", anchor: "start" }, top: { direction: "vertical", anchor: "start" } };
    }
    var label = (config.style || {})["guide-label"] || {};
    legendsOf(vg, []).forEach(function (legend) {
      var labelFont = font(
        first(legend.labelFontSize, style.labelFontSize, label.fontSize, 10),
        first(legend.labelFontWeight, style.labelFontWeight, label.fontWeight, "normal"),
        first(legend.labelFont, style.labelFont, label.font, config.font)
      );
      if (width < NARROW || stacked) {
        legend.columns = 1;
        if (legend.orient === "left" || legend.orient === "right") {
          legend.orient = "bottom";
        }
      }
      var columns = legend.columns || style.columns || 1;
      var room = Math.max(60, Math.floor((width - SIDES - indent) / columns) - SYMBOL);
      legend.labelLimit = 0;
      legend.encode = legend.encode || {};
      var labels = (legend.encode.labels = legend.encode.labels || {});
      var update = (labels.update = labels.update || {});
      var text = update.text && update.text.signal ? "(" + update.text.signal + ")" : "datum.label";
      update.text = { signal: "ppWrap(" + text + ", " + room + ", " + JSON.stringify(labelFont) + ")" };
    });
  }

  function fit(vg, width, stacked, indent) {
    fitTitle(vg, width);
    fitLegends(vg, width, stacked, indent);
    return vg;
  }

  // How far right of the SVG's left edge the legends start (they align with the plot, after the value axis).
  function legendIndent(element) {
    var svg = element.querySelector("svg");
    var bounds = svg.getBoundingClientRect();
    var lefts = Array.prototype.map.call(svg.querySelectorAll(".role-legend"), function (legend) {
      return legend.getBoundingClientRect().left - bounds.left;
    });
    return lefts.length ? Math.ceil(Math.max.apply(null, lefts)) : AXIS;
  }

  // Whether a legend label reaches out of the chart's SVG (legends side by side wider than the chart).
  function legendsOverflow(element) {
    var svg = element.querySelector("svg");
    if (!svg) {
      return false;
    }
    var bounds = svg.getBoundingClientRect();
    return Array.prototype.some.call(svg.querySelectorAll(".role-legend text"), function (text) {
      var box = text.getBoundingClientRect();
      return box.width > 0 && (box.right > bounds.right + 0.5 || box.left < bounds.left - 0.5);
    });
  }

  function label(element, description) {
    var svg = element.querySelector("svg");
    if (svg) {
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", description || "");
    }
  }

  // The figure's image links (hidden, with their commas, until the chart is drawn) get the chart as SVG and PNG.
  function offerImages(element, view) {
    var figure = element.closest("figure");
    var offer = figure && figure.querySelector(".pp-chart-images");
    if (!offer) {
      return Promise.resolve();
    }
    var links = Array.prototype.slice.call(offer.querySelectorAll("a.pp-chart-image"));
    return Promise.all(links.map(function (link) {
      var format = link.getAttribute("data-format");
      var image = format === "svg"
        ? view.toSVG().then(function (svg) { return "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg); })
        : view.toImageURL("png", 2);
      return image.then(function (url) { link.setAttribute("href", url); });
    })).then(function () {
      offer.hidden = false;
    });
  }

  function ppChart(selector, spec, options) {
    var element = document.querySelector(selector);
    if (!element) {
      return Promise.resolve();
    }
    var drawn = { width: -1, view: null, round: 0 };

    // A chart is drawn for its width; when its legends still reach out of it, once more with the legends one below
    // the other, and once more with their labels wrapped to the room the legends really have.
    function draw(stacked, indent) {
      stacked = stacked === true;
      indent = indent || AXIS;
      var width = element.clientWidth;
      var round = ++drawn.round;
      drawn.width = width;
      if (element.offsetHeight) {
        element.style.minHeight = element.offsetHeight + "px";  // the page keeps its place while the chart is redrawn
      }
      var settings = Object.assign({}, options, {
        patch: function (vg) { return fit(vg, width, stacked, indent); },
        expressionFunctions: { ppWrap: ppWrap },
      });
      if (drawn.view) {
        drawn.view.finalize();  // the drawing it replaces stops listening to the window
        drawn.view = null;
      }
      return window.vegaEmbed(element, spec, settings).then(function (result) {
        if (round !== drawn.round) {
          result.finalize();  // a newer width is being drawn
          return;
        }
        drawn.view = result;
        if (legendsOverflow(element)) {
          if (!stacked) {
            return draw(true, indent);
          }
          if (indent === AXIS && legendIndent(element) > AXIS) {
            return draw(true, legendIndent(element));
          }
        }
        element.style.minHeight = "";
        label(element, spec.description);
        return offerImages(element, result.view).then(function () {
          element.setAttribute("data-pp-width", String(width));
        });
      }).catch(function (error) { console.error(error); });
    }

    // The figure's download links follow the chart's script: draw once the page has been read to its end.
    if (document.readyState === "loading") {
      return new Promise(function (resolve) {
        document.addEventListener("DOMContentLoaded", function () { resolve(start()); });
      });
    }
    return start();

    function start() {
      watch();
      return draw();
    }

    function watch() {
      var pending = null;
      if (!window.ResizeObserver) {
        return;
      }
      new ResizeObserver(function () {
        if (element.clientWidth !== drawn.width) {
          clearTimeout(pending);
          pending = setTimeout(function () { draw(); }, 150);
        }
      }).observe(element);
    }
  }

  window.ppChart = ppChart;
})();
