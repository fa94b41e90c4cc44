import Foundation

/// `make soak`: the whole daemon for SOAK_MINUTES (default 4) under injected faults, then the
/// invariants; exit 1 when one fails. Run from the repository root as root (pcscd), after
/// `make test-deps`. Knobs: SOAK_MINUTES, SOAK_SCANNERS (3), SOAK_SEED, SOAK_REPORT (BENCHMARKS.md; empty: none).
Children.installInterruptHandler()
let settings = SoakSettings.fromEnvironment()
let passed = await SoakRun.execute(settings)
exit(passed ? 0 : 1)
