// The golden HTML pages (fixtures/report/golden) rendered in a real headless Chromium (Debian's
// `chromium`, scripts/install-tools.sh): the DOM holds the genes and findings the JSON report of the
// same command names, no request is made besides the page itself, nothing is logged as an error, no
// script runs (the sample named <script>alert(1)</script> shows as text), and a screenshot is taken.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, vcfact } from '../helpers/cli.js';
import { goldenPages } from '../sink/html-pages.js';
import { Browser, type CdpEvent } from './cdp-pipe.js';

interface JsonReport {
  sample: string;
  pgx: { gene: string; call_quality: string }[];
  cancer: { feature: string; pgx?: { drug: string; genes: string[] }[] }[];
}

interface PageFacts {
  h1: string;
  genes: string[];
  findings: string[];
  links: string[];
  scripts: number;
  indexLinks: string[];
}

// Read in the page after load: what a reader sees.
const FACTS = `JSON.stringify({
  h1: document.querySelector('h1')?.textContent ?? '',
  genes: [...document.querySelectorAll('table.genes th[scope=row]')].map((e) => e.textContent),
  findings: [...document.querySelectorAll('tr.finding .finding-head')].map((e) => e.textContent),
  links: [...document.querySelectorAll('.link b')].map((e) => e.textContent),
  scripts: document.scripts.length,
  indexLinks: [...document.querySelectorAll('a')].map((e) => e.textContent),
})`;

const tmp = mkdtempSync(join(tmpdir(), 'vcfact-html-browser-'));
let browser: Browser;

beforeAll(() => {
  const exe = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  browser = new Browser(exe, join(tmp, 'profile'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** Opens `file` in a new tab; returns what the page shows and every request, log error and dialog seen. */
async function open(file: string, shot: string): Promise<{ facts: PageFacts; requests: string[]; errors: string[]; dialogs: string[] }> {
  const { targetId } = (await browser.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
  const { sessionId } = (await browser.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
  const requests: string[] = [];
  const errors: string[] = [];
  const dialogs: string[] = [];
  browser.on((e: CdpEvent) => {
    if (e.sessionId !== sessionId) return;
    if (e.method === 'Network.requestWillBeSent') requests.push((e.params.request as { url: string }).url);
    if (e.method === 'Log.entryAdded' && (e.params.entry as { level: string }).level === 'error') errors.push((e.params.entry as { text: string }).text);
    if (e.method === 'Runtime.consoleAPICalled' && e.params.type === 'error') errors.push(JSON.stringify(e.params.args));
    if (e.method === 'Runtime.exceptionThrown') errors.push(JSON.stringify(e.params.exceptionDetails));
    if (e.method === 'Page.javascriptDialogOpening') {
      // A script ran: note it, and close the dialog so the page finishes loading and the test fails on it.
      dialogs.push(String(e.params.message));
      void browser.send('Page.handleJavaScriptDialog', { accept: false }, sessionId);
    }
  });
  for (const domain of ['Page', 'Runtime', 'Log', 'Network']) await browser.send(`${domain}.enable`, {}, sessionId);
  const loaded = browser.waitFor((e) => e.sessionId === sessionId && e.method === 'Page.loadEventFired');
  await browser.send('Page.navigate', { url: pathToFileURL(file).href }, sessionId);
  await loaded;
  const value = (await browser.send('Runtime.evaluate', { expression: FACTS, returnByValue: true }, sessionId)) as { result: { value: string } };
  const png = (await browser.send('Page.captureScreenshot', { format: 'png' }, sessionId)) as { data: string };
  writeFileSync(shot, Buffer.from(png.data, 'base64'));
  await browser.send('Target.closeTarget', { targetId });
  return { facts: JSON.parse(value.result.value) as PageFacts, requests, errors, dialogs };
}

/** The JSON report of the same command, per sample. */
function jsonReports(args: string[]): Map<string, JsonReport> {
  const r = vcfact([...args, '-q', '-O', 'json']);
  expect(r.status).toBe(0);
  return new Map((JSON.parse(r.stdout) as { results: JsonReport[] }).results.map((x) => [x.sample, x]));
}

describe('report -O html in Chromium', () => {
  for (const c of goldenPages()) {
    it(c.name, async () => {
      const reports = jsonReports(c.args);
      const dir = join(fixture('report', 'golden', c.name), 'expected');
      const files = readdirSync(dir).sort();
      const headings: string[] = [];
      let indexLinks: string[] | undefined;
      for (const f of files) {
        const page = join(dir, f);
        const shot = join(tmp, `${c.name}-${f}.png`);
        const seen = await open(page, shot);
        expect(seen.requests, f).toEqual([pathToFileURL(page).href]);
        expect(seen.errors, f).toEqual([]);
        expect(seen.dialogs, f).toEqual([]);
        expect(seen.facts.scripts, f).toBe(0);
        expect(readFileSync(shot).subarray(1, 4).toString(), f).toBe('PNG');
        if (f === 'index.html') {
          indexLinks = seen.facts.indexLinks;
          continue;
        }
        headings.push(seen.facts.h1);
        const report = reports.get(seen.facts.h1);
        expect(report, `${f}: no report for the page heading '${seen.facts.h1}'`).toBeDefined();
        const r = report as JsonReport;
        expect(seen.facts.genes, f).toEqual(r.pgx.filter((p) => p.call_quality !== 'not-called').map((p) => p.gene));
        expect(seen.facts.findings, f).toEqual(r.cancer.map((x) => x.feature));
        expect(seen.facts.links, f).toEqual(r.cancer.flatMap((x) => (x.pgx ?? []).map((l) => l.drug)));
      }
      // The index (a directory of pages) lists every page, by sample name.
      if (c.out === 'dir') expect(indexLinks?.sort()).toEqual(headings.sort());
    });
  }

  it('shows the tumour/normal patient page with the DPYD link, and the script-named sample as text', async () => {
    const tn = await open(join(fixture('report', 'golden', 'tn-dpyd'), 'expected', 'page.html'), join(tmp, 'tn.png'));
    expect(tn.facts.h1).toBe('TUMOR');
    expect(tn.facts.genes).toContain('DPYD');
    expect(tn.facts.links).toEqual(['capecitabine', 'fluorouracil']);
    const xss = await open(join(fixture('report', 'golden', 'script-names'), 'expected', 'script_alert_1_script_.html'), join(tmp, 'xss.png'));
    expect(xss.facts.h1).toBe('<script>alert(1)</script>');
    expect(xss.dialogs).toEqual([]);
  });
});
