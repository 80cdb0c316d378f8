# DecisionChain — the two commands of the README:
#   make demo   build, start the embedded database, load the sample account, show it
#   make test   build and run every test against a throwaway PostgreSQL
SHELL := /bin/bash
SWIFT ?= swift
DCHAIN := .build/debug/dchain

.PHONY: demo test build release deps bench bench-report bench-map bench-import bench-persona screenshot print clean

deps:
	@scripts/ensure-deps.sh

build: deps
	$(SWIFT) build

# The release binary is linked without PIE: its ~80,000 relative relocations
# cost ~2 ms at every start (measured with scripts/bench-log.sh); shared
# libraries, heap and stack are still randomised.
RELEASE_FLAGS := -c release --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -no-pie

release: deps
	$(SWIFT) build $(RELEASE_FLAGS)

demo: build
	@DCHAIN=$(DCHAIN) scripts/demo.sh

test: build
	@rm -rf .build/ocds-exports # written afresh by the tests, checked by check-ocds.sh
	$(SWIFT) test
	@DCHAIN_BIN=$(DCHAIN) scripts/check-ics.sh
	@DCHAIN_BIN=$(DCHAIN) scripts/check-pgtap.sh
	@DCHAIN_BIN=$(DCHAIN) scripts/check-xlsx.sh
	@scripts/check-ocds.sh

bench: release
	@DCHAIN=.build/release/dchain scripts/bench-log.sh

bench-map: release
	@DCHAIN_BIN=.build/release/dchain scripts/bench-map.sh

bench-report: release
	@DCHAIN=.build/release/dchain scripts/bench-report.sh

bench-import: release
	@DCHAIN=.build/release/dchain scripts/bench-import.sh

bench-persona: release
	@DCHAIN=.build/release/dchain scripts/bench-persona.sh

screenshot: build
	@scripts/screenshot-map.sh
	@scripts/screenshot-day.sh
	@scripts/screenshot-persona.sh
	@scripts/print-map.sh

# The map printed to A3 PDF and PNG pages (out/map-print-*.png), checked: title with the grid, lane labels on every band page, no text below 8 pt.
print: build
	@scripts/print-map.sh

clean:
	rm -rf .build
