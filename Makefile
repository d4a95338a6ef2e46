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
# The kiosk's build: the Swift runtime, and the C++ library it is written in, linked into the
# executable (no Swift toolchain needed on the kiosk; no libstdc++.so to load and relocate at
# every start: about 1.9 M instructions and 1 MiB less). `-lstdc++` finds the static library
# first in .build-static/static-libstdcxx; when the system has none, the folder stays empty
# and the shared one is used as before.
#
# Every function of the dependencies (swift-argument-parser, Yams, swift-crypto and their C
# parts) in a section of its own too, as Package.swift asks for ours: the small helpers the
# compiler shares between files (type look-ups, dictionary probes) were defined in a
# dependency's one large `.text` section, so calling them kept that whole section resident
# and the order file could not move them (docs/performance.md).
STATIC_BUILD = $(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-static \
	-Xlinker -L$(CURDIR)/.build-static/static-libstdcxx \
	-Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections
STATIC_INTAKE = $$($(STATIC_BUILD) --show-bin-path)/intake

.PHONY: run test build release static static-libstdcxx deps deps-test clean validate bench symbol-order

deps:
	@scripts/ensure-deps.sh $(RUN_DEBS)

deps-test:
	@scripts/ensure-deps.sh $(TEST_DEBS)
	@scripts/install-python-test-deps.sh

static-libstdcxx:
	@mkdir -p .build-static/static-libstdcxx
	@library=$$(clang -print-file-name=libstdc++.a 2>/dev/null); \
	if [ -f "$$library" ]; then ln -sf "$$library" .build-static/static-libstdcxx/libstdc++.a; fi

# The kiosk's executable (docs/kiosk.md).
static: deps static-libstdcxx
	$(STATIC_BUILD)
	@echo "$(STATIC_INTAKE)"

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
test: deps-test static-libstdcxx
	$(SWIFT) build
	XDG_CACHE_HOME="$(CURDIR)/.build/test-cache" $(SWIFT) test
	$(STATIC_BUILD)
	scripts/check-no-foundation.sh "$(STATIC_INTAKE)"
	INTAKE_BINARY="$(STATIC_INTAKE)" \
		XDG_CACHE_HOME="$(CURDIR)/.build/test-cache" $(SWIFT) test --skip-build --filter EndToEnd

validate: build
	$$($(SWIFT) build --show-bin-path)/intake validate Questionnaires/*.yaml

# Us against dialog, whiptail, a C ncurses floor and Python questionary: prints a table and
# writes BENCHMARKS.md (see bench/bench.py and docs/performance.md); the full-screen rows are the
# real wizard, `intake run`. BENCH_ARGS="--only keys" runs some sections (to bench-output/
# BENCHMARKS-partial.md). Takes about 12 minutes on a busy 2-core machine (load ~9), plus the builds.
bench: static-libstdcxx
	@scripts/ensure-deps.sh $(BENCH_DEBS)
	@python3 -c 'import pyte, questionary' 2>/dev/null || python3 -m pip install --quiet $(BENCH_PIP) 2>/dev/null || python3 -m pip install --quiet --break-system-packages $(BENCH_PIP)
	$(SWIFT) build -c release
	$(STATIC_BUILD)
	@mkdir -p bench-output
	cc -O2 -o bench-output/box bench/peers/box.c -lncursesw
	$(SWIFTC) -O -static-stdlib -I Sources/CNCursesW -o bench-output/box-swift bench/peers/box.swift
	python3 bench/bench.py --intake $$($(SWIFT) build -c release --show-bin-path)/intake \
		--intake-static $(STATIC_INTAKE) \
		--box bench-output/box --box-swift bench-output/box-swift --out bench-output --markdown BENCHMARKS.md $(BENCH_ARGS)

# Refreshes scripts/symbol-order.txt, the layout of the release link (Package.swift): the
# functions a whole intake runs, recorded with valgrind (about 5 minutes). Run it after large
# changes to the wizard; a stale file is never wrong, only less compact (docs/performance.md).
symbol-order: static-libstdcxx
	@scripts/ensure-deps.sh $(BENCH_DEBS) valgrind
	@python3 -c 'import pyte' 2>/dev/null || python3 -m pip install --quiet pyte 2>/dev/null || python3 -m pip install --quiet --break-system-packages pyte
	$(STATIC_BUILD) -Xlinker -Map=.build-static/intake.map
	python3 scripts/symbol-order.py --map .build-static/intake.map --intake $(STATIC_INTAKE)

clean:
	rm -rf .build
