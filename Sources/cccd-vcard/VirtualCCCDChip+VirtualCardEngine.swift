public import VirtualCard
public import VirtualChip

/// The chip engine already has the vpcd card surface (ATR, power, reset, respond); the two modules
/// stay independent of each other and meet here.
extension VirtualCCCDChip: VirtualCardEngine {}
