// `report -O html`: the reports become pages. One page (a single sample, or a tumour/normal pair,
// whose tumour page is the patient's) goes to -o FILE or stdout; several go to -o DIR/ with an index.
// Each page is made when its report arrives, from the report and the run's facts at that moment
// (every record has been read by then), so the sink keeps only a line per page for the index.
import type { SampleReport } from '../../commands/report.js';
import type { WarningEntry } from '../../log.js';
import type { Result, RunMeta, Sink, TextOut } from '../types.js';
import type { PageDir, PageNames } from './files.js';
import { type IndexEntry, indexEntry, renderIndex } from './index-page.js';
import { type PageInputs, renderPage } from './page.js';

/** The report a `report` result is (cli/report.ts writes SampleReports); anything else is a bug. */
function asReport(result: Result): SampleReport {
  if (typeof result.sample !== 'string' || !Array.isArray(result.pgx) || !Array.isArray(result.cancer)) {
    throw new Error('the HTML writer was given a result that is not a sample report');
  }
  return result as unknown as SampleReport;
}

export type PageTarget = { kind: 'single'; out: TextOut } | { kind: 'dir'; dir: PageDir; names: PageNames };

export class HtmlSink implements Sink {
  private readonly entries: IndexEntry[] = [];

  constructor(
    private readonly target: PageTarget,
    /** The run's facts for a page, asked for as each page is made. */
    private readonly inputs: () => PageInputs,
    /** Samples whose page is another's (the matched normal, shown in its tumour's page). */
    private readonly shownElsewhere: ReadonlySet<string> = new Set(),
  ) {}

  async write(result: Result): Promise<void> {
    const r = asReport(result);
    if (this.shownElsewhere.has(r.sample)) return;
    const page = renderPage(r, this.inputs());
    if (this.target.kind === 'single') {
      if (this.entries.length > 0) throw new Error('a second page for a single-page HTML output');
      this.entries.push(indexEntry(r, ''));
      await this.target.out.write(page);
      return;
    }
    const file = this.target.names.name(r.sample);
    this.target.dir.put(file, page);
    this.entries.push(indexEntry(r, file));
  }

  async finish(meta: RunMeta, _warnings: WarningEntry[]): Promise<void> {
    if (this.target.kind === 'single') {
      // No sample at all (a sites-only VCF): the page says so rather than being empty.
      if (this.entries.length === 0) await this.target.out.write(renderIndex([], meta));
      return;
    }
    this.target.dir.put('index.html', renderIndex(this.entries, meta));
    this.target.dir.commit();
  }

  fail(): void {
    // A page on stdout cannot be taken back (the exit code tells); pages in a directory are dropped.
    if (this.target.kind === 'dir') this.target.dir.abort();
  }
}
