# The two commands a person needs: `make run` and `make test`.
# Each installs what is missing first (scripts/ensure-deps.sh).

SWIFT ?= swift
QUESTIONNAIRE ?= Questionnaires/dermatomyositis.yaml
OUTPUT ?= intake-output
RUN_DEBS = libncurses-dev
TEST_DEBS = libncurses-dev tmux python3 python3-pip cups

.PHONY: run test build release deps deps-test clean validate

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

test: deps-test
	$(SWIFT) build
	$(SWIFT) test

validate: build
	$$($(SWIFT) build --show-bin-path)/intake validate Questionnaires/*.yaml

clean:
	rm -rf .build
