// The name-keyed table of matchers; `annotate` asks each about every split variant.
import { cancerMatcher } from '../cancer/matcher.js';
import { loadCancerKb } from '../cancer/kb.js';
import { pgxMatcher } from '../pgx/matcher.js';
import { loadPgxKb } from '../pgx/kb.js';
import type { Matcher } from './types.js';

const FACTORIES: Record<string, (dataDir: string) => Matcher> = {
  pgx: (dir) => pgxMatcher(loadPgxKb(dir)),
  cancer: (dir) => cancerMatcher(loadCancerKb(dir)),
};

export const MATCHER_NAMES = Object.keys(FACTORIES);

export function loadMatchers(dataDir: string, names: readonly string[] = MATCHER_NAMES): Matcher[] {
  return names.map((n) => {
    const f = FACTORIES[n];
    if (!f) throw new Error(`unknown matcher '${n}'`);
    return f(dataDir);
  });
}
