package logcheck

import "sync"

// memo computes a value once per key; safe for concurrent use (callers
// of one key wait for the first).
type memo[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]*memoEntry[V]
}

type memoEntry[V any] struct {
	once sync.Once
	v    V
}

// get returns the value of k, computing it with f the first time.
func (m *memo[K, V]) get(k K, f func() V) V {
	m.mu.Lock()
	if m.m == nil {
		m.m = map[K]*memoEntry[V]{}
	}
	e := m.m[k]
	if e == nil {
		e = &memoEntry[V]{}
		m.m[k] = e
	}
	m.mu.Unlock()
	e.once.Do(func() { e.v = f() })
	return e.v
}
