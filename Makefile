# The README's two commands: `make demo` and `make test`. Each installs what it needs first.
SWIFT        ?= swift
CONFIG       ?= debug
SWIFT_FLAGS  ?=
BIN           = $(shell $(SWIFT) build -c $(CONFIG) --show-bin-path)

# Debian packages the build and the tests need (system libraries, and the independent tools the
# tests check the product against).
BUILD_DEBS = pkg-config libzbar-dev libpng-dev libturbojpeg0-dev libusb-1.0-0-dev libssl-dev libpcsclite-dev libsqlite3-dev
# chromium: the kiosk page's browser tests drive it over its DevTools pipe (no chromedriver needed).
TEST_DEBS  = qrencode imagemagick openssl pcscd vsmartcard-vpcd sqlite3 chromium

.PHONY: all build deps test-deps test demo bench clean

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
	$(SWIFT) build -c $(CONFIG) --product cccdctl $(SWIFT_FLAGS)
	@scripts/demo.sh "$(BIN)"

# Benchmarks report, never assert: release mode, medians, each figure beside its anchor.
bench: test-deps
	$(SWIFT) build -c release $(SWIFT_FLAGS)
	"$$($(SWIFT) build -c release --show-bin-path)/cccd-bench"
	"$$($(SWIFT) build -c release --show-bin-path)/eligibility-bench"

clean:
	rm -rf .build
