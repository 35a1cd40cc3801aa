/**
 * Ids from names, for rows whose id cell is empty: the name in Latin letters, in kebab-case.
 * Cyrillic follows the common passport-style table (BGN/PCGN-like: ж zh, х kh, ц ts, щ shch, ы y,
 * й y, ь and ъ dropped), with the Kyrgyz and Kazakh letters; Hangul follows the Revised
 * Romanization of Korean, each syllable decomposed into its initial, vowel and final (Unicode
 * arithmetic, U+AC00 + (initial × 21 + vowel) × 28 + final), letter by letter without the
 * sound-change rules; Latin letters lose their accents. The same name always gives the same id;
 * ids already taken get -2, -3 … in the order the rows come.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Kyrgyz, Kazakh, Ukrainian, Belarusian
  ң: 'ng',
  ө: 'o',
  ү: 'u',
  ә: 'a',
  ғ: 'gh',
  қ: 'q',
  ұ: 'u',
  һ: 'h',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
};

const INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const VOWELS = [
  'a',
  'ae',
  'ya',
  'yae',
  'eo',
  'e',
  'yeo',
  'ye',
  'o',
  'wa',
  'wae',
  'oe',
  'yo',
  'u',
  'wo',
  'we',
  'wi',
  'yu',
  'eu',
  'ui',
  'i',
];
const FINALS = [
  '',
  'k',
  'k',
  'k',
  'n',
  'n',
  'n',
  't',
  'l',
  'k',
  'm',
  'l',
  'l',
  'l',
  'p',
  'l',
  'm',
  'p',
  'p',
  't',
  't',
  'ng',
  't',
  't',
  'k',
  't',
  'p',
  't',
];

/** One character in Latin letters (lower case); other characters as they are. */
function latin(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code >= 0xac00 && code <= 0xd7a3) {
    const s = code - 0xac00;
    return INITIALS[Math.floor(s / 588)]! + VOWELS[Math.floor((s % 588) / 28)]! + FINALS[s % 28]!;
  }
  const lower = ch.toLowerCase();
  return CYRILLIC[lower] ?? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

const MAX_LENGTH = 64;

/** The id a name gives, before collisions; '' when nothing of it can be written in Latin letters. */
export function idFromName(name: string): string {
  let out = '';
  for (const ch of name) out += latin(ch);
  const words = out
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let id = '';
  for (const word of words) {
    const next = id === '' ? word : `${id}-${word}`;
    if (next.length > MAX_LENGTH && id !== '') break;
    id = next.slice(0, MAX_LENGTH);
  }
  return id;
}

/** Hands out ids from names, never one already taken (by an explicit id or an earlier name). */
export class IdMaker {
  private readonly taken: Set<string>;
  constructor(taken: Iterable<string>) {
    this.taken = new Set(taken);
  }
  /** Undefined when the name has nothing writable in Latin letters. */
  make(name: string, fallback: string): string {
    const base = idFromName(name) || fallback;
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}
