// Drug names as the two knowledge bases spell them, brought to one form so a CIViC therapy
// ('Capecitabine', 'Pictilisib Bismesylate', 'FOLFOX-4 Regimen', 'Bevacizumab + Oxaliplatin +
// Capecitabine') meets a CPIC drug ('capecitabine', 'fluorouracil'). Only what the names say is used:
// a generic 'Chemotherapy' names no drug and meets none.

/** Salt and hydrate words that do not change which drug it is ('imatinib mesylate' is imatinib). */
const SALTS = new Set([
  'acetate', 'besylate', 'bismesylate', 'calcium', 'citrate', 'dihydrochloride', 'dimesylate', 'fumarate', 'hcl', 'hydrobromide',
  'hydrochloride', 'malate', 'maleate', 'mesylate', 'monohydrate', 'phosphate', 'potassium', 'sodium', 'succinate', 'sulfate',
  'sulphate', 'tartrate', 'tosylate',
]);

/** Other spellings of the same drug (after lower-casing and salt removal). */
const SYNONYMS: Readonly<Record<string, string>> = {
  '5-fu': 'fluorouracil',
  '5-fluorouracil': 'fluorouracil',
  '5fu': 'fluorouracil',
  '6-mercaptopurine': 'mercaptopurine',
  '6-mp': 'mercaptopurine',
  '6-thioguanine': 'thioguanine',
  '6-tg': 'thioguanine',
  tioguanine: 'thioguanine',
  'folinic acid': 'leucovorin',
};

/**
 * Named chemotherapy regimens and the drugs they are made of (standard compositions), so that
 * 'FOLFOX' meets fluorouracil and DPYD. A numbered variant ('FOLFOX-4', 'FOLFOX6') is its regimen.
 */
const REGIMENS: Readonly<Record<string, readonly string[]>> = {
  folfox: ['fluorouracil', 'leucovorin', 'oxaliplatin'],
  folfiri: ['fluorouracil', 'leucovorin', 'irinotecan'],
  folfoxiri: ['fluorouracil', 'leucovorin', 'oxaliplatin', 'irinotecan'],
  folfirinox: ['fluorouracil', 'leucovorin', 'irinotecan', 'oxaliplatin'],
  capox: ['capecitabine', 'oxaliplatin'],
  xelox: ['capecitabine', 'oxaliplatin'],
  capiri: ['capecitabine', 'irinotecan'],
  xeliri: ['capecitabine', 'irinotecan'],
  fac: ['fluorouracil', 'doxorubicin', 'cyclophosphamide'],
  fec: ['fluorouracil', 'epirubicin', 'cyclophosphamide'],
  chop: ['cyclophosphamide', 'doxorubicin', 'vincristine', 'prednisone'],
  'r-chop': ['rituximab', 'cyclophosphamide', 'doxorubicin', 'vincristine', 'prednisone'],
};

/** One drug name in its matching form: lower case, single spaces, no salt words, synonyms resolved. */
export function normalizeDrug(name: string): string {
  const words = name.toLowerCase().replace(/[\s_]+/g, ' ').trim().split(' ');
  while (words.length > 1 && SALTS.has(words[words.length - 1] as string)) words.pop();
  const base = words.join(' ').replace(/ regimen$/, '');
  return SYNONYMS[base] ?? base;
}

/**
 * The single drugs a therapy label names: a combination ('A + B', 'A/B', 'A, B', 'A and B') is
 * split, a named regimen is expanded; each in its matching form, deduplicated, in order.
 */
export function drugsOf(therapy: string): string[] {
  const out: string[] = [];
  for (const part of therapy.split(/\s*(?:\+|\/|,|;|\band\b)\s*/i)) {
    if (part.trim() === '') continue;
    const drug = normalizeDrug(part);
    const regimen = REGIMENS[drug.replace(/[\s-]*\d+$/, '')];
    for (const d of regimen ?? [drug]) if (!out.includes(d)) out.push(d);
  }
  return out;
}
