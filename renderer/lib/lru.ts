// The one least-recently-used cache of the app (full evaluations and inspector models of the
// files selected before, so arrowing back shows them at once).
//
// quick-lru rather than our own: it is tiny (one ESM file, no dependencies, types included),
// maintained, and a Map with a size bound is all these caches need. lru-cache was the other
// candidate; it is many times larger (TTL, fetch, disposal, size accounting) for features
// nothing here uses. quick-lru keeps between `maxSize` and 2 × `maxSize` entries (two
// generations instead of a linked list): fine for caches of a few dozen small objects.
import QuickLRU from 'quick-lru';

export type Lru<K, V> = QuickLRU<K, V>;

/** A cache that forgets the entries used least recently once it holds more than about `maxSize`. */
export function createLru<K, V>(maxSize: number): Lru<K, V> {
  return new QuickLRU<K, V>({ maxSize });
}
