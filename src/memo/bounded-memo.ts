/** Values by key, at most a fixed number of them, with hit counts. */
export interface BoundedMemo<V> {
  get(key: string): V | undefined
  set(key: string, value: V): void
  /** Lookups that found a value, and lookups in all. */
  readonly stats: {hits: number; lookups: number}
}

/** A memo holding at most `limit` values; when full, the oldest entry goes first. */
export function createBoundedMemo<V>(limit: number): BoundedMemo<V> {
  const entries = new Map<string, V>()
  const stats = {hits: 0, lookups: 0}
  return {
    stats,
    get(key) {
      stats.lookups++
      const value = entries.get(key)
      if (value !== undefined) stats.hits++
      return value
    },
    set(key, value) {
      if (entries.size >= limit) entries.delete(entries.keys().next().value!)
      entries.set(key, value)
    }
  }
}
