import Synchronization
import Glibc
import VirtualCard
import VirtualChip

/// The chip with a hand that pulls it out of the reader: APDUs up to the limit are answered, the
/// next one asks the serving loop to remove the card and is never answered.
///
/// The removal closes the vpcd socket from the main loop; this thread waits long enough for that
/// to happen (the loop checks every 10 ms) so the placeholder answer it returns afterwards finds
/// the socket shut and never reaches the reader. vpcd then reports the card gone, as when a card
/// leaves the field mid-command.
final class CardPuller: VirtualCardEngine {
    let chip: VirtualCCCDChip
    let apduLimit: Int
    let removal: RemovalSwitch
    private let answered = Mutex(0)

    init(chip: VirtualCCCDChip, apduLimit: Int, removal: RemovalSwitch) {
        self.chip = chip
        self.apduLimit = apduLimit
        self.removal = removal
    }

    var atr: [UInt8] { chip.atr }
    func powerOn() { chip.powerOn() }
    func powerOff() { chip.powerOff() }
    func reset() { chip.reset() }

    func respond(to apdu: [UInt8]) -> [UInt8] {
        let number = answered.withLock { count in
            count += 1
            return count
        }
        guard number > apduLimit else { return chip.respond(to: apdu) }
        removal.request()
        usleep(250_000)
        // 6F00 "no precise diagnosis": only sent if the socket somehow survived.
        return [0x6F, 0x00]
    }
}

/// Set by ``CardPuller`` from vpcd's serving thread, acted on by the main loop.
final class RemovalSwitch: Sendable {
    private let state = Mutex((requested: false, done: false))

    func request() { state.withLock { $0.requested = true } }
    func markDone() { state.withLock { $0.done = true } }
    var isRequested: Bool { state.withLock { $0.requested } }
    var done: Bool { state.withLock { $0.done } }
}
