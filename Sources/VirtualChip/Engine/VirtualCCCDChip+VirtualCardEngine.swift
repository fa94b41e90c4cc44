public import VirtualCard

/// The chip engine already has the vpcd card surface (ATR, power, reset, respond), so it plugs
/// into ``VPCDConnection`` as it is: `cccd-vcard` and the demo's vpcd reader both serve it that way.
extension VirtualCCCDChip: VirtualCardEngine {}
