extension DaemonConfiguration {
    /// `[scanners]` and `[[scanners.device]]` — where QR codes come from.
    public struct Scanners: Sendable, Hashable {
        public enum Mode: String, Sendable, Hashable, CaseIterable {
            /// Every known scanner the udev rules expose (serial CDC, HID POS, keyboard wedge),
            /// looked for again every few seconds while the daemon runs.
            case auto
            /// Only the listed `[[scanners.device]]` entries.
            case explicit
            /// No scanner: card-only kiosks (the daemon then asks for no QR).
            case none
        }

        /// `mode` — default `"auto"`. Devices may be listed only with `"explicit"`, which needs at least one.
        public var mode: Mode = .auto
        /// `[[scanners.device]]` entries; default none.
        public var devices: [Device] = []

        public init() {}

        public struct Device: Sendable, Hashable {
            public enum Location: Sendable, Hashable {
                /// `path` — an absolute device path (`/dev/ttyACM0`, `/dev/hidraw0`, `/dev/input/event3`,
                /// or a udev symlink such as `/dev/cccdd-scanner0`).
                case path(String)
                /// `usb` — `"vvvv:pppp"` in hex (`"1eab:1310"`), for HID POS scanners claimed over libusb.
                case usb(vendor: UInt16, product: UInt16)
            }

            public enum Kind: String, Sendable, Hashable, CaseIterable {
                case serial, hidraw, keyboard
                case usbHIDPOS = "usb-hidpos"
            }

            /// What ends one scan on a serial line.
            public enum Suffix: String, Sendable, Hashable, CaseIterable {
                case cr = "CR", lf = "LF", crlf = "CRLF"
            }

            /// Exactly one of `path` (kinds serial, hidraw, keyboard) or `usb` (kind usb-hidpos).
            public var location: Location
            /// `kind` — required.
            public var kind: Kind
            /// `suffix` — serial only; default `"CR"`, most scanners' factory setting.
            public var suffix: Suffix = .cr
            /// `baud` — serial only; default 115200. One of the standard rates 1200…230400.
            public var baud = 115_200

            public init(location: Location, kind: Kind, suffix: Suffix = .cr, baud: Int = 115_200) {
                self.location = location
                self.kind = kind
                self.suffix = suffix
                self.baud = baud
            }

            public static let baudRates = [1200, 2400, 4800, 9600, 19_200, 38_400, 57_600, 115_200, 230_400]
        }
    }

    /// `[readers]` — which PC/SC readers the daemon watches.
    public struct Readers: Sendable, Hashable {
        /// `include` — reader-name substrings to use; empty (default) means every reader.
        public var include: [String] = []
        /// `exclude` — reader-name substrings to ignore, applied after `include`; default none.
        public var exclude: [String] = []
        /// `read-timeout-seconds` — one whole chip read; 1…600, default 30.
        public var readTimeout: Duration = .seconds(30)

        public init() {}
    }

    /// `[chip]` — what to read from the card's chip.
    public struct Chip: Sendable, Hashable {
        /// `data-groups` — each 1…16, no duplicates; default `[1, 2, 13, 14, 15]`. EF.COM and EF.SOD are
        /// always read (Passive Authentication needs them), so they are not listed.
        public var dataGroups: [Int] = [1, 2, 13, 14, 15]
        /// `photo` — default true; false drops DG2 (the face image) even if listed, for kiosks
        /// that must not hold photos.
        public var photo = true
        /// `active-authentication` — default true: prove the chip holds its key (clone detection).
        public var activeAuthentication = true
        /// `chip-authentication` — default true: the chip's DG14 key agreement (clone detection).
        public var chipAuthentication = true

        public init() {}

        /// The data groups actually read: ``dataGroups`` sorted, without DG2 when ``photo`` is off.
        public var dataGroupsToRead: [Int] {
            dataGroups.filter { photo || $0 != 2 }.sorted()
        }
    }
}
