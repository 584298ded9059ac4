/**
 * Scripts run inside the page by the browser tests (as strings: the project's TypeScript has no
 * DOM types, on purpose, since the library must not touch a DOM).
 */

/**
 * Every layout problem of the page's SVG charts, as readable strings (empty when none): an SVG
 * wider than its column, a `<text>` leaving its SVG's box, two `<text>`s overlapping (a label
 * over a title when one has class `chart-title`). Boxes are `getBoundingClientRect`, so rotation
 * and transforms count.
 */
export const LAYOUT_PROBLEMS = `(() => {
  const problems = [];
  const tol = 0.5;
  const round = Math.round;
  document.querySelectorAll('svg').forEach((svg, k) => {
    const box = svg.getBoundingClientRect();
    const column = svg.parentElement;
    if (column && box.width > column.clientWidth + tol)
      problems.push('svg ' + k + ' is ' + box.width + 'px wide in a ' + column.clientWidth + 'px column');
    const texts = [...svg.querySelectorAll('text')]
      .filter((t) => (t.textContent || '').trim() !== '')
      .map((t) => ({ t, r: t.getBoundingClientRect(), title: t.classList.contains('chart-title') }));
    for (const { t, r } of texts)
      if (r.left < box.left - tol || r.right > box.right + tol || r.top < box.top - tol || r.bottom > box.bottom + tol)
        problems.push('svg ' + k + ': "' + t.textContent + '" leaves the chart (' + round(r.left - box.left) + ',' +
          round(r.top - box.top) + ' ' + round(r.width) + 'x' + round(r.height) + ' in ' + round(box.width) + 'x' + round(box.height) + ')');
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i], b = texts[j];
        if (a.t.contains(b.t) || b.t.contains(a.t)) continue;
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > 1 && h > 1)
          problems.push('svg ' + k + ': ' + (a.title || b.title ? 'a label over a title' : 'labels overlap') + ': "' +
            a.t.textContent + '" and "' + b.t.textContent + '"');
      }
  });
  return problems;
})()`;

/** The tick labels of an axis (by Plot's aria-label), multi-line labels joined with spaces. */
export const axisLabels = (ariaLabel: string): string => `(() =>
  [...document.querySelectorAll('svg [aria-label="${ariaLabel}"] text')].map((t) => {
    const spans = [...t.querySelectorAll('tspan')].map((s) => s.textContent || '');
    return (spans.length > 0 ? spans.join(' ') : (t.textContent || '')).trim();
  }))()`;

/** How many SVGs reach past the body's right edge. */
export const SVGS_PAST_BODY = `[...document.querySelectorAll('svg')].filter(
  (s) => s.getBoundingClientRect().right > document.body.getBoundingClientRect().right + 0.5).length`;
