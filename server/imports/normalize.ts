/**
 * Folds a header or a cell text to a comparable key: no accents, lower case, punctuation and runs of spaces
 * collapsed. « Né(e) le », "NE E LE" and "né e  le" all give "ne e le".
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œŒ]/g, 'oe')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const STOP_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'd', 'l', 'e', 'a', 'au', 'aux', 'en', 'et']);

/** `fold` without French articles and prepositions: « Date de début du mentorat » ≈ « date début mentorat ». */
export function foldKey(text: string): string {
  return fold(text)
    .split(' ')
    .filter((w) => w && !STOP_WORDS.has(w))
    .join(' ');
}
