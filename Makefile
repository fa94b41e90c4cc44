# The README's two commands: `make demo` and `make test`. Each installs what it needs first.
SWIFT        ?= swift
CONFIG       ?= debug
SWIFT_FLAGS  ?=
BIN           = $(shell $(SWIFT) build -c $(CONFIG) --show-bin-path)

# Debian packages the build and the tests need (system libraries, and the independent tools the
# tests check the product against).
BUILD_DEBS = pkg-config libzbar-dev libpng-dev libturbojpeg0-dev libusb-1.0-0-dev libssl-dev libpcsclite-dev libsqlite3-dev
TEST_DEBS  = qrencode imagemagick openssl pcscd vsmartcard-vpcd sqlite3

.PHONY: all build deps test-deps test demo bench clean

all: build

deps:
	@scripts/ensure-debs.sh $(BUILD_DEBS)

test-deps: deps
	@scripts/ensure-debs.sh $(TEST_DEBS)

build: deps
	$(SWIFT) build -c $(CONFIG) $(SWIFT_FLAGS)

test: test-deps
	$(SWIFT) build --build-tests $(SWIFT_FLAGS)
	$(SWIFT) test --skip-build $(SWIFT_FLAGS)

demo: deps
	$(SWIFT) build -c $(CONFIG) --product cccdctl $(SWIFT_FLAGS)
	@scripts/demo.sh "$(BIN)"

bench: test-deps
	$(SWIFT) build -c release --product cccd-bench --product cccdctl $(SWIFT_FLAGS)
	"$$($(SWIFT) build -c release --show-bin-path)/cccd-bench"

clean:
	rm -rf .build
