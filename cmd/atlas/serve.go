package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/briefing-atlas/atlas/site/devserver"
	"github.com/spf13/cobra"
)

func newServeCmd() *cobra.Command {
	var set buildSettings
	var bind string
	var port int
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Build the site, serve it locally, and rebuild it on every change",
		Long: `Serve builds the site into a temporary folder and serves it at
http://127.0.0.1:1717/ (under the path of base_url, if atlas.toml sets
one, as GitHub Pages will). It watches the briefings, atlas.toml, the
site's gazetteer/, templates/ and assets/ and rebuilds on every change,
incrementally, and open pages reload by themselves. When a build fails,
its error shows over the page until the next build succeeds; the server
keeps running. The published site is not touched: serve never writes to
--out.

The site may hold drafts, and any web page open in the browser can send
requests to a local port. So serve answers only requests addressed to
localhost, 127.0.0.1, [::1] or the address it listens on, with its port
(with --bind 0.0.0.0, also to the machine's own addresses and host
name; other names for it, such as a DNS name, are refused: use its
address), and gives the site's data (data/*.js, *.geojson, *.csv) and
its reload events only to its own pages.`,
		Example: `  atlas serve
  atlas serve --port 8080
  atlas serve --bind 0.0.0.0      # let other machines on the network look`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			tmp, err := os.MkdirTemp("", "atlas-serve-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(tmp)
			set.serveOut, set.serveCache = filepath.Join(tmp, "site"), filepath.Join(tmp, "cache")
			if err := set.resolve(cmd); err != nil {
				return err
			}
			base := "/"
			if set.baseURL != "" {
				if u, err := url.Parse(set.baseURL); err == nil && u.Path != "" {
					base = u.Path
				}
			}
			// Listen first: the server must know the address it answers
			// to, and a busy port is told before a long first build.
			ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(port)))
			if err != nil {
				return fmt.Errorf("serve: %w (choose another with --port)", err)
			}
			defer ln.Close()
			srv := devserver.New(set.serveOut, base, ln.Addr().String())
			srv.ShowSources(set.source, set.language == "en")
			stderr := cmd.ErrOrStderr()
			var building sync.Mutex
			rebuild := func() {
				building.Lock()
				defer building.Unlock()
				t := time.Now()
				rep, err := set.build(cmd)
				if err == nil {
					if set.quiet { // else the build's log has them
						for _, w := range rep.Warnings {
							fmt.Fprintln(stderr, "warning:", w)
						}
					}
					fmt.Fprintf(stderr, "built %d briefings in %s", rep.Articles, time.Since(t).Round(time.Millisecond))
					if rep.Unresolved > 0 {
						fmt.Fprintf(stderr, "; %d place names the gazetteer lacks (atlas check lists them)", rep.Unresolved)
					}
					fmt.Fprintln(stderr)
				} else {
					fmt.Fprintf(stderr, "build failed (the page shows why):\n%v\n", err)
				}
				srv.Built(err)
			}
			// The first build shows its progress (an archive takes a
			// while); rebuilds print one line each.
			rebuild()
			set.quiet = true
			// Watch before serving: a change made once the server
			// answers must not come before the watch and be lost.
			watched := []string{set.source, set.configFile, set.gazetteerDir, set.templatesDir, set.assetsDir}
			for _, x := range set.cfg.Gazetteer.Extra {
				watched = append(watched, set.cfg.Path(x))
			}
			watcher, err := devserver.NewWatcher(watched)
			if err != nil {
				return fmt.Errorf("watching for changes: %w", err)
			}
			defer watcher.Close()
			hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
			served := make(chan error, 1)
			go func() { served <- hs.Serve(ln) }()
			fmt.Fprintf(cmd.OutOrStdout(), "serving at http://%s%s (Ctrl-C to stop)\n", ln.Addr(), srv.Base())

			watchErr := make(chan error, 1)
			go func() { watchErr <- watcher.Run(ctx, rebuild) }()
			select {
			case <-ctx.Done():
			case err := <-served:
				return fmt.Errorf("serve: %w", err)
			case err := <-watchErr:
				if err != nil {
					hs.Close()
					return fmt.Errorf("watching for changes: %w", err)
				}
			}
			shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			if err := hs.Shutdown(shut); err != nil && !errors.Is(err, context.DeadlineExceeded) {
				return err
			}
			building.Lock() // let a running build finish before its folder goes
			building.Unlock()
			return nil
		},
	}
	set.register(cmd)
	// serve builds into a folder of its own, with a cache of its own.
	for _, name := range []string{"out", "force", "cache-dir", "clean", "quiet"} {
		cmd.Flags().MarkHidden(name)
	}
	cmd.Flags().StringVar(&bind, "bind", "127.0.0.1", "address to listen on")
	cmd.Flags().IntVarP(&port, "port", "p", 1717, "port to listen on (0 for any free one)")
	return cmd
}
