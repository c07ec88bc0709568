// Command linli-ferretdb runs FerretDB 1.24 embedded, with the SQLite handler,
// as the local MongoDB-wire store for development and CI.
//
// Building FerretDB's own cmd/ferretdb from the module proxy yields a binary that
// panics at start (its version.txt is absent from module builds); embedding the
// ferretdb package avoids that.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", envOr("FERRETDB_LISTEN", "127.0.0.1:27017"), "TCP address to listen on")
	dataDir := flag.String("data", envOr("FERRETDB_DATA", "./.state/ferretdb"), "directory for the SQLite files")
	flag.Parse()

	dir, err := filepath.Abs(*dataDir)
	if err != nil {
		log.Fatalf("data directory: %v", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatalf("data directory: %v", err)
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/",
	})
	if err != nil {
		log.Fatalf("ferretdb: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	done := make(chan struct{})
	go func() {
		defer close(done)
		f.Run(ctx)
	}()
	fmt.Printf("linli-ferretdb listening on %s, data in %s\n", *listen, dir)
	<-done
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
