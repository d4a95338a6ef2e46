# The two commands a person needs: `make run` and `make test`.
# Each installs what is missing first (scripts/ensure-deps.sh).

SWIFT ?= swift
SWIFTC ?= swiftc
QUESTIONNAIRE ?= Questionnaires/dermatomyositis.yaml
OUTPUT ?= intake-output
RUN_DEBS = libncurses-dev libyaml-dev
TEST_DEBS = libncurses-dev libyaml-dev tmux python3 python3-pip cups
BENCH_DEBS = libncurses-dev libyaml-dev python3 python3-pip dialog whiptail gcc time
BENCH_PIP = pyte questionary
BENCH_ARGS ?=

.PHONY: run test build release deps deps-test clean validate bench symbol-order

deps:
	@scripts/ensure-deps.sh $(RUN_DEBS)

deps-test:
	@scripts/ensure-deps.sh $(TEST_DEBS)
	@scripts/install-python-test-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

run: release
	@mkdir -p -m 0700 $(OUTPUT)
	$$($(SWIFT) build -c release --show-bin-path)/intake run $(QUESTIONNAIRE) --out $(OUTPUT)

# The end-to-end tests start `intake run`, which keeps compiled questionnaires in the
# XDG cache folder: inside .build here, not in the home folder of whoever runs the tests.
# Then the end-to-end suites run again against the kiosk's build (static release, linked as
# Package.swift says for release): optimisation and the release link change what the program
# does at run time (a static in an inline C function was copied per file, and release builds
# ignored SIGTERM), so the shipped binary is tested on the real terminal too. It must not
# link Foundation or ICU (scripts/check-no-foundation.sh).
test: deps-test
	$(SWIFT) build
	XDG_CACHE_HOME="$(CURDIR)/.build/test-cache" $(SWIFT) test
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-static
	scripts/check-no-foundation.sh "$$($(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)/intake"
	INTAKE_BINARY="$$($(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)/intake" \
		XDG_CACHE_HOME="$(CURDIR)/.build/test-cache" $(SWIFT) test --skip-build --filter EndToEnd

validate: build
	$$($(SWIFT) build --show-bin-path)/intake validate Questionnaires/*.yaml

# Us against dialog, whiptail, a C ncurses floor and Python questionary: prints a table and
# writes BENCHMARKS.md (see bench/bench.py and docs/performance.md); the full-screen rows are the
# real wizard, `intake run`. BENCH_ARGS="--only keys" runs some sections (to bench-output/
# BENCHMARKS-partial.md). Takes about 12 minutes on a busy 2-core machine (load ~9), plus the builds.
bench:
	@scripts/ensure-deps.sh $(BENCH_DEBS)
	@python3 -c 'import pyte, questionary' 2>/dev/null || python3 -m pip install --quiet $(BENCH_PIP) 2>/dev/null || python3 -m pip install --quiet --break-system-packages $(BENCH_PIP)
	$(SWIFT) build -c release
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-static
	@mkdir -p bench-output
	cc -O2 -o bench-output/box bench/peers/box.c -lncursesw
	$(SWIFTC) -O -static-stdlib -I Sources/CNCursesW -o bench-output/box-swift bench/peers/box.swift
	python3 bench/bench.py --intake $$($(SWIFT) build -c release --show-bin-path)/intake \
		--intake-static $$($(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)/intake \
		--box bench-output/box --box-swift bench-output/box-swift --out bench-output --markdown BENCHMARKS.md $(BENCH_ARGS)

# Refreshes scripts/symbol-order.txt, the layout of the release link (Package.swift): the
# functions a whole intake runs, recorded with valgrind (about 5 minutes). Run it after large
# changes to the wizard; a stale file is never wrong, only less compact (docs/performance.md).
symbol-order:
	@scripts/ensure-deps.sh $(BENCH_DEBS) valgrind
	@python3 -c 'import pyte' 2>/dev/null || python3 -m pip install --quiet pyte 2>/dev/null || python3 -m pip install --quiet --break-system-packages pyte
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-static -Xlinker -Map=.build-static/intake.map
	python3 scripts/symbol-order.py --map .build-static/intake.map \
		--intake $$($(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)/intake

clean:
	rm -rf .build
