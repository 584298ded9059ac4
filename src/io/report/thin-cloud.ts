/** The few DOM calls {@link thinCloud} needs (linkedom's elements, or a browser's). */
interface DomElement {
  readonly children: ArrayLike<DomElement>;
  readonly tagName: string;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  innerHTML: string;
}

/** Options of {@link thinCloud}. */
export interface ThinCloudOptions {
  /** Side of the pixel grid points are snapped to (≤ the dot's radius moves nothing visibly). Default 1.5. */
  readonly grid?: number;
  /** The dot's radius in pixels (drawn as a round line cap of twice this width). Default 1.5. */
  readonly radius?: number;
  /** Opacity of one dot; stacked dots darken as `1 − (1 − opacity)^k`. Default 0.5. */
  readonly opacity?: number;
  readonly color?: string;
}

const THIN_DEFAULTS = { grid: 1.5, radius: 1.5, opacity: 0.5, color: '#999' } as const;

/**
 * Redraws every group of `<circle>`s under the elements of class `className` (one group per
 * facet) as a few `<path>`s: points are snapped to a pixel grid, points in the same grid cell are
 * drawn once, and cells holding 1, 2, 3 or 4+ points go to separate paths whose opacity is what
 * that many stacked dots would show. Each dot becomes `m dx dy h0` (a round cap) instead of a
 * 60-byte `<circle>`, so a cloud of thousands of outcomes weighs a fraction of what it did while
 * looking the same: same positions (within half a grid cell), same dot size, same shading.
 */
export function thinCloud(root: DomElement, className: string, options: ThinCloudOptions = {}): void {
  const { grid, radius, opacity, color } = { ...THIN_DEFAULTS, ...options };
  const marks = Array.from(root.querySelectorAll(`.${className}`));
  for (const mark of marks) {
    const groups = [mark, ...Array.from(mark.querySelectorAll('g'))].filter((g) =>
      Array.from(g.children).some((c) => c.tagName.toLowerCase() === 'circle'),
    );
    for (const g of groups) {
      const cells = new Map<string, { x: number; y: number; k: number }>();
      for (const c of Array.from(g.children)) {
        if (c.tagName.toLowerCase() !== 'circle') continue;
        const x = Math.round(Number(c.getAttribute('cx')) / grid);
        const y = Math.round(Number(c.getAttribute('cy')) / grid);
        if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
        const key = `${x},${y}`;
        const cell = cells.get(key);
        if (cell) cell.k++;
        else cells.set(key, { x, y, k: 1 });
      }
      const byDepth: { x: number; y: number }[][] = [[], [], [], []];
      for (const c of cells.values()) byDepth[Math.min(c.k, 4) - 1]?.push(c);
      const paths = byDepth
        .map((pts, i) => {
          if (pts.length === 0) return '';
          pts.sort((a, b) => a.y - b.y || a.x - b.x);
          let d = '';
          let px = 0;
          let py = 0;
          for (const p of pts) {
            const x = +(p.x * grid).toFixed(1);
            const y = +(p.y * grid).toFixed(1);
            d += d ? `m${+(x - px).toFixed(1)} ${+(y - py).toFixed(1)}h0` : `M${x} ${y}h0`;
            px = x;
            py = y;
          }
          const alpha = +(1 - (1 - opacity) ** (i + 1)).toFixed(3);
          return `<path d="${d}" fill="none" stroke="${color}" stroke-opacity="${alpha}" stroke-width="${2 * radius}" stroke-linecap="round"></path>`;
        })
        .join('');
      g.innerHTML = paths;
    }
  }
}
