# DecisionChain — the two commands of the README:
#   make demo   build, start the embedded database, load the sample account, show it
#   make test   build and run every test against a throwaway PostgreSQL
SHELL := /bin/bash
SWIFT ?= swift
DCHAIN := .build/debug/dchain

.PHONY: demo test build release deps bench bench-report bench-map screenshot clean

deps:
	@scripts/ensure-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --static-swift-stdlib

demo: build
	@DCHAIN=$(DCHAIN) scripts/demo.sh

test: build
	$(SWIFT) test
	@DCHAIN_BIN=$(DCHAIN) scripts/check-ics.sh

bench: release
	@DCHAIN=.build/release/dchain scripts/bench-log.sh

bench-map: release
	@DCHAIN_BIN=.build/release/dchain scripts/bench-map.sh

bench-report: release
	@DCHAIN=.build/release/dchain scripts/bench-report.sh

screenshot: build
	@scripts/screenshot-map.sh

clean:
	rm -rf .build
