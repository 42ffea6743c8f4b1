package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/server"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "serve [-s SITE] [--bind 127.0.0.1] [--port 1313] [--drafts=true] [--future] [--expired] [--environment development] [--themes-dir DIR]", stdout, stderr)
	var sf siteFlags
	sf.register(fs)
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on; 127.0.0.1 keeps the site to this computer")
	port := fs.Int("port", 1313, "the `port` to listen on (0 picks a free one)")
	sf.serveDefaults(fs)
	if code, ok := parseFlags(fs, args, stdout, 0); !ok {
		return code
	}
	if info, err := os.Stat(sf.dir); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "briefs serve: %s is not a site folder; name one with -s\n", sf.dir)
		return exitUsage
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(*bind, strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintf(stderr, "briefs serve: %v; is another server running? Try --port 0\n", err)
		return exitUsage
	}
	url := "http://" + ln.Addr().String() + "/"
	opts := sf.options()
	opts.BaseURL = url
	srv := server.New(server.Config{Dir: sf.dir, Build: opts, Bind: *bind, OnRebuild: func(r server.Rebuild) {
		fmt.Fprintf(stdout, "%s %s\n", time.Now().Format("15:04:05"), r)
	}})
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		if err := srv.Watch(ctx); err != nil {
			fmt.Fprintln(stderr, "briefs serve: watching:", err)
		}
	}()
	hs := srv.HTTPServer()
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		hs.Shutdown(shut)
	}()
	fmt.Fprintf(stdout, "Serving %s at %s (drafts %v); press Ctrl+C to stop\n", sf.dir, url, sf.drafts)
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(stderr, "briefs serve:", err)
		return exitContent
	}
	return exitOK
}

// serveDefaults sets what serve does unlike build, as hugo server: drafts are shown,
// and the environment is development.
func (f *siteFlags) serveDefaults(fs *flag.FlagSet) {
	fs.Lookup("drafts").DefValue = "true"
	f.drafts = true
	f.defaultEnv = config.Development
}
