# atlas — the two commands of README's quick start are `make sample` and
# `make test`; everything they need is installed here.
GO      ?= go
BIN     := bin/atlas
VENDOR  := assets/vendor/leaflet
SHARED  ?= ../shared

.PHONY: sample test fuzz assets build gazetteer common-words bench clean screenshots dist install

## sample: build the bundled sample atlas from examples/briefings into public/
sample: build
	./$(BIN) build --source examples/briefings --out public
	@echo "open public/index.html in a browser (it works from disk)"

## build: build bin/atlas with Leaflet embedded
build: assets
	$(GO) build -buildvcs=auto -o $(BIN) ./cmd/atlas

## test: vet, gofmt check and every test, the browser tests included, then
## each fuzz target for a short, fixed time
test: assets
	@test -z "$$(gofmt -l cmd geo extract site templates assets data)" || { gofmt -l cmd geo extract site templates assets data; echo "gofmt needed"; exit 1; }
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	$(MAKE) -s fuzz

## install: put atlas on the PATH ($(GOBIN), or $(GOPATH)/bin), with
## Leaflet, the fonts and the outlines embedded
install: assets
	$(GO) install -buildvcs=auto ./cmd/atlas
	@echo "installed $$(command -v atlas 2>/dev/null || echo "atlas into $$($(GO) env GOBIN)$$($(GO) env GOPATH)/bin")"

## dist: self-contained atlas binaries for Linux, macOS and Windows on
## amd64 and arm64, every asset embedded and the version, commit and
## gazetteer stamped: dist/atlas-VERSION-OS-ARCH.tar.gz (.zip for
## Windows) and dist/SHA256SUMS. VERSION defaults to `git describe`.
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
PLATFORMS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64
dist: assets
	@command -v zip >/dev/null 2>&1 || { echo "installing zip"; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zip >/dev/null; }
	rm -rf dist && mkdir -p dist
	@set -e; for p in $(PLATFORMS); do \
	  os=$${p%/*}; arch=$${p#*/}; name=atlas-$(VERSION)-$$os-$$arch; exe=atlas; \
	  [ $$os = windows ] && exe=atlas.exe; \
	  mkdir -p dist/$$name; \
	  CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -buildvcs=auto -trimpath \
	    -ldflags "-s -w -X main.releaseVersion=$(VERSION)" -o dist/$$name/$$exe ./cmd/atlas; \
	  cp README.md dist/$$name/; \
	  if [ $$os = windows ]; then (cd dist && zip -qr $$name.zip $$name); \
	  else tar -C dist -czf dist/$$name.tar.gz $$name; fi; \
	  rm -rf dist/$$name; echo "dist/$$name"; \
	done
	cd dist && sha256sum atlas-* > SHA256SUMS
	@echo "dist/SHA256SUMS"

## screenshots: photograph every page type of the sample, both languages,
## 1280x800 and 390x844, into examples/screenshots (README shows two);
## installs Debian's chromium when it is missing
screenshots: assets
	@.ci/chromium
	ATLAS_SCREENSHOTS=$(CURDIR)/examples/screenshots $(GO) test -count=1 -run 'TestBrowserScreenshotsAndAccessibility$$' ./cmd/atlas

## fuzz: run each fuzz target for FUZZTIME (seed corpora in testdata/fuzz);
## .ci/fuzz fails on a saved input that fails again as a plain test
FUZZTIME ?= 10s
FUZZ := FuzzFold:./geo/arabic FuzzParse:./site/content FuzzExtract:./extract FuzzNumbers:./extract/events \
	FuzzFlippedEntry:./site FuzzDecodeEntry:./site
fuzz:
	@GO=$(GO) .ci/fuzz $(FUZZTIME) $(FUZZ)

## assets: install front-end libraries from npm (package-lock.json) and copy
## them into assets/vendor, where go:embed picks them up
assets: $(VENDOR)/leaflet.js

$(VENDOR)/leaflet.js: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf assets/vendor
	mkdir -p $(VENDOR)
	cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css $(VENDOR)/
	cp -R node_modules/leaflet/dist/images $(VENDOR)/images
	cp node_modules/leaflet/LICENSE $(VENDOR)/LICENSE
	mkdir -p assets/vendor/markercluster assets/vendor/fonts/files
	cp node_modules/leaflet.markercluster/dist/leaflet.markercluster.js \
	   node_modules/leaflet.markercluster/dist/MarkerCluster.css \
	   node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css \
	   node_modules/leaflet.markercluster/MIT-LICENCE.txt assets/vendor/markercluster/
	for w in 400 700; do \
	  cp node_modules/@fontsource/noto-naskh-arabic/arabic-$$w.css assets/vendor/fonts/; \
	  cp node_modules/@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-$$w-normal.woff2 assets/vendor/fonts/files/; \
	done
	cp node_modules/@fontsource/noto-naskh-arabic/LICENSE assets/vendor/fonts/LICENSE
	mkdir -p assets/vendor/world
	cp node_modules/topojson-client/dist/topojson-client.min.js assets/vendor/world/
	cp node_modules/topojson-client/LICENSE assets/vendor/world/LICENSE-topojson-client
	cp node_modules/world-atlas/LICENSE assets/vendor/world/LICENSE-world-atlas
	{ printf 'window.ATLAS_WORLD = '; cat node_modules/world-atlas/countries-110m.json; printf ';\n'; } > assets/vendor/world/countries-110m.js

## bench: build times for 1k and 10k synthetic briefings against Hugo,
## rebuild ratio, extraction MB/s, output size (bench/run); then the Go
## micro-benchmarks and the binary's size
bench: build
	bench/run
	$(GO) test -run '^$$' -bench . -benchmem ./geo/ ./extract/
	@ls -l $(BIN) | awk '{printf "binary size: %.1f MB (%s)\n", $$5/1048576, $$9}'

## gazetteer: re-import data/*.geojson from the public sources
gazetteer:
	$(GO) run ./cmd/gazetteer-import --from $(SHARED)/gazetteer-src --out data

## common-words: re-derive data/common-words.tsv, the gazetteer names that are
## also ordinary Arabic words (needs Debian's hunspell-ar; dict-freedict-ara-eng
## is used too when installed)
common-words:
	@test -f /usr/share/hunspell/ar.dic || { echo "install hunspell-ar first: apt-get install hunspell-ar dict-freedict-ara-eng"; exit 1; }
	$(GO) run ./cmd/common-words > data/common-words.tsv

clean:
	rm -rf bin public assets/vendor node_modules
