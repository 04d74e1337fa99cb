//go:build !linux && !darwin

package publish

// exchange cannot swap two folders in one step here; publish moves the
// old site aside and the new one in, and the next build puts the old one
// back if a crash came between.
func exchange(a, b string) error { return errNoExchange }
