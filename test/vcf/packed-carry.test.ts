// packedMayCarry: annotate builds Calls only for the samples whose packed GT may carry the ALT, so it
// must never say no for a call that carries it, and for a packed (not complex) code say exactly what
// carries() says of that call.
import { describe, expect, it } from 'vitest';
import { carries, PACK_COMPLEX, packGt, packedMayCarry, unpackCall } from '../../src/vcf/genotype.js';

const GTS = ['0/1', '1/0', '1|1', '0/0', './.', '.', '1', '0', '2', '1/2', '2|2', '0|3', './1', '1/.', '254/0', '255/1', '0/1/2', '1/1/1', '.|.'];

describe('packedMayCarry', () => {
  it('agrees with carries() on every packed genotype, and is true for complex ones', () => {
    for (const gt of GTS) {
      const code = packGt(gt, 0, gt.length);
      for (const alt of [1, 2, 3, 254, 255]) {
        if (code === PACK_COMPLEX) expect(packedMayCarry(code, alt), gt).toBe(true);
        else expect(packedMayCarry(code, alt), `${gt} ALT ${alt}`).toBe(carries(unpackCall(code), alt));
      }
    }
  });

  it('says no for the codes of no-calls, whatever their alleles were', () => {
    // Policy no-calls keep their alleles in rawAlleles; a missing call has none.
    const missing = packGt('./.', 0, 3);
    expect(packedMayCarry(missing, 1)).toBe(false);
    expect(packedMayCarry(packGt('0/1', 0, 3), 1)).toBe(true);
    expect(packedMayCarry(packGt('0/1', 0, 3) | (2 << 19), 1)).toBe(false);
  });
});
