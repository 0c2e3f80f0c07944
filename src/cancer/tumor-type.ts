// --tumor-type TERM: is an evidence item's disease the patient's? TERM is a DOID ('DOID:9256',
// '9256'), a disease name ('colorectal cancer'), or a TCGA study code ('COAD'). Without the DOID
// ontology on board, relatedness uses organ families: a term and a disease are related when both
// fall in the same family (e.g. 'Colon Adenocarcinoma' for 'colorectal cancer'). Pan-cancer
// evidence (DOID 162 'Cancer', 'Solid Tumor') applies to every tumour type.

/** Organ family → words that put a disease name in it. */
const FAMILIES: Record<string, RegExp> = {
  colorectal: /colorectal|\bcolon\b|rect(al|um)|large intestine|\b(coad|read|crc)\b/i,
  lung: /\blung\b|\bnsclc\b|\bsclc\b|\b(luad|lusc)\b/i,
  breast: /breast|\bbrca\b/i,
  melanoma: /melanoma|\bskcm\b|\buvm\b/i,
  thyroid: /thyroid|\bthca\b/i,
  ovarian: /ovar|\bov\b/i,
  prostate: /prostat|\bprad\b/i,
  pancreas: /pancrea|\bpaad\b/i,
  stomach: /gastric|stomach|\bstad\b/i,
  glioma: /glio|astrocytoma|\bgbm\b|\blgg\b/i,
  bladder: /bladder|urothelial|\bblca\b/i,
  kidney: /renal|kidney|\b(kirc|kirp|kich)\b/i,
  liver: /hepatocellular|liver|\blihc\b/i,
  endometrium: /endometri|uterine|\bucec\b/i,
  gist: /gastrointestinal stromal/i,
};

const PAN_CANCER_DOIDS = new Set(['162']);
const PAN_CANCER_NAMES = /^(cancer|solid tumor)$/i;

export interface TumorType {
  term: string;
  doid?: string;
  families: string[];
}

function familiesOf(text: string): string[] {
  return Object.entries(FAMILIES)
    .filter(([, re]) => re.test(text))
    .map(([f]) => f);
}

export function parseTumorType(term: string): TumorType {
  const t = term.trim();
  const doid = /^(?:DOID:?)?(\d+)$/i.exec(t)?.[1];
  return { term: t, ...(doid !== undefined ? { doid } : {}), families: familiesOf(t) };
}

/** Gives a DOID-only term the families of the disease names CIViC uses for that DOID. */
export function withDiseaseNames(tt: TumorType, names: Iterable<{ doid: string; disease: string }>): TumorType {
  if (tt.doid === undefined || tt.families.length > 0) return tt;
  const fams = new Set<string>();
  for (const n of names) if (n.doid === tt.doid) for (const f of familiesOf(n.disease)) fams.add(f);
  return { ...tt, families: [...fams].sort() };
}

export function onLabel(tt: TumorType, disease: string, doid: string): boolean {
  if (PAN_CANCER_DOIDS.has(doid) || PAN_CANCER_NAMES.test(disease.trim())) return true;
  if (tt.doid !== undefined && tt.doid === doid) return true;
  const d = disease.toLowerCase();
  const term = tt.term.toLowerCase();
  if (term !== '' && (d === term || d.includes(term))) return true;
  return tt.families.some((f) => (FAMILIES[f] as RegExp).test(disease));
}
