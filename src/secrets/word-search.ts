// Which of a fixed set of literal words occur in a text (the keyword pre-filter of the credential
// detectors: most keywords occur in no file at all, and every file is searched for all of them).
//
// One regular expression with every word as an alternative costs a few nanoseconds per character,
// since the engine tries the alternatives at every position. Here each word is found through an
// anchor instead: a short piece of it (one or two characters) that is rare in manifests and
// configuration text. `indexOf` finds an anchor's occurrences at memchr speed, and only there are
// the words of that anchor compared. Anchors are chosen so that few scans cover all words
// (`gl` for every GitLab prefix, `_` for `ghp_`, `npm_`, `sk_live_`, ...).

/** Rough occurrences per 1,000 characters of manifests and configuration text. */
const FREQUENCY: Record<string, number> = {
  e: 90, t: 70, a: 65, o: 60, i: 60, n: 58, s: 55, r: 52, c: 30, l: 35, d: 32, u: 25, h: 30, m: 22, p: 20, f: 17,
  g: 17, y: 14, b: 12, w: 12, v: 9, k: 8, x: 2, j: 1.5, q: 1, z: 1.5, ' ': 150, '\n': 30, ':': 15, '-': 12,
  '.': 9, '"': 8, '/': 5, '_': 2, '=': 1, '@': 0.2, '~': 0.05,
};
const DIGIT_FREQUENCY = 5;
const OTHER_FREQUENCY = 0.5;

const frequency = (ch: string) => FREQUENCY[ch] ?? (ch >= '0' && ch <= '9' ? DIGIT_FREQUENCY : OTHER_FREQUENCY);

/**
 * The time to search a text for an anchor, in milliseconds per 40 MB (measured on the 2-core
 * machines this project runs on): each search reads the whole text once (about 2.4 ms), the
 * native search stops at each occurrence of the anchor's first character (0.1 ms per occurrence
 * per 1,000 characters), and JavaScript compares words at each occurrence of the whole anchor
 * (1 ms per occurrence per 1,000 characters).
 */
function anchorCost(anchor: string): number {
  let occurrences = 1000;
  for (const ch of anchor) occurrences *= frequency(ch) / 1000;
  return 2.4 + 0.1 * frequency(anchor[0]) + occurrences;
}

interface AnchorGroup {
  anchor: string;
  /** Each word with the offset of the anchor in it. */
  words: { word: string; offset: number }[];
}

export interface WordSearch {
  /** The words that occur in `text` (case-sensitive: lower-case both). */
  present(text: string): Set<string>;
}

/**
 * A search for `words`. Until `planAfter` characters have been searched (a pre-commit scan of a
 * few files), each word is looked for on its own; after that the anchors are planned once.
 */
export function wordSearch(words: string[], planAfter = 256 * 1024): WordSearch {
  const distinct = [...new Set(words.filter((w) => w.length > 0))];
  let groups: AnchorGroup[] | undefined;
  let searched = 0;
  return {
    present(text) {
      searched += text.length;
      if (!groups && searched <= planAfter) return new Set(distinct.filter((w) => text.includes(w)));
      groups ??= planAnchors(distinct);
      return findWords(text, groups);
    },
  };
}

/** Anchors picked greedily, cheapest per word covered first (weighted set cover). */
function planAnchors(words: string[]): AnchorGroup[] {
  const uncovered = new Set(words);
  // Every one- and two-character piece of every word, with the words holding it.
  const covers = new Map<string, string[]>();
  const piecesOf = new Map<string, Set<string>>();
  for (const word of uncovered) {
    const pieces = new Set<string>();
    for (let i = 0; i < word.length; i++) {
      pieces.add(word[i]);
      if (i + 1 < word.length) pieces.add(word.slice(i, i + 2));
    }
    piecesOf.set(word, pieces);
    for (const piece of pieces) {
      if (!covers.has(piece)) covers.set(piece, []);
      covers.get(piece)!.push(word);
    }
  }
  // Uncovered words per piece, kept up to date as words are covered.
  const open = new Map([...covers].map(([piece, ws]) => [piece, ws.length]));
  const cost = new Map([...covers.keys()].map((piece) => [piece, anchorCost(piece)]));
  const groups: AnchorGroup[] = [];
  while (uncovered.size) {
    let anchor = '';
    let best = Infinity;
    for (const [piece, count] of open) {
      if (!count) continue;
      const perWord = cost.get(piece)! / count;
      if (perWord < best || (perWord === best && piece < anchor)) {
        anchor = piece;
        best = perWord;
      }
    }
    const group: AnchorGroup = { anchor, words: [] };
    for (const word of covers.get(anchor)!) {
      if (!uncovered.delete(word)) continue;
      group.words.push({ word, offset: word.indexOf(anchor) });
      for (const piece of piecesOf.get(word)!) open.set(piece, open.get(piece)! - 1);
    }
    groups.push(group);
  }
  return groups;
}

function findWords(text: string, groups: AnchorGroup[]): Set<string> {
  const found = new Set<string>();
  for (const { anchor, words } of groups) {
    let left = words.length;
    const done = new Array<boolean>(words.length).fill(false);
    for (let at = text.indexOf(anchor); at >= 0 && left > 0; at = text.indexOf(anchor, at + 1)) {
      for (let k = 0; k < words.length; k++) {
        const { word, offset } = words[k];
        if (done[k] || at < offset || !text.startsWith(word, at - offset)) continue;
        found.add(word);
        done[k] = true;
        left--;
      }
    }
  }
  return found;
}
