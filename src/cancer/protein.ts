// Protein change names in one comparable form: CIViC writes 'V600E', 'E746_A750del', 'P2514fs';
// VEP/SnpEff HGVSp write 'p.Val600Glu', 'p.Glu746_Ala750del', 'p.Pro2514ArgfsTer3'. Both become
// upper-case one-letter keys with a frameshift cut to its first residue ('P2514FS') and stops as '*'.

const THREE: Record<string, string> = {
  Ala: 'A', Arg: 'R', Asn: 'N', Asp: 'D', Cys: 'C', Gln: 'Q', Glu: 'E', Gly: 'G', His: 'H', Ile: 'I',
  Leu: 'L', Lys: 'K', Met: 'M', Phe: 'F', Pro: 'P', Ser: 'S', Thr: 'T', Trp: 'W', Tyr: 'Y', Val: 'V',
  Ter: '*', Sec: 'U', Xaa: 'X',
};

/** CIViC-style name → key: 'V600E' → 'V600E', 'P2514fs*19' → 'P2514FS', 'A767_V769dupASV' → 'A767_V769DUP'. */
export function proteinKey(name: string): string {
  return tidy(name.trim().toUpperCase().replace(/^P\./, ''));
}

/** Frameshifts cut to 'FS'; residues spelled after del/dup dropped ('E554DELPMYE' → 'E554DEL'), as HGVS omits them. */
function tidy(key: string): string {
  return key.replace(/FS.*$/, 'FS').replace(/(DEL|DUP)(?!INS)[A-Z]*$/, '$1');
}

/**
 * HGVSp (with or without a 'NP_…:' prefix, three- or one-letter) → key; undefined for
 * synonymous ('p.=' / 'p.Val600=') or unparseable text. '%3D' is VEP's URL-escaped '='.
 */
export function hgvspKey(hgvsp: string): string | undefined {
  let p = decodeURIComponent(hgvsp.replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));
  const colon = p.lastIndexOf(':');
  if (colon >= 0) p = p.slice(colon + 1);
  if (!p.startsWith('p.')) return undefined;
  p = p.slice(2).replace(/^\((.*)\)$/, '$1');
  if (p.includes('=') || p === '?' || p === '') return undefined;
  const one = p.replace(/[A-Z][a-z]{2}/g, (m) => THREE[m] ?? m);
  // p.Gly12Ter → G12*; frameshifts p.Pro2514ArgfsTer3 → P2514RFS*3 → cut to P2514FS.
  const key = tidy(one.toUpperCase().replace(/^([A-Z*]\d+)[A-Z*]?FS.*$/, '$1FS'));
  return /^[A-Z*]\d+/.test(key) ? key : undefined;
}

/** 'V600E' → {ref:'V', pos:600}; undefined for ranges and other shapes. */
export function codonOf(key: string): { aa: string; pos: number } | undefined {
  const m = /^([A-Z*])(\d+)/.exec(key);
  return m ? { aa: m[1] as string, pos: Number(m[2]) } : undefined;
}
