import ChipProtocol
import SmartCardReader
import VirtualChip

/// Where the demo places its virtual cards. With pcscd and Debian's `vsmartcard-vpcd` driver on
/// the machine, on vpcd's reader — the card then travels the same PC/SC path as a real one (the
/// reader watch sees it arrive, `PCSCChipTerminal` reads it); otherwise on a reader inside this
/// process, so the demo still needs nothing installed.
protocol DemoCardSlot: Sendable {
    /// The reader's name as the pipeline and the status board see it.
    var reader: String { get }
    /// What the pipeline reads the card through.
    var terminal: any ChipTerminal { get }
    /// pcscd when the cards go through it (the daemon then watches it as it would real readers);
    /// nil when the slot is in process and the presenter announces the card itself.
    var pcsc: PCSCService? { get }
    /// Places `chip` on the reader and returns once the reader reports it.
    func insert(_ chip: VirtualCCCDChip) async
    /// Takes the card off and returns once the reader reports it gone.
    func remove() async
}

/// The in-process reader: no pcscd, no vpcd.
struct InProcessCardSlot: DemoCardSlot {
    let reader = "Demo reader (virtual) 00 00"
    private let slots = InProcessChipTerminal()

    var terminal: any ChipTerminal { slots }
    var pcsc: PCSCService? { nil }

    func insert(_ chip: VirtualCCCDChip) async { slots.insert(chip, into: reader) }
    func remove() async { slots.remove(from: reader) }
}
