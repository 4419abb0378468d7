# blamelint: GNU Make build.  See README.md for the targets.

PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc
CFLAGS ?= -O2 -g
LDFLAGS ?=

# Required flags; user CFLAGS come on top of these, never instead.
BL_CFLAGS := -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L \
             -D_DEFAULT_SOURCE -pthread -Isrc
# The sanitizer build also checks every Define's Words: claim where a check
# relies on it (BL_CHECK_DEFINE_WORDS): the tests then catch a rule edit
# that makes it false.
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
             -fno-omit-frame-pointer -DBL_CHECK_DEFINE_WORDS
# Recursive (=) so the libraries are looked up when a recipe runs, after
# `make deps` may have installed them.
LIBS = -pthread -lmd4c -lpcre2-8 $(shell pkg-config --libs hunspell 2>/dev/null || echo -lhunspell-1.7)
TEST_LIBS = -lcmocka

# What building needs (deps-build: the GitHub Action), then what the tests
# and the benchmark need too.
BUILD_PACKAGES := gcc make pkg-config libmd4c-dev libpcre2-dev \
                  libhunspell-dev hunspell-en-us libjsmn-dev
DEB_PACKAGES := $(BUILD_PACKAGES) libcmocka-dev \
                hyperfine time jq valgrind neovim unzip pre-commit git \
                libxml2-utils

ENGINE_SRC := $(sort $(wildcard src/engine/*.c))
CLI_SRC := $(sort $(wildcard src/cli/*.c src/lsp/*.c))
RULE_FILES := $(sort $(wildcard rules/*.rules))
TEMPLATE_FILES := $(sort $(wildcard rules/templates/*.md))
UNIT_SRC := $(sort $(wildcard tests/unit/*_test.c))
HEADERS := $(wildcard src/*.h src/engine/*.h src/cli/*.h src/lsp/*.h)

ENGINE_OBJ := $(ENGINE_SRC:src/%.c=build/obj/%.o)
CLI_OBJ := $(CLI_SRC:src/%.c=build/obj/%.o)
SAN_ENGINE_OBJ := $(ENGINE_SRC:src/%.c=build/san/%.o)
SAN_CLI_OBJ := $(CLI_SRC:src/%.c=build/san/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=build/san/tests/%)

.PHONY: all demo test vsix check-unit check-cli check-lsp check-nvim check-vsix check-precommit check-sarif check-action check-corpus check-fuzz check-valgrind corpus-update bench \
        install uninstall clean deps deps-build check-action

all: blamelint

# A recipe that fails (rulegen on a broken rule file) leaves no half-written
# target behind for the next make to trust.
.DELETE_ON_ERROR:

# --- deps: install what is missing, and nothing when all is there -----------
deps: PACKAGES = $(DEB_PACKAGES)
deps-build: PACKAGES = $(BUILD_PACKAGES)
deps deps-build:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' \
	    || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing$$missing"; \
	  if [ "$$(id -u)" != 0 ]; then \
	    echo "make deps: run as root, or: sudo apt-get install$$missing" >&2; exit 1; \
	  fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# --- the binary ---------------------------------------------------------------
build/obj/%.o: src/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(BL_CFLAGS) $(CFLAGS) -c $< -o $@

build/san/%.o: src/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(BL_CFLAGS) $(SAN_FLAGS) -c $< -o $@

# The rule compiler runs at build time only; it links the engine but not the
# embedded rules it is about to produce.
build/rulegen: src/tools/rulegen.c $(ENGINE_OBJ) $(HEADERS)
	$(CC) $(BL_CFLAGS) $(CFLAGS) src/tools/rulegen.c $(ENGINE_OBJ) -o $@ $(LDFLAGS) $(LIBS)

build/rules_embedded.c: build/rulegen $(RULE_FILES)
	build/rulegen $@ $(RULE_FILES)

build/obj/rules_embedded.o: build/rules_embedded.c
	$(CC) $(BL_CFLAGS) $(CFLAGS) -c $< -o $@

build/san/rules_embedded.o: build/rules_embedded.c
	@mkdir -p $(dir $@)
	$(CC) $(BL_CFLAGS) $(SAN_FLAGS) -c $< -o $@

# The templates `blamelint new` prints, embedded the same way.
build/embed: src/tools/embed.c
	@mkdir -p build
	$(CC) $(BL_CFLAGS) $(CFLAGS) $< -o $@

build/templates_embedded.c: build/embed $(TEMPLATE_FILES)
	build/embed $@ $(TEMPLATE_FILES)

build/obj/templates_embedded.o: build/templates_embedded.c src/cli/new.h
	@mkdir -p $(dir $@)
	$(CC) $(BL_CFLAGS) $(CFLAGS) -c $< -o $@

build/san/templates_embedded.o: build/templates_embedded.c src/cli/new.h
	@mkdir -p $(dir $@)
	$(CC) $(BL_CFLAGS) $(SAN_FLAGS) -c $< -o $@

blamelint: $(ENGINE_OBJ) $(CLI_OBJ) build/obj/rules_embedded.o \
  build/obj/templates_embedded.o
	$(CC) $(CFLAGS) $^ -o $@ $(LDFLAGS) $(LIBS)

build/san/blamelint: $(SAN_ENGINE_OBJ) $(SAN_CLI_OBJ) build/san/rules_embedded.o \
  build/san/templates_embedded.o
	$(CC) $(SAN_FLAGS) $^ -o $@ $(LIBS)

build/san/tests/%: tests/unit/%.c tests/unit/testutil.h $(SAN_ENGINE_OBJ) build/san/rules_embedded.o
	@mkdir -p $(dir $@)
	$(CC) $(BL_CFLAGS) $(SAN_FLAGS) -Itests/unit $< $(SAN_ENGINE_OBJ) \
	  build/san/rules_embedded.o -o $@ $(LIBS) $(TEST_LIBS)

build/san/tests/mutate: tests/fuzz/mutate.c $(SAN_ENGINE_OBJ) build/san/rules_embedded.o
	@mkdir -p $(dir $@)
	$(CC) $(BL_CFLAGS) $(SAN_FLAGS) $< $(SAN_ENGINE_OBJ) build/san/rules_embedded.o \
	  -o $@ $(LIBS)

# --- demo and tests ----------------------------------------------------------
demo: deps
	@$(MAKE) --no-print-directory all
	@echo '$$ ./blamelint check corpus/example-postmortem.md'
	@./blamelint check --color=auto corpus/example-postmortem.md; \
	  status=$$?; echo "(exit status $$status: 1 means findings at or above --fail-on)"; \
	  [ $$status -le 1 ]

# Sanitizers abort on the first error; leaks are errors too.
SAN_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1 \
           UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

test: deps
	@$(MAKE) --no-print-directory all build/san/blamelint $(UNIT_BIN) build/san/tests/mutate \
	  build/san/tests/lsp_test
	@$(MAKE) --no-print-directory check-unit check-cli check-lsp check-nvim \
	  check-vsix check-precommit check-sarif check-action check-corpus check-fuzz check-valgrind

check-unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; $(SAN_ENV) $$t; done

# Protocol tests: the sanitizer build of the server, driven over pipes.
build/san/tests/lsp_test: tests/lsp/lsp_test.c $(SAN_ENGINE_OBJ) build/san/lsp/json.o \
  build/san/rules_embedded.o
	@mkdir -p $(dir $@)
	$(CC) $(BL_CFLAGS) $(SAN_FLAGS) $< $(SAN_ENGINE_OBJ) build/san/lsp/json.o \
	  build/san/rules_embedded.o -o $@ $(LIBS) $(TEST_LIBS)

check-lsp: build/san/tests/lsp_test build/san/blamelint
	@$(SAN_ENV) build/san/tests/lsp_test build/san/blamelint

# The VS Code extension, packaged offline from the locked npm modules
# (npm ci fetches them once into ~/.npm; vsce itself needs no network).
VSIX := editors/vscode/blamelint.vsix
vsix: $(VSIX)
$(VSIX): editors/vscode/package.json editors/vscode/package-lock.json \
         editors/vscode/extension.js editors/vscode/README.md
	@command -v npm >/dev/null 2>&1 || { echo "make vsix: npm is needed" >&2; exit 1; }
	cd editors/vscode && npm ci --no-audit --no-fund --prefer-offline >/dev/null \
	  && npx --no-install vsce package --out blamelint.vsix >/dev/null
	@echo "built $(VSIX)"

# The package holds the extension, its manifest and the language client.
check-vsix: $(VSIX)
	@unzip -l $(VSIX) > build/vsix.list
	@for f in extension/extension.js extension/package.json \
	          extension/node_modules/vscode-languageclient/package.json; do \
	  grep -q " $$f$$" build/vsix.list || { echo "vsix: $$f missing" >&2; exit 1; }; \
	done; echo "vsix: 1 passed, 0 failed"

# Neovim 0.7 (Debian's) as a real client, through editors/nvim.
check-nvim: build/san/blamelint
	@$(SAN_ENV) tests/nvim/run.sh build/san/blamelint

# .pre-commit-hooks.yaml, run by Debian's pre-commit in scratch repositories.
check-precommit: build/san/blamelint
	@$(SAN_ENV) tests/precommit/run.sh build/san/blamelint

# The GitHub Action's commands (tools/action-run.sh) on scratch repositories.
check-action: build/san/blamelint
	@$(SAN_ENV) tests/action/run.sh build/san/blamelint

# SARIF checked by Microsoft's validator (npm, pinned in tests/sarif).
check-sarif: build/san/blamelint
	@$(SAN_ENV) tests/sarif/run.sh build/san/blamelint

check-cli: build/san/blamelint
	@$(SAN_ENV) tests/cli/run.sh build/san/blamelint

check-corpus: build/san/blamelint
	@$(SAN_ENV) tests/corpus.sh build/san/blamelint

# 2,000 mutated corpus documents under the sanitizers, fixed seed; raise
# FUZZ_ITERATIONS for a longer run, change FUZZ_SEED for other inputs.
FUZZ_ITERATIONS ?= 2000
FUZZ_SEED ?= 1
check-fuzz: build/san/tests/mutate
	@$(SAN_ENV) build/san/tests/mutate $(FUZZ_ITERATIONS) $(FUZZ_SEED) corpus/*.md

# The optimised binary, as installed, over the whole corpus: memcheck must
# find no error and no leak (the sanitizers cover the -O1 build).  Again
# with the spelling check on, Hunspell and all (without suggestions, which
# would take minutes under memcheck).
VALGRIND := valgrind --quiet --error-exitcode=9 --leak-check=full \
            --errors-for-leak-kinds=definite,indirect
check-valgrind: blamelint
	@$(VALGRIND) ./blamelint check --format json --fail-on never corpus/ \
	  >/dev/null \
	  && $(VALGRIND) ./blamelint check --format json --fail-on never \
	  --rule spelling/unknown-word=on --set spelling.suggestions=0 corpus/ \
	  >/dev/null \
	  && echo "valgrind: 2 passed, 0 failed"

# Rewrites every corpus/*.expected from the current binary: review the diff.
corpus-update: blamelint
	@tests/corpus.sh ./blamelint --update

bench: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p build/bench
	$(CC) -std=c11 -O2 -Wall -Wextra -Werror -o build/bench/gen tests/bench/gen.c
	$(CC) -std=c11 -O2 -Wall -Wextra -Werror -o build/bench/md4c_parse tests/bench/md4c_parse.c -lmd4c
	tests/bench/bench.sh ./blamelint
	tests/bench/hard.sh ./blamelint

install: blamelint
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 blamelint $(DESTDIR)$(PREFIX)/bin/blamelint
	install -d $(DESTDIR)$(PREFIX)/share/doc/blamelint
	install -m 644 README.md $(DESTDIR)$(PREFIX)/share/doc/blamelint/README.md

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/blamelint
	rm -f $(DESTDIR)$(PREFIX)/share/doc/blamelint/README.md
	-rmdir $(DESTDIR)$(PREFIX)/share/doc/blamelint 2>/dev/null

clean:
	rm -rf build blamelint editors/vscode/blamelint.vsix editors/vscode/node_modules
