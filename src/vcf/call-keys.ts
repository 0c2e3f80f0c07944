// The FORMAT keys a Call is built from, and each one's slot in processFormatFields' ranges.

/** FORMAT keys the reader asks @gmod/vcf for, in `ranges` order. */
export const CALL_KEYS = ['GT', 'PS', 'DP', 'GQ', 'AD', 'FT', 'AF', 'VAF', 'FREQ', 'RD', 'AO', 'RO', 'AU', 'CU', 'GU', 'TU', 'TAR', 'TIR'] as const;

/** Slot of each key: FORMAT key k spans line[ranges[2k], ranges[2k+1]), -1 when absent. */
export const KEY = Object.fromEntries(CALL_KEYS.map((k, i) => [k, i])) as Record<(typeof CALL_KEYS)[number], number>;
