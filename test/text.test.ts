// src/text.ts: input bytes that are not UTF-8 kept as themselves, and input text made safe for a
// terminal; and the one message formatter (errors.ts describeAt) that applies it.
import { describe, expect, it } from 'vitest';
import { describeAt, InputError } from '../src/errors.js';
import { TsvSink } from '../src/sink/tsv.js';
import { decodeBytes, encodeText, terminalSafe } from '../src/text.js';
import { parseHeader } from '../src/vcf/header.js';

/** Seeded xorshift32: the same bytes on every run. */
function bytes(seed: number, n: number): Buffer {
  let x = seed;
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('decodeBytes / encodeText', () => {
  it('decodes valid UTF-8 exactly as Buffer#toString does', () => {
    const text = 'Sample_é_😀_中';
    expect(decodeBytes(Buffer.from(text))).toBe(text);
    expect(decodeBytes(Buffer.from(`x\t${text}\n`), 2, 2 + Buffer.byteLength(text))).toBe(text);
  });

  it('keeps names that differ only in invalid bytes distinct (no collapse into U+FFFD)', () => {
    const a = decodeBytes(Buffer.from([0x53, 0xff]));
    const b = decodeBytes(Buffer.from([0x53, 0xfe]));
    expect(a).not.toBe(b);
    expect(Buffer.from([0x53, 0xff]).toString('utf8')).toBe(Buffer.from([0x53, 0xfe]).toString('utf8'));
    expect(a).toBe('S\udcff');
  });

  it('escapes each byte of a truncated or overlong sequence and resumes after it', () => {
    // E2 82 is a cut-off euro sign; C0 AF an overlong '/'; ED A0 80 an encoded surrogate.
    expect(decodeBytes(Buffer.from([0xe2, 0x82, 0x41]))).toBe('\udce2\udc82A');
    expect(decodeBytes(Buffer.from([0xc0, 0xaf]))).toBe('\udcc0\udcaf');
    expect(decodeBytes(Buffer.from([0xed, 0xa0, 0x80, 0xe2, 0x82, 0xac]))).toBe('\udced\udca0\udc80€');
  });

  it('gives back the very bytes: encodeText(decodeBytes(b)) equals b for seeded random bytes', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const b = bytes(seed, 1 + (seed % 64));
      const back = encodeText(decodeBytes(b));
      expect(Buffer.from(back).equals(b), `seed ${seed}`).toBe(true);
    }
  });

  it('leaves plain text as a string, and valid surrogate pairs alone', () => {
    expect(encodeText('plain')).toBe('plain');
    // U+10080 is D800 DC80: its low half is in the escape range but is not an escaped byte.
    expect(encodeText('\u{10080}')).toBe('\u{10080}');
  });

  it('TSV writes the original bytes of such a name; JSON an \\udcXX escape that keeps it distinct', async () => {
    const written: (string | Buffer)[] = [];
    const sink = new TsvSink({ write: (s) => void written.push(s) }, ['sample', 'gene']);
    await sink.write({ sample: decodeBytes(Buffer.from([0x53, 0xff])), gene: 'CYP2C19' });
    const row = written[1] as Buffer;
    expect(Buffer.isBuffer(row)).toBe(true);
    expect(row.equals(Buffer.from([0x53, 0xff, 0x09, ...Buffer.from('CYP2C19\n')]))).toBe(true);
    expect(JSON.stringify(decodeBytes(Buffer.from([0x53, 0xff])))).toBe('"S\\udcff"');
  });

  it('a #CHROM line decoded so gives two samples where UTF-8 decoding gave a duplicate', () => {
    const line = Buffer.concat([Buffer.from('#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS'), Buffer.from([0xff, 0x09, 0x53, 0xfe])]);
    const header = parseHeader(['##fileformat=VCFv4.2', decodeBytes(line)], 'x.vcf');
    expect(header.samples).toEqual(['S\udcff', 'S\udcfe']);
    expect(() => parseHeader(['##fileformat=VCFv4.2', line.toString('utf8')], 'x.vcf')).toThrow(/duplicate sample name/);
  });
});

describe('terminalSafe', () => {
  it('escapes ESC as the four characters \\x1b, and the other controls', () => {
    expect(terminalSafe('a\x1b[2Jb')).toBe('a\\x1b[2Jb');
    expect(terminalSafe('t\tn\nr\r\x00\x7f\x9b')).toBe('t\\tn\\nr\\r\\x00\\x7f\\x9b');
  });

  it('escapes bidirectional overrides, line separators and escaped bytes', () => {
    expect(terminalSafe('abc\u202Eevil\u2066x\u2028')).toBe('abc\\u202eevil\\u2066x\\u2028');
    expect(terminalSafe(decodeBytes(Buffer.from([0x53, 0xff])))).toBe('S\\xff');
  });

  it('leaves printable text, accents and emoji as they are', () => {
    expect(terminalSafe('Sample é 😀 中 [x]')).toBe('Sample é 😀 中 [x]');
  });

  it('cuts at 200 characters with an ellipsis and the original length', () => {
    const long = 'x'.repeat(5000);
    expect(terminalSafe(long)).toBe(`${'x'.repeat(200)}… (5000 chars)`);
    // Escapes count as shown, and are never cut in two.
    expect(terminalSafe('\x01'.repeat(100))).toBe(`${'\\x01'.repeat(50)}… (100 chars)`);
    expect(terminalSafe(`xx${'\x01'.repeat(100)}`)).toBe(`xx${'\\x01'.repeat(49)}… (102 chars)`);
    expect(terminalSafe('x'.repeat(200))).toBe('x'.repeat(200));
    // Never between the halves of a surrogate pair.
    expect(terminalSafe(`${'x'.repeat(199)}😀😀`)).toBe(`${'x'.repeat(199)}… (203 chars)`);
  });
});

describe('describeAt: the one formatter of errors and warnings', () => {
  it('escapes and cuts the file name, the message and the quoted text', () => {
    const evil = `S\x1b]0;owned\x07${'y'.repeat(300)}`;
    const msg = describeAt(`duplicate sample name ${evil}`, { file: 'in\x1b[1m.vcf', line: 5, column: 11, text: evil });
    expect(msg).not.toMatch(/[\x00-\x1f]/);
    expect(msg.startsWith('in\\x1b[1m.vcf:5: column 11: duplicate sample name S\\x1b]0;owned\\x07y')).toBe(true);
    // 200 characters as shown: the escapes count (S, \x1b, ]0;owned, \x07 are 17 of them).
    expect(msg).toContain(`: 'S\\x1b]0;owned\\x07${'y'.repeat(200 - 17)}… (${evil.length} chars)'`);
  });

  it('is what VcfactError#describe prints', () => {
    const e = new InputError('GT is not a genotype', { file: 'a.vcf', line: 3, text: '0/\x1b1' });
    expect(e.describe()).toBe("a.vcf:3: GT is not a genotype: '0/\\x1b1'");
  });
});
