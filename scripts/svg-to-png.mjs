import { readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const [, , i, o] = process.argv;
writeFileSync(
  o,
  new Resvg(readFileSync(i, 'utf8'), { background: 'white', font: { loadSystemFonts: true } })
    .render()
    .asPng(),
);
