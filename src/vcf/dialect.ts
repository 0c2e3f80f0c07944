// Real-world VCF dialects that htslib (bcftools) reads, and so does vcfact. Outside the VCF
// specification, each with a warning (counted; fatal under --strict): spaces after a tab, an empty
// INFO column (mskcc/vcf2maf's test VCFs); a FORMAT column '.' is read in sample-calls.ts. Within it,
// without a warning: lowercase bases (the specification makes them case-insensitive) and a
// sample's missing trailing FORMAT fields ('0/1' under GT:AD:DP), which need nothing here.

/** What a data line's bytes say about its dialect, found while its tabs are counted. */
export interface LineShape {
  tabs: number;
  /** A tab is followed by a space. */
  spaced: boolean;
  /** The INFO column (the 8th) is empty. */
  emptyInfo: boolean;
}

const TAB = 9;
const SPACE = 32;

/** Tabs of buf[s, e), and the dialects they show. */
export function lineShape(buf: Buffer, s: number, e: number): LineShape {
  let tabs = 0;
  let spaced = false;
  let infoStart = -1;
  let infoEnd = e;
  for (let t = buf.indexOf(TAB, s); t >= 0 && t < e; t = buf.indexOf(TAB, t + 1)) {
    tabs++;
    if (buf[t + 1] === SPACE && t + 1 < e) spaced = true;
    if (tabs === 7) infoStart = t + 1;
    else if (tabs === 8) infoEnd = t;
  }
  return { tabs, spaced, emptyInfo: infoStart >= 0 && infoStart === infoEnd };
}

/** The line without the spaces that follow its tabs; `column` is the first column that had them. */
export function dropSpacesAfterTabs(line: string): { line: string; column: number } {
  const at = line.indexOf('\t ');
  const column = line.slice(0, at + 1).split('\t').length;
  return { line: line.replace(/\t +/g, '\t'), column };
}

/** The line with an empty INFO column read as '.' (the line is unchanged when INFO is not empty). */
export function dotForEmptyInfo(line: string): string {
  let at = -1;
  for (let k = 0; k < 7; k++) {
    at = line.indexOf('\t', at + 1);
    if (at < 0) return line;
  }
  const next = line.charCodeAt(at + 1);
  return next === TAB || Number.isNaN(next) ? `${line.slice(0, at + 1)}.${line.slice(at + 1)}` : line;
}

const LOWER = /[acgtn]/;
const BASES = /^[ACGTNacgtn]+$/;

/** REF and the base ALTs in upper case, or undefined when they have no lowercase base. */
export function upperBases(ref: string, alts: string[]): { ref: string; alts: string[] } | undefined {
  if (!LOWER.test(ref) && !alts.some((a) => BASES.test(a) && LOWER.test(a))) return undefined;
  // Symbolic alleles (<DEL>), breakends and '*' are names, not bases: left as written.
  return { ref: ref.toUpperCase(), alts: alts.map((a) => (BASES.test(a) ? a.toUpperCase() : a)) };
}
