// Renders a BPMN diagram (or the decision table of a DMN file) to PNG with bpmn-js / dmn-js in
// Debian's headless Chromium, so the picture in the README is the diagram itself, laid out as in
// the Modeler. puppeteer-core never downloads a browser: it drives the one at $CHROMIUM
// (default /usr/bin/chromium, `apt-get install chromium`).
//
//   node .ci/node/render-diagram.mjs processes/rma-lifecycle.bpmn docs/rma-lifecycle.png
//   node .ci/node/render-diagram.mjs processes/return-policy.dmn docs/return-policy.png
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, 'node_modules');

const [input, output, scaleArg] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node render-diagram.mjs <diagram.bpmn|decision.dmn> <out.png> [scale, default 1.5]');
  process.exit(2);
}
const scale = Number(scaleArg ?? 1.5);
const xml = readFileSync(resolve(input), 'utf8');
const isDmn = input.endsWith('.dmn');

const assets = isDmn
  ? {
      scripts: ['dmn-js/dist/dmn-viewer.production.min.js'],
      styles: ['dmn-js/dist/assets/dmn-js-shared.css', 'dmn-js/dist/assets/dmn-js-decision-table.css',
        'dmn-js/dist/assets/dmn-js-drd.css', 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css']
    }
  : {
      scripts: ['bpmn-js/dist/bpmn-viewer.production.min.js'],
      styles: ['bpmn-js/dist/assets/diagram-js.css', 'bpmn-js/dist/assets/bpmn-js.css']
    };

const userDataDir = mkdtempSync(join(tmpdir(), 'openrma-render-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  userDataDir,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run']
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 2400, height: 1600, deviceScaleFactor: scale });
  await page.setContent('<!doctype html><html><body style="margin:0;background:#fff">'
    + '<div id="canvas" style="width:2400px;height:1600px"></div></body></html>');
  for (const style of assets.styles) {
    await page.addStyleTag({ path: join(modules, style) });
  }
  for (const script of assets.scripts) {
    await page.addScriptTag({ path: join(modules, script) });
  }
  const size = await page.evaluate(isDmn ? renderDmn : renderBpmn, xml);
  await page.setViewport({ width: size.width, height: size.height, deviceScaleFactor: scale });
  await page.evaluate(() => new Promise(requestAnimationFrame));
  mkdirSync(dirname(resolve(output)), { recursive: true });
  const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: size.width, height: size.height } });
  writeFileSync(resolve(output), png);
  console.log(`${input} -> ${output} (${size.width}x${size.height} css px, scale ${scale})`);
} finally {
  await browser.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

// Runs in the page: draws the diagram at 100 % with a margin and returns the size it needs.
async function renderBpmn(diagram) {
  const margin = 20;
  const viewer = new window.BpmnJS({ container: '#canvas' });
  const { warnings } = await viewer.importXML(diagram);
  if (warnings.length) {
    throw new Error('bpmn-js import warnings: ' + warnings.map((w) => w.message).join('; '));
  }
  const canvas = viewer.get('canvas');
  const inner = canvas.getActiveLayer().getBBox();
  const width = Math.ceil(inner.width + 2 * margin);
  const height = Math.ceil(inner.height + 2 * margin);
  const container = document.getElementById('canvas');
  container.style.width = width + 'px';
  container.style.height = height + 'px';
  canvas.resized();
  canvas.viewbox({ x: inner.x - margin, y: inner.y - margin, width, height });
  return { width, height };
}

// Runs in the page: shows the first decision table and returns the size of the table.
async function renderDmn(decisions) {
  const viewer = new window.DmnJS({ container: '#canvas' });
  const { warnings } = await viewer.importXML(decisions);
  if (warnings.length) {
    throw new Error('dmn-js import warnings: ' + warnings.map((w) => w.message).join('; '));
  }
  const table = viewer.getViews().find((view) => view.type === 'decisionTable');
  if (!table) {
    throw new Error('no decision table in this DMN file');
  }
  await viewer.open(table);
  const container = document.getElementById('canvas');
  container.style.width = 'max-content';
  container.style.height = 'auto';
  container.style.padding = '10px';
  document.querySelectorAll('.view-drd').forEach((element) => element.remove());
  const box = container.getBoundingClientRect();
  return { width: Math.ceil(box.right), height: Math.ceil(box.bottom + 10) };
}
