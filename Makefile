# The README's two commands: `make demo` and `make test`. Each installs what it needs first.
SWIFT        ?= swift
CONFIG       ?= debug
SWIFT_FLAGS  ?=
BIN           = $(shell $(SWIFT) build -c $(CONFIG) --show-bin-path)

# Debian packages the build and the tests need (system libraries, and the independent tools the
# tests check the product against).
BUILD_DEBS = pkg-config libzbar-dev libpng-dev libturbojpeg0-dev libusb-1.0-0-dev libssl-dev libpcsclite-dev libsqlite3-dev
# udev: udevadm checks the rules; chromium: the kiosk page's browser tests drive it over its
# DevTools pipe (no chromedriver needed).
# The demo makes its virtual cards' test keys and photos with openssl and ImageMagick.
DEMO_DEBS  = openssl imagemagick
TEST_DEBS  = qrencode imagemagick openssl pcscd vsmartcard-vpcd sqlite3 udev chromium

.PHONY: all build deps test-deps test demo bench soak fuzz clean install install-tools deb

all: build

deps:
	@scripts/ensure-debs.sh $(BUILD_DEBS)

test-deps: deps
	@scripts/ensure-debs.sh $(TEST_DEBS)

build: deps
	$(SWIFT) build -c $(CONFIG) $(SWIFT_FLAGS)

# Serially: on a 2-core machine, CPU-heavy tests (DH/RSA keys, property tests) running in parallel take
# both cooperative threads and starve the timing-bound ones (HTTP deadlines, scanner waits). The whole
# suite takes about 2 minutes this way (after the build).
test: test-deps
	$(SWIFT) build --build-tests $(SWIFT_FLAGS)
	$(SWIFT) test --skip-build --no-parallel $(SWIFT_FLAGS)

demo: deps
	@scripts/ensure-debs.sh $(DEMO_DEBS)
	$(SWIFT) build -c $(CONFIG) --product cccdd $(SWIFT_FLAGS)
	$(SWIFT) build -c $(CONFIG) --product cccd-vcard $(SWIFT_FLAGS)
	@scripts/demo.sh "$(BIN)"

# Benchmarks report, never assert: release mode, medians, each figure beside its anchor. Both
# executables append their rows to BENCH_ROWS; scripts/bench-report.py notes the machine and its load
# first and rewrites the bench block of BENCHMARKS.md last — also after a failed suite, whose rows are
# then missing and named so (make still fails). The ledger suite fills CCCD_BENCH_LEDGER_RECORDS
# records (default 10,000,000: minutes), e.g. `make bench CCCD_BENCH_LEDGER_RECORDS=1000000`.
# wrk is the plain HTTP load tool the gateway client is compared with.
BENCH_DEBS = wrk
BENCH_ROWS ?= .build/bench-rows.jsonl
CCCD_BENCH_LEDGER_RECORDS ?= 10000000

bench: test-deps
	@scripts/ensure-debs.sh $(BENCH_DEBS)
	$(SWIFT) build -c release $(SWIFT_FLAGS)
	SWIFT="$(SWIFT)" scripts/bench-report.py begin "$(BENCH_ROWS)"
	bin="$$($(SWIFT) build -c release --show-bin-path)"; status=0; \
	CCCD_BENCH_ROWS="$(BENCH_ROWS)" CCCD_BENCH_LEDGER_RECORDS=$(CCCD_BENCH_LEDGER_RECORDS) "$$bin/cccd-bench" || status=1; \
	CCCD_BENCH_ROWS="$(BENCH_ROWS)" "$$bin/eligibility-bench" || status=1; \
	scripts/bench-report.py write "$(BENCH_ROWS)" BENCHMARKS.md && exit $$status

# The whole daemon under injected faults for SOAK_MINUTES (default 4), then its invariants; exits
# non-zero when one fails and writes its summary into BENCHMARKS.md. Needs root (it runs pcscd).
SOAK_MINUTES ?= 4
soak: test-deps
	$(SWIFT) build $(SWIFT_FLAGS)
	SOAK_MINUTES=$(SOAK_MINUTES) "$$($(SWIFT) build --show-bin-path)/cccd-soak"

# Every parser under libFuzzer + AddressSanitizer, FUZZ_SECONDS each, FUZZ_JOBS at a time
# (FUZZ_TARGETS: some of them; Fuzz/README.md lists them). Its own scratch path: the whole
# dependency graph is instrumented, which must not leak into the normal build. Rewrites
# BENCHMARKS.md's fuzz section.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
FUZZ_JOBS    ?= 1
FUZZ_FLAGS    = --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
                -Xcxx -fsanitize=fuzzer-no-link,address
fuzz: deps
	$(SWIFT) build --product cccd-fuzz $(FUZZ_FLAGS) $(SWIFT_FLAGS)
	FUZZ_JOBS=$(FUZZ_JOBS) scripts/fuzz.py "$$($(SWIFT) build $(FUZZ_FLAGS) --show-bin-path)/cccd-fuzz" $(FUZZ_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf .build .build-fuzz

# --- Installing on a kiosk -------------------------------------------------------------------------
# `make install DESTDIR=… PREFIX=/usr` copies what is already built in $(BIN) and never builds by
# itself when the binaries are there (so a release build is never redone behind your back, and a
# stale one is yours to rebuild): `make build CONFIG=release && make install CONFIG=release`.
# A product missing from $(BIN) is built once, in $(CONFIG). PREFIX must be /usr for udev (which
# reads only /usr/lib/udev/rules.d) and for the unit's ExecStart=.
PREFIX         ?= /usr
DESTDIR        ?=
INSTALL        ?= install
# The product: the daemon and the admin's tool. bhxh-sim and cccd-vcard are test tools (a BHXH
# simulator and a virtual chip): on a production kiosk a simulator answering eligibility queries
# or a fake card is a hazard, so they are neither in `install` nor in the .deb (`install-tools`).
PRODUCTS        = cccdd cccdctl
TOOLS           = bhxh-sim cccd-vcard
DEFAULT_CONFIG ?= Config/cccdd.toml
CONFDIR         = /etc/cccdd
UNITDIR         = $(PREFIX)/lib/systemd/system
SYSUSERSDIR     = $(PREFIX)/lib/sysusers.d
TMPFILESDIR     = $(PREFIX)/lib/tmpfiles.d
MODULESLOADDIR  = $(PREFIX)/lib/modules-load.d
UDEVRULESDIR    = $(PREFIX)/lib/udev/rules.d
DOCDIR          = $(PREFIX)/share/doc/cccd-kiosk
ADMIN_SECTION   = \#\# Installing on a kiosk (admin)

$(BIN)/%:
	$(SWIFT) build -c $(CONFIG) --product $* $(SWIFT_FLAGS)

install: $(addprefix $(BIN)/,$(PRODUCTS))
	@test -f "$(DEFAULT_CONFIG)" || { echo "error: $(DEFAULT_CONFIG) is missing (the default configuration)" >&2; exit 1; }
	$(INSTALL) -d -m 0755 "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(UNITDIR)" "$(DESTDIR)$(SYSUSERSDIR)" \
	    "$(DESTDIR)$(TMPFILESDIR)" "$(DESTDIR)$(MODULESLOADDIR)" "$(DESTDIR)$(UDEVRULESDIR)" "$(DESTDIR)$(DOCDIR)"
	$(INSTALL) -m 0755 $(addprefix $(BIN)/,$(PRODUCTS)) "$(DESTDIR)$(PREFIX)/bin/"
	sed 's|^ExecStart=/usr/bin/cccdd |ExecStart=$(PREFIX)/bin/cccdd |' Systemd/cccdd.service > "$(DESTDIR)$(UNITDIR)/cccdd.service"
	chmod 0644 "$(DESTDIR)$(UNITDIR)/cccdd.service"
	$(INSTALL) -m 0644 Systemd/cccdd.sysusers "$(DESTDIR)$(SYSUSERSDIR)/cccdd.conf"
	$(INSTALL) -m 0644 Systemd/cccdd.tmpfiles "$(DESTDIR)$(TMPFILESDIR)/cccdd.conf"
	$(INSTALL) -m 0644 Systemd/cccdd.modules-load "$(DESTDIR)$(MODULESLOADDIR)/cccdd.conf"
	$(INSTALL) -m 0644 Udev/70-cccdd.rules "$(DESTDIR)$(UDEVRULESDIR)/70-cccdd.rules"
# /etc/cccdd: its group and the secret files come from tmpfiles (the group may not exist yet here).
	$(INSTALL) -d -m 0750 "$(DESTDIR)$(CONFDIR)"
	$(INSTALL) -d -m 0700 "$(DESTDIR)$(CONFDIR)/secrets"
	$(INSTALL) -d -m 0755 "$(DESTDIR)$(CONFDIR)/trust" "$(DESTDIR)$(CONFDIR)/trust/csca" \
	    "$(DESTDIR)$(CONFDIR)/trust/masterlists" "$(DESTDIR)$(CONFDIR)/trust/crl"
	@if [ -e "$(DESTDIR)$(CONFDIR)/cccdd.toml" ]; then \
	    echo "kept the existing $(DESTDIR)$(CONFDIR)/cccdd.toml (the shipped default is $(DOCDIR)/cccdd.toml.example)"; \
	else \
	    echo "$(INSTALL) -m 0640 $(DEFAULT_CONFIG) $(DESTDIR)$(CONFDIR)/cccdd.toml"; \
	    $(INSTALL) -m 0640 "$(DEFAULT_CONFIG)" "$(DESTDIR)$(CONFDIR)/cccdd.toml"; \
	fi
	$(INSTALL) -m 0644 "$(DEFAULT_CONFIG)" "$(DESTDIR)$(DOCDIR)/cccdd.toml.example"
	awk 'index($$0, "$(ADMIN_SECTION)") == 1 { on = 1; print; next } on && /^## / { exit } on { print }' README.md \
	    > "$(DESTDIR)$(DOCDIR)/ADMIN.md"
	@test -s "$(DESTDIR)$(DOCDIR)/ADMIN.md" || { echo "error: README.md has no '$(ADMIN_SECTION)' section" >&2; exit 1; }
	chmod 0644 "$(DESTDIR)$(DOCDIR)/ADMIN.md"

install-tools: $(addprefix $(BIN)/,$(TOOLS))
	$(INSTALL) -d -m 0755 "$(DESTDIR)$(PREFIX)/bin"
	$(INSTALL) -m 0755 $(addprefix $(BIN)/,$(TOOLS)) "$(DESTDIR)$(PREFIX)/bin/"

# `make deb` packages exactly what `make install DESTDIR=… PREFIX=/usr` lays out. For a kiosk, build
# with the Swift runtime linked in, since Debian has no package for it:
#   make build CONFIG=release SWIFT_FLAGS=--static-swift-stdlib && make deb CONFIG=release
DEB_DIR     ?= .build/deb
DEB_VERSION ?= 0.1.0
# dpkg-deb's compressor (xz, gzip, zstd or none; tests use none to spare the CPU).
DEB_COMPRESSION ?= xz
DEB_ARCH     = $(shell dpkg --print-architecture)
DEB_STAGE    = $(DEB_DIR)/stage
DEB_FILE     = $(DEB_DIR)/cccd-kiosk_$(DEB_VERSION)_$(DEB_ARCH).deb

deb: $(addprefix $(BIN)/,$(PRODUCTS))
	rm -rf "$(DEB_STAGE)"
	$(MAKE) --no-print-directory install DESTDIR="$(abspath $(DEB_STAGE))" PREFIX=/usr BIN="$(BIN)"
	@for p in $(PRODUCTS); do \
	    if readelf -d "$(BIN)/$$p" | grep -q 'libswiftCore\.so'; then \
	        echo "WARNING: $$p links the Swift runtime dynamically: the package runs only where the toolchain is installed (build with SWIFT_FLAGS=--static-swift-stdlib)" >&2; \
	    fi; \
	done
	$(INSTALL) -d -m 0755 "$(DEB_STAGE)/DEBIAN"
	sed -e 's/@VERSION@/$(DEB_VERSION)/' -e 's/@ARCH@/$(DEB_ARCH)/' \
	    -e "s/@SIZE@/$$(du -sk --exclude=DEBIAN "$(DEB_STAGE)" | cut -f1)/" \
	    Packaging/deb/control.in > "$(DEB_STAGE)/DEBIAN/control"
	$(INSTALL) -m 0755 Packaging/deb/postinst Packaging/deb/prerm Packaging/deb/postrm "$(DEB_STAGE)/DEBIAN/"
# Only the configuration is a conffile: the admin edits it, dpkg keeps the edits on upgrade.
	echo "$(CONFDIR)/cccdd.toml" > "$(DEB_STAGE)/DEBIAN/conffiles"
	dpkg-deb --root-owner-group -Z$(DEB_COMPRESSION) --build "$(DEB_STAGE)" "$(DEB_FILE)"
