#!/usr/bin/env node
/** Renders public/favicon.svg to the PNG icons browsers and the web manifest ask for. Run after changing the SVG. */
import { readFileSync, writeFileSync } from 'node:fs';
import { svgToPng } from '../src/pages/og/_png.ts';

const svg = readFileSync('public/favicon.svg');
for (const [file, size] of [
  ['icons/icon-192.png', 192],
  ['icons/icon-512.png', 512],
  ['apple-touch-icon.png', 180],
]) {
  const png = await svgToPng(svg, { width: size });
  writeFileSync(`public/${file}`, png);
  console.log(`public/${file}: ${size}×${size}, ${png.length} bytes`);
}
