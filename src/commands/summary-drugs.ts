// Which CPIC recommendations `summary` counts as non-standard. A recommendation is non-standard when
// it is actionable (classification Strong, Moderate or Optional) and its text does not begin with a
// standard-dosing statement — the texts CPIC gives a normal metabolizer or a negative risk allele:
// "Initiate therapy with recommended starting dose", "Use <drug> per standard dosing guidelines",
// "… according to the product label", "… label recommended … dosing", "… at standard dose(s)",
// "Initiate standard starting dose", "(Based on TPMT status,) start with normal starting dose",
// "No reason to avoid", "No adjustments needed". "No recommendation" / "No action recommended" and
// the classifications 'No recommendation', 'N/A' and '' (texts that are not advice, such as an
// invalid CYP2D6 copy-number input) are never non-standard. Chosen over the 2,191 texts of
// data/pgx/recommendations.json: every text that changes the dose, the drug or the monitoring
// (reduce, avoid, consider an alternative, titrate, monitor closely) is non-standard.

const ACTIONABLE = new Set(['Strong', 'Moderate', 'Optional']);

const STANDARD_STARTS = [
  /^initiate (therapy )?with (the )?(recommended|standard) (starting dose|standard of care dosing|recommended dose|dos)/,
  /^initiate (\w+ with )?standard (starting|dosing)/,
  /^use [\w/ -]+ (per standard dosing|according to the product label|label recommended)/,
  /^(if considering \w+, )?use [\w/ -]*at standard doses?\b/,
  /^(based on \w+( status)?, )?start with normal starting dose/,
  /^no reason to avoid/,
  /^no adjustments? needed/,
  /^no action recommended/,
  /^no recommendation/,
];
// One expression of the alternatives (case-insensitive): a cohort asks it of every recommendation.
const STANDARD = new RegExp(STANDARD_STARTS.map((re) => `(?:${re.source})`).join('|'), 'i');

export function isNonStandard(classification: string, recommendation: string): boolean {
  if (!ACTIONABLE.has(classification)) return false;
  return !STANDARD.test(recommendation.trim());
}
